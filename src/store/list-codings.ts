import type { CodingRow } from '../core/coding-row.js';
import { formatSegment } from '../core/segment-address.js';
import type { SourceType } from '../core/transcript/types.js';
import { CODED_SEGMENTS, codeWithDescendants, evidenceClauses, SEGMENT_END, SEGMENT_START, segmentJoin, SourceTexts } from './coded-segments.js';
import { segmentMemosById } from './memos.js';
import { SOURCE_FILTER_COLUMNS, type AttributeFilter } from './filter-values.js';
import type { Db } from './open.js';

/** Filters for `codings list`. */
export interface CodingFilter {
  /** A code id; its descendants (path-prefixed ids) are included. */
  code?: string;
  source?: string;
  sourceType?: SourceType;
  coder?: string;
  /** Origins to list; `rejected` lists the rejections. Without it: every origin but `suggested`. */
  origins?: string[];
  /** A participant attribute (or `group`), or a source field or attribute (`on` unset: the participant's), equal to a value. */
  attribute?: { key: string; value: string; on?: AttributeFilter['on'] };
}

/** One row of `codings list --json`: the shape lives in core so that renderers can take it too. */
export type { CodingRow } from '../core/coding-row.js';

interface RawRow {
  sourceId: number;
  segmentId: number;
  source: string;
  sourceType: SourceType;
  turn: number;
  sentence: number;
  speaker: string | null;
  participant: string | null;
  unitStart: number;
  unitEnd: number;
  unitStartMs: number | null;
  unitEndMs: number | null;
  start: number;
  end: number;
  code: string;
  coder: string;
  origin: string;
  confidence: number | null;
  memo: string | null;
}

/**
 * Codings matching the filter, in source, segment, code and coder order, one at a time. They follow the
 * evidence rules: a rejected proposal never appears (but with origin `rejected`, which lists the
 * rejections themselves), a suggestion only when its origin is asked for.
 */
export function* iterateCodings(db: Db, filter: CodingFilter = {}): Generator<CodingRow> {
  for (const { coding } of iterateCodingsWithUnits(db, filter)) yield coding;
}

/** The unit a coding is on: its span in code points and its media times (a sentence has its turn's). */
export interface CodedUnit {
  start: number;
  end: number;
  startMs: number | null;
  endMs: number | null;
}

/**
 * The codings of iterateCodings, each with where its unit sits (for exports that quote whole units). A
 * broad listing is read a source at a time, in name order, by its segment id range: the first row comes at
 * once and only one source's rows are ever sorted, where one ORDER BY over the whole union sorted every
 * coding first. A narrow one (a code, coder, attribute or source type) is one statement led by the sources
 * in name order (CODED_SEGMENTS_BY_NAME): a statement per source would cost more than its rows, and one
 * sort of them all kept `| head` waiting. With rejections it stays one sorted statement (two tables).
 */
export function* iterateCodingsWithUnits(db: Db, filter: CodingFilter = {}): Generator<{ coding: CodingRow; unit: CodedUnit }> {
  const origins = filter.origins ?? [];
  const onlyRejections = origins.length > 0 && origins.every((o) => o === 'rejected');
  const narrow = filter.code !== undefined || filter.coder !== undefined || filter.attribute !== undefined || filter.sourceType !== undefined || onlyRejections;
  const bySource = filter.source === undefined && !narrow;
  const byName = narrow && filter.source === undefined && !origins.includes('rejected');
  const union = codingsUnion(filter, bySource ? 'c.segment_id BETWEEN ? AND ?' : undefined, byName ? CODED_SEGMENTS_BY_NAME : CODED_SEGMENTS);
  const statement = db.prepare<unknown[], RawRow>(`SELECT * FROM (${union.sql}) ORDER BY ${bySource ? '' : 'source, '}segmentId, code, coder, origin`);
  // The sources are read whole first (two numbers each): a statement cannot run while another iterates.
  const ranges = bySource ? db.prepare<[], { first: number; last: number }>('SELECT first_segment AS first, last_segment AS last FROM sources ORDER BY name').all() : [undefined];
  const texts = new SourceTexts(db);
  const memos = segmentMemosById(db);
  for (const range of ranges) {
    for (const r of statement.iterate(...(range ? union.params(range.first, range.last) : union.params()))) {
      const coding: CodingRow = {
        source: r.source,
        sourceType: r.sourceType,
        segment: formatSegment(r.turn, r.sentence),
        speaker: r.speaker,
        participant: r.participant,
        start: r.start,
        end: r.end,
        text: texts.slice(r.sourceId, r.unitStart, r.unitEnd),
        matched: texts.slice(r.sourceId, r.start, r.end),
        code: r.code,
        coder: r.coder,
        origin: r.origin,
        confidence: r.confidence,
        memo: r.memo,
        memos: memos.get(r.segmentId) ?? [],
      };
      yield { coding, unit: { start: r.unitStart, end: r.unitEnd, startMs: r.unitStartMs, endMs: r.unitEndMs } };
    }
  }
}

