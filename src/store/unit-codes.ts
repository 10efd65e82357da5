/**
 * Which codes each coding unit carries: the one rule that query, matrices and agreement share, so that
 * "units coded with A and B" means the same everywhere. A coding on a turn covers all its sentences; at
 * the turn level, a turn carries every code of its own and of its sentences.
 */
import type { CodingUnit } from '../core/config.js';
import { evidenceClauses, type EvidenceScope } from './coded-segments.js';
import type { Db } from './open.js';

/** A unit carrying a code (for one coder when asked per coder). */
export interface UnitCode {
  sourceId: number;
  /** The segment id of the unit: a sentence, or a turn at the turn level. */
  unitId: number;
  code: string;
  /** The coder, when listed per coder; '' otherwise. */
  coder: string;
}

/** Whose codings: the evidence (the rules of evidenceClauses), or each coder's own as they coded, rejected or not. */
export type UnitCodeSource = { evidence: EvidenceScope } | { coders: readonly string[] };

/** Only the codings on segments first..last (a source's id range), read through the codings index by segment. */
export interface SegmentRange {
  first: number;
  last: number;
}

/**
 * The SQL giving distinct (source_id, unit_id, code, coder) rows, and its parameters. Sentences of a coded
 * turn are found by rowid: they follow the turn's id up to the next turn's, so no index on parent_id is
 * needed (a source's segments are written turn, its sentences, next turn, …). CROSS JOIN keeps SQLite
 * from scanning every segment to meet the few coded turns, and the unary + on parent_id keeps it from
 * building a throwaway index over all segments instead of reading the rowid range.
 */
export function unitCodesSql(unit: CodingUnit, from: UnitCodeSource, range?: SegmentRange): { sql: string; params: unknown[] } {
  const perCoder = 'coders' in from;
  const where = perCoder
    ? { clauses: [`c.coder IN (${from.coders.map(() => '?').join(', ')})`], params: [...from.coders] }
    : evidenceClauses(from.evidence);
  if (range) {
    where.clauses.push('c.segment_id BETWEEN ? AND ?');
    where.params.push(range.first, range.last);
  }
  const coder = perCoder ? 'c.coder' : "''";
  const filter = where.clauses.join(' AND ');
  if (unit === 'turn') {
    return {
      sql: `SELECT DISTINCT g.source_id AS sourceId, COALESCE(g.parent_id, g.id) AS unitId, c.code, ${coder} AS coder
              FROM codings c JOIN segments g ON g.id = c.segment_id
             WHERE ${filter}`,
      params: where.params,
    };
  }
  return {
    sql: `SELECT g.source_id AS sourceId, g.id AS unitId, c.code, ${coder} AS coder
            FROM codings c JOIN segments g ON g.id = c.segment_id
           WHERE g.sentence > 0 AND ${filter}
          UNION
          SELECT g.source_id, s.id, c.code, ${coder}
            FROM codings c CROSS JOIN segments g ON g.id = c.segment_id
            CROSS JOIN segments s ON s.id > g.id
                           AND s.id < COALESCE((SELECT n.id FROM segments n WHERE n.id > g.id AND n.sentence = 0 ORDER BY n.id LIMIT 1), 9223372036854775807)
                           AND +s.parent_id = g.id
           WHERE g.sentence = 0 AND ${filter}`,
    params: [...where.params, ...where.params],
  };
}

/** Every unit with the codes it carries (see unitCodesSql), one row at a time. */
export function* iterateUnitCodes(db: Db, unit: CodingUnit, from: UnitCodeSource, range?: SegmentRange): Generator<UnitCode> {
  const { sql, params } = unitCodesSql(unit, from, range);
  yield* db.prepare<unknown[], UnitCode>(sql).iterate(...params);
}
