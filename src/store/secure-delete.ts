/**
 * Deleting so that the deleted text is gone from the project's files, not only from its tables. SQLite
 * leaves deleted rows in freed pages and in old page images (in the -wal file until a checkpoint, in the
 * database file until a page is reused), and FTS5 keeps a deleted row's words in its index segments
 * until they are merged. Used by `withdraw`, `sources remove` and `ingest --replace`.
 */
import type { Db } from './open.js';

/** Makes every later delete on this connection overwrite the deleted content with zeros. */
export function startSecureDelete(db: Db): void {
  db.pragma('secure_delete = ON');
}

/** What wiping the freed space did. */
export interface WipeReport {
  /** False when another process held the -wal file open, so old page images may remain there for now. */
  checkpointed: boolean;
}

/**
 * After a secure delete: merges the search index (dropping the deleted rows' words), writes every page
 * back into the database file and empties the -wal file; with `vacuum`, rebuilds the file from the
 * live rows only, so not even a zeroed page is left where the text was. Runs outside any transaction.
 */
export function wipeFreedPages(db: Db, options: { searchIndex: boolean; vacuum: boolean }): WipeReport {
  startSecureDelete(db);
  if (options.searchIndex) db.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
  let checkpointed = checkpoint(db);
  if (options.vacuum) {
    db.exec('VACUUM');
    checkpointed = checkpoint(db) && checkpointed;
  }
  return { checkpointed };
}

/** Truncating checkpoint; true when every frame reached the database file and the -wal file is empty. */
function checkpoint(db: Db): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return result === undefined || result.busy === 0;
}

/** True when the search index holds rows: only then is merging it worth its time. */
export function searchIndexInUse(db: Db): boolean {
  return db.prepare('SELECT 1 FROM search_sources LIMIT 1').get() !== undefined;
}
