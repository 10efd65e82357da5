/**
 * Reads `telaah search` hits from the index: the matching units, grouped by source, then each hit with
 * its segment, speaker and text. The index's rowids are segment ids; a rowid counts only inside a live
 * source's segment range (ranges are contiguous and ids never reused), so an entry that outlived its
 * source could never be returned even if one were left behind.
 */
import { formatSegment } from '../core/segment-address.js';
import { CodePointCounter } from '../core/text/code-points.js';
import { CodePointSlicer } from '../core/text/code-point-slicer.js';
import type { SourceType } from '../core/transcript/types.js';
import { SEGMENT_END, SEGMENT_START, segmentJoin } from './coded-segments.js';
import type { Db } from './open.js';
import { sourcesWhere } from './sources-where.js';

/** Which units a search looks in. */
export interface SearchFilter {
  source?: string;
  sourceType?: SourceType;
  /** Participant attribute (or `group`) equal to a value. */
  attribute?: { key: string; value: string };
}

/** The hits of one source, in segment order. */
export interface SourceHits {
  id: number;
  name: string;
  type: SourceType;
  segmentIds: number[];
}

/** A stretch of a source's text, in code points, with its words. */
export interface SearchMatch {
  start: number;
  end: number;
  text: string;
}

/** One hit: a sentence (or a turn without sentences) holding the words, with who said it. */
export interface SearchHit {
  source: string;
  sourceType: SourceType;
  segment: string;
  speaker: string | null;
  participant: string | null;
  /** `participant`, `interviewer`, or null in notes and documents. */
  role: 'participant' | 'interviewer' | null;
  /** The unit, in code points of the source text. */
  start: number;
  end: number;
  text: string;
  /** The words found, in code points of the source text. */
  matches: SearchMatch[];
}

interface SourceRange {
  id: number;
  name: string;
  type: SourceType;
  first: number;
  last: number;
}

/**
 * The statement that finds the matching units' ids, in id order (FTS5 gives rowid order without
 * sorting). With a participant filter it reads each hit's segment by its primary key.
 */
export function matchSql(filter: SearchFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  // As integers: FTS5 ignores rowid bounds bound as REAL (as JS numbers are) and scans the whole index.
  const range = filter.source !== undefined ? ' AND search_index.rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)' : '';
  if (!filter.attribute) return { sql: `SELECT rowid FROM search_index WHERE search_index MATCH ?${range} ORDER BY rowid`, params };
  let clause: string;
  if (filter.attribute.key === 'group') clause = 'p.grp = ?';
  else {
    clause = 'json_extract(p.attributes, ?) = ?';
    params.push(`$."${filter.attribute.key.replace(/"/g, '')}"`);
  }
  params.push(filter.attribute.value);
  return {
    sql: `SELECT search_index.rowid FROM search_index
            ${segmentJoin('search_index.rowid')}
            JOIN participants p ON p.id = t.participant_id
           WHERE search_index MATCH ?${range} AND ${clause} ORDER BY search_index.rowid`,
    params,
  };
}

/** A hit's segment with its turn's speaker and role and the participant (ids given as a JSON array). */
export const HIT_DETAILS_SQL = `
  SELECT j.value AS id, t.turn, j.value - t.id AS sentence, ${SEGMENT_START} AS start, ${SEGMENT_END} AS end, t.speaker,
         t.role, p.pseudonym AS participant
    FROM (SELECT DISTINCT value FROM json_each(?)) j
    ${segmentJoin('j.value')}
    LEFT JOIN participants p ON p.id = t.participant_id
   ORDER BY j.value`;

/**
 * The sources a filter allows, in segment order; read through sources_segment_ranges (or by name), as
 * reading the table would read every source's text.
 */
export function sourceRangesSql(filter: SearchFilter): { sql: string; params: unknown[] } {
  const where = sourcesWhere(filter);
  return { sql: `SELECT id, name, type, first_segment AS first, last_segment AS last FROM sources${where.sql} ORDER BY first_segment`, params: where.params };
}

function sourceRanges(db: Db, filter: SearchFilter): SourceRange[] {
  const { sql, params } = sourceRangesSql(filter);
  return db.prepare<unknown[], SourceRange>(sql).all(...params);
}

/** The index of the range holding `id`, or -1 (ranges sorted and disjoint). */
function rangeOf(ranges: readonly SourceRange[], id: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (id < r.first) hi = mid - 1;
    else if (id > r.last) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Every unit matching an FTS5 expression under the filter, grouped by source in name order. */
export function findSearchHits(db: Db, expression: string, filter: SearchFilter = {}): SourceHits[] {
  const ranges = sourceRanges(db, filter);
  if (ranges.length === 0) return [];
  const { sql, params } = matchSql(filter);
  const bounds = filter.source !== undefined ? [ranges[0]!.first, ranges[0]!.last] : [];
  const ids = db.prepare<unknown[], number>(sql).pluck();
  const bySource = new Map<number, number[]>();
  let at = -1;
  for (const id of ids.iterate(expression, ...bounds, ...params)) {
    // Hits come in id order, so most fall in the range of the hit before.
    const r = at >= 0 && id >= ranges[at]!.first && id <= ranges[at]!.last ? at : rangeOf(ranges, id);
    if (r < 0) continue;
    at = r;
    let list = bySource.get(r);
    if (!list) bySource.set(r, (list = []));
    list.push(id);
  }
  return [...bySource.entries()]
    .map(([r, segmentIds]) => ({ id: ranges[r]!.id, name: ranges[r]!.name, type: ranges[r]!.type, segmentIds }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

interface DetailRow {
  id: number;
  turn: number;
  sentence: number;
  start: number;
  end: number;
  speaker: string | null;
  role: 'participant' | 'interviewer' | null;
  participant: string | null;
}

/** Ids are read this many at a time: one statement per batch, few rows in memory. */
const DETAIL_BATCH = 500;

/**
 * The hits, source by source (each source's text read once and let go), at most `limit` of them;
 * `find` gives the stretches of a unit's text (UTF-16 offsets) where the search's words are.
 */
export function* readSearchHits(
  db: Db,
  sources: readonly SourceHits[],
  find: (text: string) => readonly { start: number; end: number }[],
  limit = Number.POSITIVE_INFINITY,
): Generator<SearchHit> {
  const textOf = db.prepare<[number], string>('SELECT text FROM sources WHERE id = ?').pluck();
  const details = db.prepare<[string], DetailRow>(HIT_DETAILS_SQL);
  let left = limit;
  for (const source of sources) {
    if (left <= 0) return;
    const slicer = new CodePointSlicer(textOf.get(source.id) ?? '');
    for (let from = 0; from < source.segmentIds.length && left > 0; from += DETAIL_BATCH) {
      const batch = source.segmentIds.slice(from, from + Math.min(DETAIL_BATCH, left));
      for (const g of details.all(JSON.stringify(batch))) {
        const text = slicer.slice(g.start, g.end);
        const counter = new CodePointCounter(text);
        const matches = find(text).map((m) => {
          const start = g.start + counter.at(m.start);
          return { start, end: g.start + counter.at(m.end), text: text.slice(m.start, m.end) };
        });
        left -= 1;
        yield {
          source: source.name,
          sourceType: source.type,
          segment: formatSegment(g.turn, g.sentence),
          speaker: g.speaker,
          participant: g.participant,
          role: g.role,
          start: g.start,
          end: g.end,
          text,
          matches,
        };
      }
    }
  }
}
