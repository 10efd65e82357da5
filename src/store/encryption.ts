/**
 * Changing a project's encryption: a new passphrase (`telaah rekey`) or encrypting a plain project
 * (`telaah encrypt`). Both first take the database for themselves: out of WAL mode (which SQLite
 * refuses while another connection has the file open) and under an exclusive lock kept until the
 * connection closes, so no other process reads a half-changed file or writes into the old one.
 */
import { renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { ProjectError } from '../errors.js';
import { syncFile } from './file-sync.js';
import type { Db } from './open.js';
import { applyKey, rekeyStore } from './store-key.js';

/** The encrypted copy `encryptStore` writes next to the database before it takes its place. */
export function encryptingCopyOf(database: string): string {
  return `${database}.encrypting`;
}

/**
 * Changes the passphrase of an open encrypted project. SQLite rewrites every page in one transaction
 * with a rollback journal, so a crash midway leaves the project under its old passphrase.
 */
export function changeStoreKey(db: Db, passphrase: string): void {
  takeSoleAccess(db);
  rekeyStore(db, passphrase);
  db.pragma('journal_mode = WAL');
}

/**
 * Encrypts the open plain project at `database` with `passphrase`. The original stays untouched until
 * an encrypted, checked copy replaces it by an atomic rename: a crash before the rename leaves the plain
 * project as it was (and a stale copy, removed by the next attempt), after it the encrypted one. `db`
 * must be closed by the caller afterwards; it still holds the old file, which no longer has a name.
 * `beforeSwap` writes to the encrypted copy (the audit entry) before it takes the database's place.
 */
export function encryptStore(db: Db, database: string, passphrase: string, beforeSwap: (copy: Db) => void): void {
  takeSoleAccess(db);
  const copy = encryptingCopyOf(database);
  rmSync(copy, { force: true });
  try {
    // A plain copy first: SQLite3MultipleCiphers cannot write an encrypted copy of a plain database.
    db.prepare('VACUUM INTO ?').run(copy);
    const target = new Database(copy);
    try {
      rekeyStore(target, passphrase);
      beforeSwap(target);
    } finally {
      target.close();
    }
    checkCopy(copy, passphrase);
    syncFile(copy);
    renameSync(copy, database);
    syncFile(dirname(database));
  } catch (error) {
    rmSync(copy, { force: true });
    throw error;
  }
}

/** Opens the encrypted copy with its passphrase and checks every page before it replaces anything. */
function checkCopy(copy: string, passphrase: string): void {
  const db = new Database(copy, { fileMustExist: true });
  try {
    applyKey(db, passphrase, copy);
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new ProjectError(`the encrypted copy failed its check (${String(result)}); the project was not changed`);
  } finally {
    db.close();
  }
}

/** Leaves WAL mode and keeps an exclusive lock until the connection closes; refused while others have the project open. */
function takeSoleAccess(db: Db): void {
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = DELETE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    db.pragma('locking_mode = NORMAL');
    if (!String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) throw error;
    throw new ProjectError('another telaah command has the project open', { hint: 'Try again when it has finished; nothing was changed' });
  }
  if (db.pragma('journal_mode', { simple: true }) !== 'delete') {
    db.pragma('locking_mode = NORMAL');
    throw new ProjectError('another telaah command has the project open', { hint: 'Try again when it has finished; nothing was changed' });
  }
}
