import type { Db } from './open.js';

/**
 * A rollback journal for one bulk write (ingest), instead of the WAL every connection otherwise uses.
 *
 * Ingest mostly appends new pages. In WAL mode each is written twice (to the log, then checkpointed into
 * the database) with a frame header, a checksum and a wal-index entry each; a rollback journal copies
 * only the pages that existed before the transaction, and new pages are written once. On the 200 MB
 * bench corpus that took the storing thread from 5.1-5.5 to 4.8 s CPU (per-thread CPU from
 * /proc/thread-self/stat; two runs each).
 *
 * Leaving WAL needs the project to itself: when another connection has it open, the switch is refused
 * at once (no wait) and the write goes on in WAL, as before. A command opened while the bulk write runs
 * reads the project as it is (openStore does not wait to put WAL back, see useWal); its reads take
 * turns with the writer's commits, which wait for them (busy_timeout).
 *
 * Returns what puts WAL back (after the last commit). If another connection holds the project then, it
 * stays as it is: the next connection to open it alone puts WAL back (openStore). A crash in between
 * leaves a hot journal, rolled back by the next connection, read-only ones too.
 */
export function useRollbackJournal(db: Db): () => void {
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') return () => {};
  if (!switchJournal(db, 'DELETE')) return () => {};
  return () => void switchJournal(db, 'WAL');
}

/** Sets the journal mode unless another connection holds the project (SQLITE_BUSY: nothing changes). */
export function switchJournal(db: Db, mode: 'DELETE' | 'WAL'): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return db.pragma(`journal_mode = ${mode}`, { simple: true }) === mode.toLowerCase();
  } catch (error) {
    if (String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
