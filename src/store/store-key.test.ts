import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectError } from '../errors.js';
import { openStore } from './open.js';
import { isEncryptedFile, keyOf, WrongPassphraseError } from './store-key.js';

const folder = (): string => mkdtempSync(join(tmpdir(), 'telaah-key-'));

describe('store keys', () => {
  it('a database made with a key is encrypted from its first byte, opens with the key and with no other', () => {
    const path = join(folder(), 'telaah.db');
    const db = openStore(path, { create: true, key: 'rahasia' });
    expect(keyOf(db)).toBe('rahasia');
    db.prepare("INSERT INTO participants (pseudonym, created_at, updated_at) VALUES ('Sumiati', 'x', 'x')").run();
    db.close();
    expect(isEncryptedFile(path)).toBe(true);
    expect(readFileSync(path).includes(Buffer.from('Sumiati'))).toBe(false);

    const again = openStore(path, { key: 'rahasia' });
    expect(again.prepare('SELECT pseudonym FROM participants').pluck().all()).toEqual(['Sumiati']);
    again.close();
    expect(() => openStore(path, { key: 'salah' })).toThrow(WrongPassphraseError);
    expect(() => openStore(path, { key: 'salah' })).toThrow(/^the passphrase does not open the encrypted project database .*telaah\.db$/);
    expect(() => openStore(path)).toThrow(ProjectError);
    expect(() => openStore(path)).toThrow(/is encrypted and no passphrase was given/);
    expect(() => openStore(path, { readonly: true })).toThrow(/no passphrase/);
  });

  it('a plain database is not encrypted, has no key, and an empty or missing file is not encrypted either', () => {
    const dir = folder();
    const path = join(dir, 'plain.db');
    const db = openStore(path, { create: true });
    expect(keyOf(db)).toBeUndefined();
    db.close();
    expect(isEncryptedFile(path)).toBe(false);
    expect(isEncryptedFile(join(dir, 'missing.db'))).toBe(false);
    writeFileSync(join(dir, 'empty.db'), '');
    expect(isEncryptedFile(join(dir, 'empty.db'))).toBe(false);
  });
});
