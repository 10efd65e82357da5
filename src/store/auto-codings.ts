import type { NewCoding } from './codings.js';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './open.js';

/** How one replacement changed the stored auto codings. */
export interface AutoCodingChange {
  added: number;
  removed: number;
  kept: number;
}

/**
 * Auto codings as columns (how `code auto` hands them over, from worker threads): entries from..to-1,
 * entry k on segment segmentIds[k] with code codeIds[codes[k]] and evidence starts[k]..ends[k], no confidence.
 */
export interface AutoCodingColumns {
  codeIds: readonly string[];
  segmentIds: Int32Array;
  codes: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  from: number;
  to: number;
}

/** One source's new auto codings, as rows or as columns. */
export interface SourceAutoCodings {
  source: string;
  codings: readonly NewCoding[] | AutoCodingColumns;
  /**
   * The source's segment range as the codings were made for it, when known: checked against the stored
   * row through the range index (reading it by name walks the row past the source text, 7 µs a source).
   */
  range?: { first: number; last: number };
}

/**
 * Replaces the auto codings of several sources in one commit (see replaceSourceAutoCodings): `code
 * auto` stores a batch of sources at a time, as a commit per small source would cost more than coding it.
 */
export function replaceAutoCodingsOfSources(db: Db, batch: readonly SourceAutoCodings[], codebookId: number, now: string): AutoCodingChange {
  return withoutForeignKeyChecks(db, () =>
    db.transaction(() => {
      const total: AutoCodingChange = { added: 0, removed: 0, kept: 0 };
      const sql = statementsOf(db);
      if (sql.codebook.get(codebookId) === undefined) throw new Error(`no codebook version ${codebookId}`);
      for (const { source, codings, range } of batch) {
        // Inside this transaction: a savepoint per source would only add statements.
        const change = replaceInTransaction(sql, source, codebookId, codings, now, range);
        total.added += change.added;
        total.removed += change.removed;
        total.kept += change.kept;
      }
      return total;
    }).immediate(),
  );
}

/**
 * Turns foreign key checks off when they are on and can be (outside a transaction; inside one the
 * pragma does nothing); returns what turns them on again. The only key an auto coding holds is its
 * codebook version, checked once per batch: checked per row, it cost a lookup per row and made every
 * multi-row INSERT keep a statement journal (a temporary file written page by page: 1.4 million
 * writes for a million codings).
 */
function pauseForeignKeys(db: Db): () => void {
  if (db.inTransaction || db.pragma('foreign_keys', { simple: true }) !== 1) return () => {};
  db.pragma('foreign_keys = OFF');
  return () => db.pragma('foreign_keys = ON');
}

/** Runs `write` with foreign key checks off when it can (see pauseForeignKeys). */
function withoutForeignKeyChecks<T>(db: Db, write: () => T): T {
  const resume = pauseForeignKeys(db);
  try {
    return write();
  } finally {
    resume();
  }
}

/**
 * Runs `work` (which stores auto codings batch by batch) with foreign key checks off throughout: setting
 * the pragma expires every prepared statement of the connection, so turning it off and on for each of
 * a few hundred batches made SQLite compile the many-row INSERTs again each time.
 */
export async function storingAutoCodings<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const resume = pauseForeignKeys(db);
  try {
    return await work();
  } finally {
    resume();
  }
}

/**
 * Makes the stored auto codings of one source equal to `codings` for this codebook version: codings of
 * another version are replaced, identical ones kept, human codings never touched. Only this source's
 * codings are read (by its segment id range), so the project's other codings never need to be in memory.
 */
export function replaceSourceAutoCodings(db: Db, source: string, codebookId: number, codings: readonly NewCoding[], now: string): AutoCodingChange {
  const sql = statementsOf(db);
  return db.transaction(() => replaceInTransaction(sql, source, codebookId, codings, now)).immediate();
}

function isColumns(codings: readonly NewCoding[] | AutoCodingColumns): codings is AutoCodingColumns {
  return !Array.isArray(codings);
}

