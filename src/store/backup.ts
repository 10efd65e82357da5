/**
 * `telaah backup`: a consistent copy of the project database, made with VACUUM INTO. It reads in one
 * transaction, so other processes go on reading (and, in WAL mode, writing) while it runs and the copy
 * is the project as it was when the backup began. better-sqlite3's db.backup() is not used: it opens
 * its destination itself, without a key, and SQLite3MultipleCiphers refuses to back an encrypted database
 * up into a plain one; VACUUM INTO gives the copy the source's cipher and passphrase, so an encrypted
 * project's backup is encrypted alike (and a plain project's is plain). The copy is one file with no
 * -wal, written under a temporary name, flushed to disk and then renamed into place.
 */
import { renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { syncFile } from './file-sync.js';
import type { Db } from './open.js';

/** Copies the open project database to `target`, replacing a file already there. */
export function backupStore(db: Db, target: string, temporary: string): void {
  rmSync(temporary, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(temporary);
    syncFile(temporary);
    renameSync(temporary, target);
    syncFile(dirname(target));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
