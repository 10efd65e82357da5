import Database from 'better-sqlite3-multiple-ciphers';
import { ProjectError } from '../errors.js';
import { migrations, type Migration } from './migrations.js';

export type Db = Database.Database;

/** Opens (or creates) a project database with telaah's pragmas and brings its schema up to date. */
export function openStore(path: string, options: { create?: boolean; readonly?: boolean } = {}): Db {
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
