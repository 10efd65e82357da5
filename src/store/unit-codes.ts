/**
 * Which codes each coding unit carries: the one rule that query, matrices and agreement share, so that
 * "units coded with A and B" means the same everywhere. A coding on a turn covers all its sentences; at
 * the turn level, a turn carries every code of its own and of its sentences.
 */
import type { CodingUnit } from '../core/config.js';
import { evidenceClauses, SEGMENT_END, SEGMENT_START, segmentJoin, type EvidenceScope } from './coded-segments.js';
import { afterTurnSql } from './segment-rows.js';
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
  /** Only units of these sources. */
  sourceIds?: readonly number[];
  /** Only units of these participants. */
  participantIds?: readonly number[];
  /** Only the codings on segments first..last (a source's id range), read through the codings index by segment. */
  range?: SegmentRange;
}

/** A range of segment ids: a source's, or several neighbouring sources'. */
export interface SegmentRange {
  first: number;
  last: number;
}

/**
 * The rule as SQL: a CTE `cg` holding each counted coding with its segment (read once), and the SELECTs
 * over it whose rows, together and without duplicates, are the (source_id, unit_id, code, coder) the rule
 * gives; duplicates (two coders, or a sentence coded itself and through its turn) are left in. Sentences
 * of a coded turn are the sentence ids after it up to the next turn (afterTurnSql), one range per coded
 * turn; CROSS JOIN keeps SQLite from scanning every sentence to meet the few coded turns.
 */
function unitCodeSelects(unit: CodingUnit, from: UnitCodeSource, options: UnitCodeOptions, withLength = false): { with: string; selects: string[]; params: unknown[] } {
  const perCoder = 'coders' in from;
  const where = perCoder
    ? { clauses: [`c.coder IN (${from.coders.map(() => '?').join(', ')})`], params: [...from.coders] as unknown[] }
    : evidenceClauses(from.evidence);
  if (options.codes) {
    where.clauses.push(`${options.read === 'scan' ? '+' : ''}c.code IN (${options.codes.map(() => '?').join(', ')})`);
    where.params.push(...options.codes);
  }
  if (options.range) {
    where.clauses.push('c.segment_id BETWEEN ? AND ?');
    where.params.push(options.range.first, options.range.last);
  }
  // Lists of ids go in as one JSON parameter each; SQLite reads it once into a lookup table.
  if (options.sourceIds) {
    where.clauses.push('t.source_id IN (SELECT value FROM json_each(?))');
    where.params.push(JSON.stringify(options.sourceIds));
  }
  if (options.participantIds) {
    where.clauses.push('t.participant_id IN (SELECT value FROM json_each(?))');
    where.params.push(JSON.stringify(options.participantIds));
  }
  const cte = `cg AS MATERIALIZED (
    SELECT t.source_id AS sourceId, c.segment_id AS id, c.segment_id - t.id AS sentence, gs.turn_id AS parent_id, t.participant_id, t.role AS turn_role,
           c.code, ${perCoder ? 'c.coder' : "''"} AS coder${withLength ? `, ${SEGMENT_END} - ${SEGMENT_START} AS length, t.end - t.start AS turn_length` : ''}
      FROM codings c ${segmentJoin('c.segment_id')}
     WHERE ${where.clauses.join(' AND ')})`;
  // An interviewer's turn never has a participant (speakers.ts), so only units without one need their turn's role.
  const spoken = options.skipInterviewer
    ? "(cg.participant_id IS NOT NULL OR cg.turn_role IS NOT 'interviewer')"
    : '';
  const and = spoken ? ` AND ${spoken}` : '';
  // The unit's length in code points, when asked: at the turn level a sentence's unit is its turn.
  const length = (expression: string): string => (withLength ? `, ${expression} AS unitLength` : '');
  if (unit === 'turn') {
    const turnLength = 'cg.turn_length';
    return {
      with: cte,
      selects: [`SELECT cg.sourceId, COALESCE(cg.parent_id, cg.id) AS unitId, cg.code, cg.coder, cg.participant_id AS participantId${length(turnLength)} FROM cg${spoken ? ` WHERE ${spoken}` : ''}`],
      params: where.params,
    };
  }
  return {
    with: cte,
    selects: [
      `SELECT cg.sourceId, cg.id AS unitId, cg.code, cg.coder, cg.participant_id AS participantId${length('cg.length')} FROM cg WHERE cg.sentence > 0${and}`,
      `SELECT cg.sourceId, s.id AS unitId, cg.code, cg.coder, cg.participant_id AS participantId${length('s.end - s.start')}
         FROM cg CROSS JOIN sentences s ON s.id > cg.id AND s.id < ${afterTurnSql('cg.id')}
        WHERE cg.sentence = 0${and}`,
    ],
    params: where.params,
  };
}

/** The SQL giving distinct (source_id, unit_id, code, coder) rows, and its parameters (see unitCodeSelects). */
export function unitCodesSql(unit: CodingUnit, from: UnitCodeSource, options: UnitCodeOptions = {}): { sql: string; params: unknown[] } {
  const { with: cte, selects, params } = unitCodeSelects(unit, from, options);
  return { sql: `WITH ${cte}\nSELECT DISTINCT sourceId, unitId, code, coder FROM (${selects.join('\n UNION ALL\n')})`, params };
}

/** Every unit with the codes it carries (see unitCodesSql), one row at a time. */
export function* iterateUnitCodes(db: Db, unit: CodingUnit, from: UnitCodeSource, options: UnitCodeOptions = {}): Generator<UnitCode> {
  const { sql, params } = unitCodesSql(unit, from, options);
  yield* db.prepare<unknown[], UnitCode>(sql).iterate(...params);
}

/**
 * The SQL giving every (unit, code, member) of the codes as one text of numbers, `unit,code,member,…`:
 * the code as its index in `codes`, the member the unit's participant (0: none) or, with `member:
 * 'source'`, its source (with 'none', no member: `unit,code,…`), then with `lengths` the unit's
 * length in code points; duplicates left in. A million rows cross into JavaScript as one string, several
 * times faster than as rows or as SQL groups (see unit-ids.ts).
 */
export function unitIdsByCodeSql(
  unit: CodingUnit,
  from: UnitCodeSource,
  codes: readonly string[],
  options: UnitCodeOptions & { member?: 'participant' | 'source' | 'none'; lengths?: boolean } = {},
): { sql: string; params: unknown[] } {
  const { with: cte, selects, params } = unitCodeSelects(unit, from, { ...options, codes: options.codes ?? codes }, options.lengths === true);
  const index = `CASE code ${codes.map((_, i) => `WHEN ? THEN ${i}`).join(' ')} END`;
  const member = options.member === 'none' ? '' : ` || ',' || ${options.member === 'source' ? 'sourceId' : 'IFNULL(participantId, 0)'}`;
  const length = options.lengths ? " || ',' || unitLength" : '';
  return {
    sql: `WITH ${cte}\nSELECT group_concat(unitId || ',' || ${index}${member}${length}) FROM (${selects.join('\n UNION ALL\n')})`,
    params: [...params, ...codes],
  };
}
