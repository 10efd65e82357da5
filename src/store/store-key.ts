/**
 * Encryption at rest. An encrypted project is a SQLCipher 4 file written by SQLite3MultipleCiphers: the
 * cipher is named on every connection (rather than left to the library's default, ChaCha20) so the file
 * opens in any SQLCipher-compatible tool (DB Browser for SQLite, sqlcipher, Python's sqlcipher3) and stays
 * readable if a later library changes its default. Every page of the database and of its -wal is
 * encrypted (AES-256-CBC, HMAC-SHA512, PBKDF2 with 256,000 rounds); the -shm holds only page numbers.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { ProjectError } from '../errors.js';
import type { Db } from './open.js';

/** The first 16 bytes of every plain SQLite file; an encrypted file starts with its random salt instead. */
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The passphrase does not open the database: said in one line by every command, doctor included. */
export class WrongPassphraseError extends ProjectError {}

/** The passphrase given to each connection of a project, for threads that open the project themselves. */
const keys = new WeakMap<Db, string>();

/** True when the database file exists and is encrypted (it does not start with SQLite's plain header). */
export function isEncryptedFile(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    const read = readSync(fd, head, 0, head.length, 0);
    // An empty file is a database not yet written: plain until a key is applied.
    return read > 0 && !head.subarray(0, read).equals(PLAIN_HEADER.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/** Names the cipher on a connection: before `key` or `rekey`, whose format it decides. */
export function chooseCipher(db: Db): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
}

/**
 * Applies the passphrase to a freshly opened connection, before any other statement, and checks it
 * by reading the schema: a wrong one fails here with a message that never holds the passphrase.
 */
export function applyKey(db: Db, passphrase: string, path: string): void {
  chooseCipher(db);
  db.key(Buffer.from(passphrase, 'utf8'));
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'SQLITE_NOTADB') throw error;
    throw new WrongPassphraseError(`the passphrase does not open the encrypted project database ${path}`, {
      hint: 'Check TELAAH_PASSPHRASE or type it again; nothing was changed',
    });
  }
  keys.set(db, passphrase);
}

/** Changes the passphrase of an encrypted database, or encrypts a plain one, in place (one transaction). */
export function rekeyStore(db: Db, passphrase: string): void {
  chooseCipher(db);
  db.rekey(Buffer.from(passphrase, 'utf8'));
  keys.set(db, passphrase);
}

/** The passphrase the connection was opened with; undefined for a plain project. */
export function keyOf(db: Db): string | undefined {
  return keys.get(db);
}
