import Database from 'better-sqlite3-multiple-ciphers';
import { ProjectError } from '../errors.js';
import { migrations, type Migration } from './migrations.js';
import { applyKey, isEncryptedFile } from './store-key.js';

export type Db = Database.Database;

/** How to open a project database; `key` is the passphrase of an encrypted one (or of a new one to encrypt). */
export interface StoreOptions {
  create?: boolean;
  readonly?: boolean;
  key?: string;
}

/** Opens (or creates) a project database with telaah's pragmas and brings its schema up to date. */
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
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // WAL + NORMAL is durable across application crashes; only a power cut can lose the last commit.
    db.pragma('synchronous = NORMAL');
    if (!options.readonly) migrate(db);
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

function schemaVersion(db: Db): number {
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

/** Applies the migrations the database has not seen yet, each in its own transaction. */
export function migrate(db: Db, list: readonly Migration[] = migrations): number {
  checkVersion(db);
  let applied = 0;
  for (let version = schemaVersion(db); version < list.length; version += 1) {
    const migration = list[version]!;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
    applied += 1;
  }
  return applied;
}

/** Names of the migrations not yet applied (read-only). */
export function pendingMigrations(db: Db, list: readonly Migration[] = migrations): string[] {
  return list.slice(schemaVersion(db)).map((m) => m.name);
}
