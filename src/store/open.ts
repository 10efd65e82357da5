import Database from 'better-sqlite3-multiple-ciphers';
import { ProjectError } from '../errors.js';
import { repairEarlyLayout } from './early-layout.js';
import { migrations, type Migration } from './migrations.js';
import { applyKey, isEncryptedFile } from './store-key.js';
import { switchJournal } from './bulk-journal.js';

export type Db = Database.Database;

/** How long a write waits for another process's transaction before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 60_000;

/** How to open a project database; `key` is the passphrase of an encrypted one (or of a new one to encrypt). */
export interface StoreOptions {
  create?: boolean;
  readonly?: boolean;
  key?: string;
  /** false: only refuse a newer schema and leave an older one to the caller (see schema-upgrade.ts). */
  migrate?: boolean;
}

/** Opens (or creates) a project database with telaah's pragmas and, unless told not to, brings its schema up to date. */
export function openStore(path: string, options: StoreOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: !options.create, readonly: options.readonly ?? false });
  } catch (error) {
    throw new ProjectError(`cannot open the project database ${path}: ${(error as Error).message}`, {
      hint: 'Check the path and its permissions, or restore the database from a backup',
      cause: error,
    });
  }
  try {
    unlock(db, path, options.key);
    // WAL, unless a bulk write holds the project with a rollback journal (bulk-journal.ts): then it is
    // opened as it is, without waiting, and the bulk write puts WAL back when done.
    if (!options.readonly && db.pragma('journal_mode', { simple: true }) !== 'wal') switchJournal(db, 'WAL');
    db.pragma('foreign_keys = ON');
    // Another process may hold the write lock for a whole commit group (ingest, code auto): wait for it.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // WAL + NORMAL is durable across application crashes; only a power cut can lose the last commit.
    db.pragma('synchronous = NORMAL');
    if (!options.readonly && options.migrate !== false) migrate(db);
    else checkVersion(db);
  } catch (error) {
    db.close();
    if (error instanceof ProjectError) throw error;
    throw new ProjectError(`${path} is not a usable telaah database: ${(error as Error).message}`, {
      hint: 'Restore it from a backup or create a new project with `telaah init`',
      cause: error,
    });
  }
  return db;
}

/** The passphrase goes first: before it, an encrypted file cannot even be read. */
function unlock(db: Db, path: string, key: string | undefined): void {
  if (key !== undefined) applyKey(db, key, path);
  else if (isEncryptedFile(path)) {
    throw new ProjectError(`the project database ${path} is encrypted and no passphrase was given`, {
      hint: 'Set TELAAH_PASSPHRASE, or run the command in a terminal to be asked for it',
    });
  }
}

/** The schema version the database is at (0 for a new one). */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function checkVersion(db: Db): void {
  const version = schemaVersion(db);
  if (version > migrations.length) {
    throw new ProjectError(
      `this project was written by a newer telaah (schema ${version}, this telaah knows ${migrations.length})`,
      { hint: 'Upgrade telaah to open it' },
    );
  }
}

/**
 * Applies the migrations the database has not seen yet, each in its own transaction. Each takes the write
 * lock first and reads the version under it, so two processes opening an old project at once apply
 * every step once.
 */
export function migrate(db: Db, list: readonly Migration[] = migrations): number {
  checkVersion(db);
  if (schemaVersion(db) >= list.length) return 0;
  db.transaction(() => repairEarlyLayout(db)).immediate();
  let applied = 0;
  for (;;) {
    const step = db.transaction((): boolean => {
      const version = schemaVersion(db);
      if (version >= list.length) return false;
      list[version]!.up(db);
      db.pragma(`user_version = ${version + 1}`);
      return true;
    });
    if (!step.immediate()) break;
    applied += 1;
  }
  return applied;
}

/** Names of the migrations not yet applied (read-only). */
export function pendingMigrations(db: Db, list: readonly Migration[] = migrations): string[] {
  return list.slice(schemaVersion(db)).map((m) => m.name);
}