/**
 * Whether a listing of the filter's codings has a memo to show (a coding's own, or a memo on its segment),
 * asked of the database so that a table can choose its columns before its first row is written. Memos on
 * segments are few, so their segments are looked up by key; a coding's own memo has no index, so one
 * plain pass over the codings table first finds whether any coding has one at all (most projects: none),
 * and only then is the filter's join run over those that do.
 */
export function codingsHaveMemos(db: Db, filter: CodingFilter = {}): boolean {
  const exists = (union: { sql: string; params: () => unknown[] }): boolean =>
    db.prepare<unknown[], number>(`SELECT EXISTS (SELECT 1 FROM (${union.sql}))`).pluck().get(...union.params()) === 1;
  if (exists(codingsUnion(filter, 'c.segment_id IN (SELECT segment_id FROM memos WHERE segment_id IS NOT NULL)'))) return true;
  const origins = filter.origins ?? [];
  // Rejections carry no memo of their own.
  if (origins.length > 0 && origins.every((o) => o === 'rejected')) return false;
  if (db.prepare<[], number>("SELECT EXISTS (SELECT 1 FROM codings WHERE memo IS NOT NULL AND memo <> '')").pluck().get() !== 1) return false;
  return exists(codingsUnion({ ...filter, origins: origins.filter((o) => o !== 'rejected') }, "c.memo IS NOT NULL AND c.memo <> ''"));
}

/**
 * The codings and rejections the filter keeps, as one UNION ALL of RawRow columns (unordered). `within`,
 * when given, is one more clause with two parameters (a segment id range) that both parts take.
 */
