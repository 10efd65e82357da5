import { existsSync, renameSync, rmSync } from 'node:fs';
import { migrations } from './migrations.js';
import { migrate, schemaVersion, type Db } from './open.js';

/** What upgrading an older project did: the versions and where the copy of the old one is. */
export interface SchemaUpgrade {
  from: number;
  to: number;
  backup: string;
}

/** The schema version of an older project and the one this telaah writes, or undefined when it is current. */
export function olderSchema(db: Db): { from: number; to: number } | undefined {
  const from = schemaVersion(db);
  return from < migrations.length ? { from, to: migrations.length } : undefined;
}

/**
 * Brings an older project to the current schema after copying it, as it was, to a file beside it named
 * for its version (telaah.db.schema-5.bak). The copy is written under a temporary name and renamed when
 * complete, so a crash never leaves a half copy under the backup's name; an existing backup is kept.
 */
export function upgradeWithBackup(db: Db, database: string): SchemaUpgrade | undefined {
  const older = olderSchema(db);
  if (!older) return undefined;
  const backup = freeBackupName(database, older.from);
  const partial = `${backup}.partial`;
  rmSync(partial, { force: true });
  // VACUUM INTO reads one consistent snapshot (WAL included) while other readers go on.
  db.prepare('VACUUM INTO ?').run(partial);
  renameSync(partial, backup);
  migrate(db);
  return { ...older, backup };
}

function freeBackupName(database: string, version: number): string {
  const base = `${database}.schema-${version}.bak`;
  if (!existsSync(base)) return base;
  for (let n = 2; ; n += 1) {
    const next = `${database}.schema-${version}.${n}.bak`;
    if (!existsSync(next)) return next;
  }
}
