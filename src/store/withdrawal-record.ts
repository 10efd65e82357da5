/** The record of withdrawn participants (m009_withdrawals): pseudonym, when, counts — never their words. */
import type { Db } from './open.js';

/** One withdrawal as recorded. */
export interface WithdrawalRecord {
  pseudonym: string;
  withdrawnAt: string;
  counts: Record<string, number>;
}

/** Records that a participant withdrew. */
export function recordWithdrawal(db: Db, record: WithdrawalRecord): void {
  db.prepare('INSERT INTO withdrawals (pseudonym, withdrawn_at, counts) VALUES (?, ?, ?)').run(record.pseudonym, record.withdrawnAt, JSON.stringify(record.counts));
}

/** Every withdrawn pseudonym, once each (ingest leaves their turns out). */
export function listWithdrawnPseudonyms(db: Db): string[] {
  return db.prepare<[], string>('SELECT DISTINCT pseudonym FROM withdrawals ORDER BY pseudonym COLLATE NOCASE').pluck().all();
}
