import type { Db } from './open.js';

/**
 * Inserts rows of one shape many at a time: one `INSERT … VALUES (…), (…), …` call per `batch` rows,
 * because a statement call from JavaScript costs more than SQLite's own work for a small row. The
 * parameter buffer is reused, so millions of rows allocate nothing.
 */
export class BatchInsert {
  private readonly width: number;
  private readonly many;
  private readonly one;
  private readonly buffer: unknown[];
  private filled = 0;

  constructor(db: Db, table: string, columns: readonly string[], batch = 32) {
    this.width = columns.length;
    const row = `(${columns.map(() => '?').join(', ')})`;
    const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.many = db.prepare(head + new Array(batch).fill(row).join(', '));
    this.one = db.prepare(head + row);
    this.buffer = new Array<unknown>(batch * this.width).fill(null);
  }

  /** Queues one row (values in column order); a full batch goes to the database at once. */
  add(...row: unknown[]): void {
    const buffer = this.buffer;
    let at = this.filled;
    for (let i = 0; i < row.length; i++) buffer[at++] = row[i];
    this.filled = at;
    if (at === buffer.length) {
      this.many.run(buffer);
      this.filled = 0;
    }
  }

  /** Writes every queued row. */
  flush(): void {
    for (let at = 0; at < this.filled; at += this.width) this.one.run(this.buffer.slice(at, at + this.width));
    this.filled = 0;
  }
}