/** Codings given as columns, as rows. */
function rowsOf(codings: readonly NewCoding[] | AutoCodingColumns): readonly NewCoding[] {
  if (!isColumns(codings)) return codings;
  const { codeIds, segmentIds, codes, starts, ends, from, to } = codings;
  const rows: NewCoding[] = new Array(to - from);
  for (let k = from; k < to; k++) rows[k - from] = { segmentId: segmentIds[k]!, code: codeIds[codes[k]!]!, start: starts[k]!, end: ends[k]! };
  return rows;
}

/** The first segment id of `codings` outside first..last, or -1. */
function outsideRange(codings: readonly NewCoding[] | AutoCodingColumns, first: number, last: number): number {
  if (!isColumns(codings)) {
    for (const c of codings) if (c.segmentId < first || c.segmentId > last) return c.segmentId;
    return -1;
  }
  const { segmentIds, from, to } = codings;
  for (let k = from; k < to; k++) if (segmentIds[k]! < first || segmentIds[k]! > last) return segmentIds[k]!;
  return -1;
}

/** replaceSourceAutoCodings' work, in the caller's write transaction. */
function replaceInTransaction(sql: Statements, source: string, codebookId: number, given: readonly NewCoding[] | AutoCodingColumns, now: string, known?: { first: number; last: number }): AutoCodingChange {
  const range = known !== undefined && sql.sameRange.get(known.first, source) === known.last ? known : sql.range.get(source);
  if (!range) throw new Error(`no source named ${source}`);
  const outside = outsideRange(given, range.first, range.last);
  if (outside >= 0) throw new Error(`segment ${outside} is not in source ${source}`);
  // A source with no auto coding yet (every source on a first run) is answered by one probe and needs
  // no keys; columns go into the INSERTs as they are.
  if (sql.anyExisting.get(range.first, range.last) === undefined) {
    if (isColumns(given)) {
      sql.insert.writeColumns(given, codebookId, now);
      return { added: given.to - given.from, removed: 0, kept: 0 };
    }
    sql.insert.write(given, codebookId, now);
    return { added: given.length, removed: 0, kept: 0 };
  }
  const codings = rowsOf(given);
  const key = (c: { segmentId: number; code: string; start: number; end: number }): string => `${c.segmentId} ${c.code} ${c.start} ${c.end}`;
  const wanted = new Map(codings.map((c) => [key(c), c]));
  // The stored rows are read one at a time and only the ids to remove are held (a statement cannot
  // write while another iterates): a source with a hundred thousand auto codings costs numbers, not rows.
  const stale: number[] = [];
  let kept = 0;
  for (const row of sql.existing.iterate(range.first, range.last)) {
    if (row.codebookId === codebookId && wanted.delete(key(row))) kept += 1;
    else stale.push(row.id);
  }
  for (const id of stale) sql.remove.run(id);
  const added = [...wanted.values()];
  sql.insert.write(added, codebookId, now);
  return { added: added.length, removed: stale.length, kept };
}

type Statements = ReturnType<typeof prepareStatements>;
const prepared = new WeakMap<Db, Statements>();

// Prepared once per database: `code auto` calls this for every source, thousands of times.
function statementsOf(db: Db): Statements {
  let sql = prepared.get(db);
  if (!sql) {
    sql = prepareStatements(db);
    prepared.set(db, sql);
  }
  return sql;
}