function codingsUnion(filter: CodingFilter, within?: string, join = CODED_SEGMENTS): { sql: string; params: (...range: number[]) => unknown[] } {
  const origins = filter.origins ?? [];
  const rejections = origins.includes('rejected');
  const codingOrigins = origins.filter((o) => o !== 'rejected');
  const parts: string[] = [];
  const params: ((range: number[]) => unknown[])[] = [];
  const range = within ? [within] : [];
  if (!rejections || codingOrigins.length > 0) {
    const scope = evidenceClauses({ coder: filter.coder, origins: codingOrigins });
    const shared = sharedClauses(filter);
    parts.push(
      `SELECT s.id AS sourceId, s.name AS source, s.type AS sourceType, c.segment_id AS segmentId, t.turn, c.segment_id - t.id AS sentence,
              t.speaker, p.pseudonym AS participant, ${SEGMENT_START} AS unitStart, ${SEGMENT_END} AS unitEnd,
              t.start_ms AS unitStartMs, t.end_ms AS unitEndMs,
              c.start, c.end, c.code, c.coder, c.origin, c.confidence, c.memo
        ${join}
        WHERE ${[...range, ...scope.clauses, ...shared.clauses].join(' AND ')}`,
    );
    params.push((r) => [...r, ...scope.params, ...shared.params]);
  }
  if (rejections) {
    const shared = sharedClauses(filter);
    const byCoder = filter.coder ? ' AND c.coder = ?' : '';
    // The rejected proposal's evidence when it is still stored, else the whole unit.
    const proposal = (column: 'start' | 'end'): string =>
      `COALESCE((SELECT x.${column} FROM codings x WHERE x.segment_id = c.segment_id AND x.code = c.code AND x.origin IN ('auto', 'suggested') ORDER BY x.origin LIMIT 1), ${column === 'start' ? SEGMENT_START : SEGMENT_END})`;
    parts.push(
      `SELECT s.id AS sourceId, s.name AS source, s.type AS sourceType, c.segment_id AS segmentId, t.turn, c.segment_id - t.id AS sentence,
              t.speaker, p.pseudonym AS participant, ${SEGMENT_START} AS unitStart, ${SEGMENT_END} AS unitEnd,
              t.start_ms AS unitStartMs, t.end_ms AS unitEndMs,
              ${proposal('start')} AS start, ${proposal('end')} AS end, c.code, c.coder, 'rejected' AS origin, NULL AS confidence, NULL AS memo
         FROM review_decisions c
         ${segmentJoin('c.segment_id')}
         JOIN sources s ON s.id = t.source_id
         LEFT JOIN participants p ON p.id = t.participant_id
        WHERE ${[...range, "c.decision = 'rejected'"].join(' AND ')}${byCoder}${shared.clauses.length ? ` AND ${shared.clauses.join(' AND ')}` : ''}`,
    );
    params.push((r) => [...r, ...(filter.coder ? [filter.coder] : []), ...shared.params]);
  }
  return { sql: parts.join(' UNION ALL '), params: (...r) => params.flatMap((p) => p(r)) };
}

/**
 * CODED_SEGMENTS led by the sources in name order, each source's codings found by its segment id range:
 * rows come in (name, segment) order from the two UNIQUE indexes (name; segment_id, code, coder), so a
 * filter over many codings sorts only within a source before its first row. The indexes are named and
 * the joins CROSS, else the planner sorts everything (a type's index on sources) or probes a coder's
 * automatic index once per source (minutes on a million codings).
 */
const CODED_SEGMENTS_BY_NAME = `
         FROM sources s INDEXED BY sqlite_autoindex_sources_1
         CROSS JOIN codings c INDEXED BY sqlite_autoindex_codings_1 ON c.segment_id BETWEEN s.first_segment AND s.last_segment
         ${segmentJoin('c.segment_id', 'CROSS JOIN')}
         LEFT JOIN participants p ON p.id = t.participant_id`;

/** Codings matching the filter (see iterateCodings). */
export function listCodings(db: Db, filter: CodingFilter = {}): CodingRow[] {
  return [...iterateCodings(db, filter)];
}

/** The filters that apply alike to codings and to rejections (alias c for either). */
function sharedClauses(filter: CodingFilter): { clauses: string[]; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.code) {
    const code = codeWithDescendants('c.code', filter.code);
    clauses.push(code.clause);
    params.push(...code.params);
  }
  if (filter.source) {
    // By the source's segment id range (c is a coding or a review decision, both keyed by segment_id
    // first): a name compared on each joined row would read every coding of the project.
    clauses.push('c.segment_id BETWEEN (SELECT first_segment FROM sources WHERE name = ?) AND (SELECT last_segment FROM sources WHERE name = ?)');
    params.push(filter.source, filter.source);
  }
  if (filter.sourceType) {
    clauses.push('s.type = ?');
    params.push(filter.sourceType);
  }
  if (filter.attribute) {
    const { key, value, on } = filter.attribute;
    if (on === 'source' && (SOURCE_FILTER_COLUMNS as readonly string[]).includes(key)) clauses.push(`s.${key} = ?`);
    else if (on !== 'source' && key === 'group') clauses.push('p.grp = ?');
    else {
      clauses.push(`json_extract(${on === 'source' ? 's' : 'p'}.attributes, ?) = ?`);
      params.push(`$."${key.replace(/"/g, '')}"`);
    }
    params.push(value);
  }
  return { clauses, params };
}
