import type { Db } from './open.js';

/**
 * Many small writes grouped into one transaction, committed now and then: a commit per file (or per
 * source indexed) would cost more than the work itself. Inside an open group, better-sqlite3 runs a
 * transaction function as a savepoint, so each unit of work still lands whole or not at all.
 */
export class TransactionGroup {
  private open = false;
  private openedAt = 0;

  constructor(protected readonly db: Db) {}

  /** Starts a group (no-op if one is open). */
  begin(): void {
    if (this.open) return;
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
    this.openedAt = performance.now();
  }

  /** Whether a group is open. */
  protected get grouped(): boolean {
    return this.open;
  }

  /** How long the open group has held the write lock (0 when none is open), in milliseconds. */
  openMs(): number {
    return this.open ? performance.now() - this.openedAt : 0;
  }

  /** Makes everything written since `begin` durable. */
  commit(): void {
    if (!this.open) return;
    this.db.exec('COMMIT');
    this.open = false;
  }

  /** Abandons the open group (after an error). */
  rollback(): void {
    if (!this.open) return;
    this.db.exec('ROLLBACK');
    this.open = false;
  }
}