function prepareStatements(db: Db) {
  return {
    range: db.prepare<[string], { first: number; last: number }>('SELECT first_segment AS first, last_segment AS last FROM sources WHERE name = ?'),
    // `+name`: the name is checked in the (first_segment, last_segment, sha256, name, type) index, not looked up in its own.
    sameRange: db.prepare<[number, string], number>('SELECT last_segment FROM sources WHERE first_segment = ? AND +name = ?').pluck(),
    codebook: db.prepare<[number], number>('SELECT 1 FROM codebooks WHERE id = ?').pluck(),
    // The (segment_id, code, coder) index serves the range.
    existing: db.prepare<[number, number], { id: number; segmentId: number; code: string; start: number; end: number; codebookId: number | null }>(
      `SELECT id, segment_id AS segmentId, code, start, end, codebook_id AS codebookId FROM codings
        WHERE segment_id BETWEEN ? AND ? AND origin = 'auto'`,
    ),
    anyExisting: db.prepare<[number, number], number>(`SELECT 1 FROM codings WHERE segment_id BETWEEN ? AND ? AND origin = 'auto' LIMIT 1`).pluck(),
    remove: db.prepare('DELETE FROM codings WHERE id = ?'),
    insert: new AutoCodingInsert(db),
  };
}

/** Rows per INSERT statement, largest first: a source's codings go in as few statements as these sizes allow. */
const ROWS_PER_STATEMENT = [32, 8, 1];

/** Many-row INSERTs of auto codings, largest first, each with its array of values to bind. */
type ManyRowInserts = { rows: number; statement: Statement<unknown[]>; values: unknown[] }[];

/** INSERTs of ROWS_PER_STATEMENT rows of `tuple`, which has `width` parameters. */
function prepareInserts(db: Db, tuple: string, width: number): ManyRowInserts {
  return ROWS_PER_STATEMENT.map((rows) => {
    const tuples = new Array<string>(rows).fill(tuple);
    // OR FAIL: a broken constraint still fails the statement (and the caller's transaction), but
    // SQLite need not be able to undo the statement alone, so it keeps no statement journal.
    const statement = db.prepare<unknown[]>(`INSERT OR FAIL INTO codings (segment_id, code, coder, origin, start, end, codebook_id, confidence, created_at) VALUES ${tuples.join(', ')}`);
    return { rows, statement, values: new Array<unknown>(rows * width).fill(null) };
  });
}

/**
 * Inserts auto codings many rows per statement, in the order given: a statement call from JavaScript
 * costs more than SQLite's own work for a small row. Values go as arguments, not an array (see BatchInsert.add).
 */
class AutoCodingInsert {
  private readonly statements: ManyRowInserts;
  /** For columns: the codebook version and the time written into the statements, which bind 4 values a row, not 7. */
  private columnStatements: ManyRowInserts | null = null;
  private columnsFor = '';

  constructor(private readonly db: Db) {
    this.statements = prepareInserts(db, `(?, ?, 'auto', 'auto', ?, ?, ?, ?, ?)`, 7);
  }

  write(codings: readonly NewCoding[], codebookId: number, now: string): void {
    let next = 0;
    for (const { rows, statement, values } of this.statements) {
      for (; next + rows <= codings.length; next += rows) {
        let at = 0;
        for (let r = next; r < next + rows; r++) {
          const c = codings[r]!;
          values[at++] = c.segmentId;
          values[at++] = c.code;
          values[at++] = c.start;
          values[at++] = c.end;
          values[at++] = codebookId;
          values[at++] = c.confidence ?? null;
          values[at++] = now;
        }
        statement.run(...values);
      }
    }
  }

  writeColumns(codings: AutoCodingColumns, codebookId: number, now: string): void {
    const key = `${codebookId} ${now}`;
    if (this.columnStatements === null || this.columnsFor !== key) {
      this.columnStatements = prepareInserts(this.db, `(?, ?, 'auto', 'auto', ?, ?, ${Math.trunc(codebookId)}, NULL, ${sqlString(now)})`, 4);
      this.columnsFor = key;
    }
    const { codeIds, segmentIds, codes, starts, ends, to } = codings;
    let next = codings.from;
    for (const { rows, statement, values } of this.columnStatements) {
      for (; next + rows <= to; next += rows) {
        let at = 0;
        for (let k = next; k < next + rows; k++) {
          values[at++] = segmentIds[k];
          values[at++] = codeIds[codes[k]!];
          values[at++] = starts[k];
          values[at++] = ends[k];
        }
        statement.run(...values);
      }
    }
  }
}

/** `text` as an SQL string literal. */
function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
