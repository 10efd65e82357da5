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

/** What else narrows the codings read (both optional; without them every code and every unit). */
export interface UnitCodeOptions {
  /** Only these code ids (exactly; a caller wanting descendants lists them). */
  codes?: readonly string[];
  /**
   * How to find the codes' codings: through the codings_code index (the default), or by reading codings
   * in rowid order, which is faster once the codes hold a large share of all codings (the index sends
   * every row to a random page of codings and of segments).
   */
  read?: 'index' | 'scan';
  /** Leave out interviewer turns and their sentences: they are never units of analysis. */
  skipInterviewer?: boolean;
}

/**
 * The SELECTs whose rows, together and without duplicates, are the (source_id, unit_id, code, coder) the
 * rule gives; duplicates (two coders, or a sentence coded itself and through its turn) are left in.
 * Sentences of a coded turn are found by rowid: they follow the turn's id up to the next turn's, so no
 * index on parent_id is needed (a source's segments are written turn, its sentences, next turn, …).
 * CROSS JOIN keeps SQLite from scanning every segment to meet the few coded turns, and the unary + on
 * parent_id keeps it from building a throwaway index over all segments instead of reading the rowid range.
 */
function unitCodeSelects(unit: CodingUnit, from: UnitCodeSource, options: UnitCodeOptions, withParticipant = false): { selects: string[]; params: unknown[] } {
  const perCoder = 'coders' in from;
  const where = perCoder
    ? { clauses: [`c.coder IN (${from.coders.map(() => '?').join(', ')})`], params: [...from.coders] as unknown[] }
    : evidenceClauses(from.evidence);
  if (options.codes) {
    where.clauses.push(`${options.read === 'scan' ? '+' : ''}c.code IN (${options.codes.map(() => '?').join(', ')})`);
    where.params.push(...options.codes);
  }
  const coder = perCoder ? 'c.coder' : "''";
  const filter = where.clauses.join(' AND ');
  const skip = options.skipInterviewer === true;
  // Sentences carry their turn's participant, so the segment read gives the unit's participant.
  const participant = (alias: string): string => (withParticipant ? `, ${alias}.participant_id AS participantId` : '');
  if (unit === 'turn') {
    return {
      selects: [
        `SELECT g.source_id AS sourceId, COALESCE(g.parent_id, g.id) AS unitId, c.code, ${coder} AS coder${participant('g')}
           FROM codings c JOIN segments g ON g.id = c.segment_id${skip ? ' LEFT JOIN segments t ON t.id = g.parent_id' : ''}
          WHERE ${skip ? "COALESCE(g.role, t.role) IS NOT 'interviewer' AND " : ''}${filter}`,
      ],
      params: where.params,
    };
  }
  return {
    selects: [
      `SELECT g.source_id AS sourceId, g.id AS unitId, c.code, ${coder} AS coder${participant('g')}
         FROM codings c ${skip ? 'CROSS ' : ''}JOIN segments g ON g.id = c.segment_id${skip ? ' CROSS JOIN segments t ON t.id = g.parent_id' : ''}
        WHERE g.sentence > 0 AND ${skip ? "t.role IS NOT 'interviewer' AND " : ''}${filter}`,
      `SELECT g.source_id, s.id, c.code, ${coder}${participant('s')}
         FROM codings c CROSS JOIN segments g ON g.id = c.segment_id
         CROSS JOIN segments s ON s.id > g.id
                        AND s.id < COALESCE((SELECT n.id FROM segments n WHERE n.id > g.id AND n.sentence = 0 ORDER BY n.id LIMIT 1), 9223372036854775807)
                        AND +s.parent_id = g.id
        WHERE g.sentence = 0 AND ${skip ? "g.role IS NOT 'interviewer' AND " : ''}${filter}`,
    ],
    params: [...where.params, ...where.params],
  };
}

/** The SQL giving distinct (source_id, unit_id, code, coder) rows, and its parameters (see unitCodeSelects). */
export function unitCodesSql(unit: CodingUnit, from: UnitCodeSource, options: UnitCodeOptions = {}): { sql: string; params: unknown[] } {
  const { selects, params } = unitCodeSelects(unit, from, options);
  if (selects.length === 1) return { sql: selects[0]!.replace(/^SELECT /, 'SELECT DISTINCT '), params };
  return { sql: selects.join('\n UNION\n'), params };
}

/** Every unit with the codes it carries (see unitCodesSql), one row at a time. */
export function* iterateUnitCodes(db: Db, unit: CodingUnit, from: UnitCodeSource, options: UnitCodeOptions = {}): Generator<UnitCode> {
  const { sql, params } = unitCodesSql(unit, from, options);
  yield* db.prepare<unknown[], UnitCode>(sql).iterate(...params);
}

/**
 * The SQL giving, per code and participant (null: none), the ids of the units carrying the code as one
 * comma-separated text, duplicates left in: a million rows cross into JavaScript as a few hundred
 * strings, several times faster than as rows.
 */
export function unitIdsByCodeSql(unit: CodingUnit, from: UnitCodeSource, options: UnitCodeOptions = {}): { sql: string; params: unknown[] } {
  const { selects, params } = unitCodeSelects(unit, from, options, true);
  return { sql: `SELECT code, participantId, group_concat(unitId) AS ids FROM (${selects.join('\n UNION ALL\n')}) GROUP BY code, participantId`, params };
}

/** The units carrying a code and spoken by one participant (null: by none, or notes and documents). */
export interface UnitIds {
  code: string;
  participantId: number | null;
  /** Segment ids of the units, ascending, each once. */
  ids: Float64Array;
}

/**
 * Per code and participant, the sorted distinct ids of the units carrying the code (the rule of
 * unitCodesSql). Without a `read` option it reads through the index unless the codes hold a third or
 * more of all codings.
 */
export function readUnitIds(db: Db, unit: CodingUnit, from: UnitCodeSource, options: UnitCodeOptions = {}): UnitIds[] {
  if (options.codes?.length === 0) return [];
  const read = options.read ?? (options.codes ? chooseRead(db, options.codes) : 'scan');
  const { sql, params } = unitIdsByCodeSql(unit, from, { ...options, read });
  return db
    .prepare<unknown[], { code: string; participantId: number | null; ids: string }>(sql)
    .all(...params)
    .map((row) => ({ code: row.code, participantId: row.participantId, ids: sortedIds(row.ids) }));
}

/** Index or scan: the index's random reads cost about three times a scan's sequential ones per row. */
function chooseRead(db: Db, codes: readonly string[]): 'index' | 'scan' {
  const all = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM codings').get()!.n;
  const some = db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM codings WHERE code IN (${codes.map(() => '?').join(', ')})`).get(...codes)!.n;
  return some * 3 >= all ? 'scan' : 'index';
}

/** "5,3,5,9" → [3, 5, 9]. */
function sortedIds(text: string): Float64Array {
  let ids = new Float64Array(text.length / 2 + 1);
  let n = 0;
  let value = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (ch === 44) {
      ids[n++] = value;
      value = 0;
    } else value = value * 10 + (ch - 48);
  }
  if (text.length > 0) ids[n++] = value;
  ids = ids.subarray(0, n).sort();
  let kept = 0;
  for (let i = 0; i < ids.length; i += 1) if (i === 0 || ids[i] !== ids[i - 1]) ids[kept++] = ids[i]!;
  return ids.slice(0, kept);
}
