import type { Db } from './open.js';

/**
 * Inserts rows of one shape many at a time: one `INSERT … VALUES (…), (…), …` call per `batch` rows,
 * because a statement call from JavaScript costs more than SQLite's own work for a small row. The
 * parameter buffer is reused, so millions of rows allocate nothing.
 */
export class BatchInsert {
  private readonly width: number;
  private readonly many;
  private readonly head: string;
  private readonly row: string;
  private readonly db: Db;
  /** Statements of 2^k rows for what is left at a flush, made when first needed. */
  private readonly smaller = new Map<number, ReturnType<Db['prepare']>>();
  private readonly buffer: unknown[];
  private filled = 0;

  constructor(db: Db, table: string, columns: readonly string[], batch = 32) {
    this.db = db;
    this.width = columns.length;
    this.row = `(${columns.map(() => '?').join(', ')})`;
    this.head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.many = db.prepare(this.head + new Array(batch).fill(this.row).join(', '));
    this.buffer = new Array<unknown>(batch * this.width).fill(null);
  }

  /** Queues one row (values in column order); a full batch goes to the database at once. */
  add(...row: unknown[]): void {
    const buffer = this.buffer;
    let at = this.filled;
    for (let i = 0; i < row.length; i++) buffer[at++] = row[i];
    this.filled = at;
    if (at === buffer.length) {
      // Spread: better-sqlite3 reads arguments directly, but an array's elements one API call each (ingest
      // of 3.3 M sentence rows in a throwaway script: 1.20 s of CPU spread, 1.39-1.44 s as an array).
      this.many.run(...buffer);
      this.filled = 0;
    }
  }

  /**
   * Writes every queued row, in chunks of 2^k rows largest first: a source's last rows are a partial
   * batch, and one statement per row would cost more than the full batches did.
   */
  flush(): void {
    let at = 0;
    while (at < this.filled) {
      let rows = 1;
      while (rows * 2 * this.width <= this.filled - at) rows *= 2;
      this.statementOf(rows).run(this.buffer.slice(at, at + rows * this.width));
      at += rows * this.width;
    }
    this.filled = 0;
  }

  /** Drops the queued rows (their transaction was rolled back). */
  clear(): void {
    this.filled = 0;
  }

  private statementOf(rows: number): ReturnType<Db['prepare']> {
    let statement = this.smaller.get(rows);
    if (!statement) {
      statement = this.db.prepare(this.head + new Array(rows).fill(this.row).join(', '));
      this.smaller.set(rows, statement);
    }
    return statement;
  }
}
