/**
 * Deleting so that the deleted text is gone from the project's files, not only from its tables. SQLite
 * leaves deleted rows in freed pages and in old page images (in the -wal file until a checkpoint, in the
 * database file until a page is reused), and the search index — contentless, so FTS5 cannot take a
 * deleted row's words out of its segments (its secure-delete option needs the content) — keeps them
 * behind a tombstone until the segments are merged. Used by `withdraw`, `sources remove` and
 * `ingest --replace`.
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
 * After a secure delete: with `searchIndex`, merges the search index into one segment, which drops the
 * deleted rows' words (1.2 s for the index of a 130 MB project); writes every page back into the
 * database file and empties the -wal file; with `vacuum`, rebuilds the file from the live rows only, so
 * not even a zeroed page is left where the text was. Runs outside any transaction.
 */
export function wipeFreedPages(db: Db, options: { searchIndex: boolean; vacuum: boolean }): WipeReport {
  startSecureDelete(db);
  if (options.searchIndex) db.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
  let checkpointed = checkpoint(db);
  // A reader that kept the checkpoint from finishing (after the busy timeout) would keep VACUUM out too.
  if (options.vacuum && checkpointed) {
    try {
      db.exec('VACUUM');
    } catch (error) {
      // Another process in a read: the freed pages are zeroed already; the file is rebuilt another time.
      if (!/^SQLITE_(BUSY|LOCKED)/.test((error as { code?: string }).code ?? '')) throw error;
      return { checkpointed: false };
    }
    checkpointed = checkpoint(db);
  }
  return { checkpointed };
}

/** Truncating checkpoint; true when every frame reached the database file and the -wal file is empty. */
function checkpoint(db: Db): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return result === undefined || result.busy === 0;
}

/** Names of the sources the search index holds: only when one of them goes is merging the index worth it. Read before deleting. */
export function indexedSourceNames(db: Db): Set<string> {
  return new Set(db.prepare<[], string>('SELECT s.name FROM search_sources x JOIN sources s ON s.id = x.source_id').pluck().all());
}
