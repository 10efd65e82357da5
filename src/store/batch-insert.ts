import type { Db } from './open.js';

/**
 * Inserts rows of one shape many at a time: one `INSERT … VALUES (…), (…), …` call per `batch` rows,
 * because a statement call from JavaScript costs more than SQLite's own work for a small row.
 */
export class BatchInsert {
  private readonly width: number;
  private readonly many;
  private readonly one;
  private values: unknown[] = [];

  constructor(db: Db, table: string, columns: readonly string[], private readonly batch = 32) {
    this.width = columns.length;
    const row = `(${columns.map(() => '?').join(', ')})`;
    const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.many = db.prepare(head + new Array(batch).fill(row).join(', '));
    this.one = db.prepare(head + row);
  }

  /** Queues one row (values in column order); full batches go to the database at once. */
  add(...row: unknown[]): void {
    for (const value of row) this.values.push(value);
    if (this.values.length >= this.batch * this.width) this.drain(false);
  }

  /** Writes every queued row. */
  flush(): void {
    this.drain(true);
  }

  private drain(all: boolean): void {
    const full = this.batch * this.width;
    let at = 0;
    for (; this.values.length - at >= full; at += full) this.many.run(this.values.slice(at, at + full));
    if (all) for (; at < this.values.length; at += this.width) this.one.run(this.values.slice(at, at + this.width));
    this.values = at === this.values.length ? [] : this.values.slice(at);
  }
}
