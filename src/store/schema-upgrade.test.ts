import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations.js';
import { migrate, openStore } from './open.js';
import { olderSchema, upgradeWithBackup } from './schema-upgrade.js';

/** A database at schema `version` with one participant, in a new temp folder. */
function databaseAt(version: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'telaah-upgrade-')), 'telaah.db');
  const db = openStore(path, { create: true, migrate: false });
  migrate(db, migrations.slice(0, version));
  db.prepare("INSERT INTO participants (pseudonym, created_at, updated_at) VALUES ('Sumiati', 'now', 'now')").run();
  db.close();
  return path;
}

const versionOf = (path: string): number => {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

describe('upgradeWithBackup', () => {
  it('copies the old database beside it, named for its version, then migrates', () => {
    const path = databaseAt(4);
    const db = openStore(path, { migrate: false });
    expect(olderSchema(db)).toEqual({ from: 4, to: migrations.length });
    expect(upgradeWithBackup(db, path)).toEqual({ from: 4, to: migrations.length, backup: `${path}.schema-4.bak` });
    expect(olderSchema(db)).toBeUndefined();
    expect(upgradeWithBackup(db, path)).toBeUndefined();
    db.close();
    expect(versionOf(path)).toBe(migrations.length);
    expect(versionOf(`${path}.schema-4.bak`)).toBe(4);
    const backup = new Database(`${path}.schema-4.bak`, { readonly: true });
    expect(backup.prepare('SELECT pseudonym FROM participants').all()).toEqual([{ pseudonym: 'Sumiati' }]);
    backup.close();
  });

  it('never overwrites an earlier backup, and leaves no partial copy', () => {
    const path = databaseAt(6);
    writeFileSync(`${path}.schema-6.bak`, 'an earlier backup');
    writeFileSync(`${path}.schema-6.2.bak.partial`, 'a copy a crash cut short');
    const db = openStore(path, { migrate: false });
    expect(upgradeWithBackup(db, path)?.backup).toBe(`${path}.schema-6.2.bak`);
    db.close();
    expect(readdirSync(join(path, '..')).sort()).toEqual(['telaah.db', 'telaah.db.schema-6.2.bak', 'telaah.db.schema-6.bak']);
    expect(existsSync(`${path}.schema-6.2.bak.partial`)).toBe(false);
  });

  it('opening with migrate: false leaves an older schema as it is but still refuses a newer one', () => {
    const path = databaseAt(2);
    openStore(path, { migrate: false }).close();
    expect(versionOf(path)).toBe(2);
    const db = openStore(path);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => openStore(path, { migrate: false })).toThrow(/newer telaah/);
  });
});
