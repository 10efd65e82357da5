import type { NewCoding } from './codings.js';
import type { Db } from './open.js';

/** How one replacement changed the stored auto codings. */
export interface AutoCodingChange {
  added: number;
  removed: number;
  kept: number;
}

/** One source's new auto codings. */
export interface SourceAutoCodings {
  source: string;
  codings: readonly NewCoding[];
}

/**
 * Replaces the auto codings of several sources in one commit (see replaceSourceAutoCodings): `code
 * auto` stores a batch of sources at a time, as a commit per small source would cost more than coding it.
 */
export function replaceAutoCodingsOfSources(db: Db, batch: readonly SourceAutoCodings[], codebookId: number, now: string): AutoCodingChange {
  return db.transaction(() => {
    const total: AutoCodingChange = { added: 0, removed: 0, kept: 0 };
    for (const { source, codings } of batch) {
      const change = replaceSourceAutoCodings(db, source, codebookId, codings, now);
      total.added += change.added;
      total.removed += change.removed;
      total.kept += change.kept;
    }
    return total;
  }).immediate();
}

/**
 * Makes the stored auto codings of one source equal to `codings` for this codebook version: codings of
 * another version are replaced, identical ones kept, human codings never touched. Only this source's
 * codings are read (by its segment id range), so the project's other codings never need to be in memory.
 */
export function replaceSourceAutoCodings(db: Db, source: string, codebookId: number, codings: readonly NewCoding[], now: string): AutoCodingChange {
  const sql = statementsOf(db);
  const range = sql.range.get(source);
  if (!range) throw new Error(`no source named ${source}`);
  const stray = codings.find((c) => c.segmentId < range.first || c.segmentId > range.last);
  if (stray) throw new Error(`segment ${stray.segmentId} is not in source ${source}`);
  return db.transaction((): AutoCodingChange => {
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
    for (const c of wanted.values()) sql.insert.run(c.segmentId, c.code, c.start, c.end, codebookId, c.confidence ?? null, now);
    return { added: wanted.size, removed: stale.length, kept };
  }).immediate();
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
    // The (segment_id, code, coder) index serves the range.
    existing: db.prepare<[number, number], { id: number; segmentId: number; code: string; start: number; end: number; codebookId: number | null }>(
      `SELECT id, segment_id AS segmentId, code, start, end, codebook_id AS codebookId FROM codings
        WHERE segment_id BETWEEN ? AND ? AND origin = 'auto'`,
    ),
    remove: db.prepare('DELETE FROM codings WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO codings (segment_id, code, coder, origin, start, end, codebook_id, confidence, created_at)
       VALUES (?, ?, 'auto', 'auto', ?, ?, ?, ?, ?)`,
    ),
  };
}
