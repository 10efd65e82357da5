import Database from 'better-sqlite3-multiple-ciphers';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { SAMPLES, tempDir, telaah } from './spawn-cli.js';

/** The passphrase of the test projects (spaces and non-ASCII on purpose). */
export const PASS = 'kopi-susu Medan 2025 §ü';
export const TRANSCRIPT = join(SAMPLES, 'interviews', '01-rahmawati.txt');
/** Words of that transcript, its participant's pseudonym (also in the source's name), a place it names. */
export const SECRETS = ['truk kontainer mogok', 'kontainer', 'Rahmawati', 'rahmawati', 'Pulo Brayan'];

/** Every file in a folder, as raw bytes. */
export function folderBytes(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile()).map((name) => [name, readFileSync(join(dir, name))]));
}

/** Which of `words` occur in which file of the folder (`file: word`). */
export function leaks(dir: string, words: readonly string[]): string[] {
  const found: string[] = [];
  for (const [name, bytes] of folderBytes(dir)) {
    for (const word of words) if (bytes.includes(Buffer.from(word, 'utf8'))) found.push(`${name}: ${word}`);
  }
  return found;
}

/** A project with the transcript ingested, encrypted with PASS from `init --encrypt` on unless `plain`. */
export function studyProject(plain = false): string {
  const dir = tempDir();
  const env = { TELAAH_PASSPHRASE: PASS };
  expect(telaah(dir, plain ? ['init'] : ['init', '--encrypt'], env).code).toBe(0);
  expect(telaah(dir, ['participants', 'import', join(SAMPLES, 'participants.csv')], env).code).toBe(0);
  const ingest = telaah(dir, ['ingest', TRANSCRIPT, '--pseudonyms', join(SAMPLES, 'pseudonyms.csv')], env);
  expect(ingest.code, ingest.stderr).toBe(0);
  return dir;
}

/** Opens an encrypted project database as another program would, with its passphrase. */
export function openWithKey(file: string, passphrase: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.key(Buffer.from(passphrase, 'utf8'));
  return db;
}
