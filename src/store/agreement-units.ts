/**
 * What `telaah agree` reads: which of the named coders coded each source, how many coding units each
 * compared source has, each coder's codes per unit (unit-codes.ts, one source at a time through the
 * codings index) and, for disagreements, what a unit says. Interviewer turns (and their sentences) are
 * never units.
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { DisagreementPlace } from '../core/analysis/agreement.js';
import type { UnitCodeRow } from '../core/analysis/agreement-tally.js';
import type { CodingUnit } from '../core/config.js';
import { formatSegment } from '../core/segment-address.js';
import { SEGMENT_END, SEGMENT_START, segmentJoin, SourceTexts } from './coded-segments.js';
import type { Db } from './open.js';
import { SUGGEST_CODER } from './suggestions.js';
import { unitCodesSql, type SegmentRange } from './unit-codes.js';

/** Coders whose codings a program made: scored against a human with precision, recall and F1. */
export const MACHINE_CODERS: readonly string[] = ['auto', SUGGEST_CODER];

/** A source with the named coders who coded it (have a coding or a review decision in it). */
export interface SourceCoders extends SegmentRange {
  id: number;
  name: string;
  coders: string[];
}

/**
 * Every source (or those named) with which of `coders` coded it. Each EXISTS reads the codings (or
 * review decisions) index over the source's segment range, so no table is scanned row by row.
 */
export function listSourceCoders(db: Db, coders: readonly string[], names?: readonly string[]): SourceCoders[] {
  const { sql, params } = sourceCodersSql(coders, names);
  return db
    .prepare<unknown[], unknown[]>(sql)
    .raw()
    .all(...params)
    .map((row) => {
      const [id, name, first, last, ...flags] = row as [number, string, number, number, ...number[]];
      return { id, name, first, last, coders: coders.filter((_, i) => flags[i] === 1) };
    });
}

/** The statement of listSourceCoders (exported for its query-plan test). */
export function sourceCodersSql(coders: readonly string[], names?: readonly string[]): { sql: string; params: unknown[] } {
  const coded = (table: string): string => `EXISTS (SELECT 1 FROM ${table} x WHERE x.segment_id BETWEEN s.first_segment AND s.last_segment AND x.coder = ?)`;
  const flags = coders.map(() => `(${coded('codings')} OR ${coded('review_decisions')})`);
  const byName = names ? ` WHERE s.name IN (${names.map(() => '?').join(', ')})` : '';
  return {
    sql: `SELECT s.id, s.name, s.first_segment, s.last_segment${flags.map((f) => `, ${f}`).join('')} FROM sources s${byName} ORDER BY s.name`,
    params: [...coders.flatMap((c) => [c, c]), ...(names ?? [])],
  };
}

/** Units of a source at a coding unit, interviewer turns left out (notes and documents have no roles: all count). */
export function unitCountSql(unit: CodingUnit): string {
  return unit === 'turn'
    ? `SELECT COUNT(*) AS n FROM turns t WHERE t.id BETWEEN ? AND ? AND t.role IS NOT 'interviewer'`
    : `SELECT COUNT(*) AS n FROM sentences g JOIN turns t ON t.id = g.turn_id
        WHERE g.id BETWEEN ? AND ? AND t.role IS NOT 'interviewer'`;
}

/** unitCountSql per source, for every source in a range of segment ids at once. */
export function unitCountsSql(unit: CodingUnit): string {
  return `${unitCountSql(unit).replace('SELECT COUNT(*) AS n', 'SELECT t.source_id AS sourceId, COUNT(*) AS n')} GROUP BY t.source_id`;
}

/** The coders' codes per unit of one source (or of a range of sources), in unit order, interviewer turns left out (see unitCodesSql). */
export function sourceUnitCodesSql(unit: CodingUnit, coders: readonly string[], range: SegmentRange): { sql: string; params: unknown[] } {
  const inner = unitCodesSql(unit, { coders }, { range });
  // CROSS JOIN: read the few unit rows first and look their turns up by rowid, never scan turns.
  const turnOf = unit === 'turn' ? 'CROSS JOIN turns t ON t.id = u.unitId' : 'CROSS JOIN sentences x ON x.id = u.unitId CROSS JOIN turns t ON t.id = x.turn_id';
  return {
    sql: `SELECT u.sourceId, u.unitId, u.code, u.coder FROM (${inner.sql}) u ${turnOf} WHERE t.role IS NOT 'interviewer' ORDER BY u.unitId`,
    params: inner.params,
  };
}

/** Reads the units of compared sources, with statements prepared once for every source. */
export class AgreementUnits {
  private readonly count;
  private readonly codes = new Map<string, Statement<unknown[], UnitCodeRow>>();
  private readonly place;
  /** The texts of one source at a time, so that listing disagreements does not keep every source's text. */
  private readonly texts;

  constructor(
    private readonly db: Db,
    private readonly unit: CodingUnit,
    private readonly coders: readonly string[],
  ) {
    this.count = db.prepare<[number, number], { n: number }>(unitCountSql(unit));
    this.texts = new SourceTexts(db);
    this.place = db.prepare<[number], { sourceId: number; source: string; turn: number; sentence: number; speaker: string | null; participant: string | null; start: number; end: number }>(
      `SELECT t.source_id AS sourceId, s.name AS source, t.turn, x.id - t.id AS sentence, t.speaker,
              p.pseudonym AS participant, ${SEGMENT_START} AS start, ${SEGMENT_END} AS end
         FROM (SELECT ? AS id) x ${segmentJoin('x.id')} JOIN sources s ON s.id = t.source_id
         LEFT JOIN participants p ON p.id = t.participant_id`,
    );
  }

  /** How many units the source has. */
  unitCount(source: SegmentRange): number {
    return this.count.get(source.first, source.last)!.n;
  }

  /** How many units each source in a range of segment ids has, by source id (one pass for many sources). */
  unitCounts(range: SegmentRange): Map<number, number> {
    const rows = this.db.prepare<[number, number], { sourceId: number; n: number }>(unitCountsSql(this.unit)).all(range.first, range.last);
    return new Map(rows.map((r) => [r.sourceId, r.n]));
  }

  /** The coders' codes on the units of a source, or of every source in a range, in unit order. */
  unitCodes(source: SegmentRange): IterableIterator<UnitCodeRow> {
    const { sql, params } = sourceUnitCodesSql(this.unit, this.coders, source);
    let statement = this.codes.get(sql);
    if (!statement) this.codes.set(sql, (statement = this.db.prepare<unknown[], UnitCodeRow>(sql)));
    return statement.iterate(...params);
  }

  /** Where a unit is and what it says. */
  describe(unitId: number): DisagreementPlace {
    const r = this.place.get(unitId)!;
    const text = this.texts.slice(r.sourceId, r.start, r.end);
    return { source: r.source, segment: formatSegment(r.turn, r.sentence), speaker: r.speaker, participant: r.participant, text };
  }
}

/** Whether a coder has any coding or review decision in the project. */
export function coderHasWork(db: Db, coder: string): boolean {
  const row = db.prepare<[string, string], { found: number }>(
    'SELECT EXISTS (SELECT 1 FROM codings WHERE coder = ?) OR EXISTS (SELECT 1 FROM review_decisions WHERE coder = ?) AS found',
  ).get(coder, coder);
  return row!.found === 1;
}
