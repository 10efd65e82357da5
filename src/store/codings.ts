import type { SourceType } from '../core/transcript/types.js';
import { CodePointSlicer } from '../core/text/code-point-slicer.js';
import { formatSegment, type SegmentAddress } from '../core/segment-address.js';
import { CODED_SEGMENTS, coderAndOriginClauses, SourceTexts } from './coded-segments.js';
import type { Db } from './open.js';

/** A unit to code: a segment with its text and where that text starts in the source. */
export interface CodingUnitRow {
  segmentId: number;
  turn: number;
  sentence: number;
  /** Code-point offset of the unit's text in the source text. */
  offset: number;
  text: string;
}

/** The units of one source, for the auto-coder. */
export interface SourceUnits {
  source: string;
  units: CodingUnitRow[];
}

/**
 * Every source's units (sentences or turns), one source at a time. Interviewer turns are left out
 * unless asked for; notes and documents (no speaker role) are always in.
 */
export function* iterateCodingUnits(db: Db, options: { unit: 'sentence' | 'turn'; includeInterviewer: boolean }): Generator<SourceUnits> {
  const sources = db.prepare<[], { name: string; text: string; first_segment: number; last_segment: number }>(
    'SELECT name, text, first_segment, last_segment FROM sources ORDER BY name',
  );
  const segments = db.prepare<[number, number], { id: number; turn: number; sentence: number; start: number; end: number; role: string | null }>(
    `SELECT g.id, g.turn, g.sentence, g.start, g.end, COALESCE(g.role, t.role) AS role
       FROM segments g LEFT JOIN segments t ON t.id = g.parent_id
      WHERE g.id BETWEEN ? AND ? ORDER BY g.id`,
  );
  for (const source of sources.all()) {
    const slicer = new CodePointSlicer(source.text);
    const units: CodingUnitRow[] = [];
    for (const g of segments.iterate(source.first_segment, source.last_segment)) {
      if ((options.unit === 'sentence') !== (g.sentence > 0)) continue;
      if (g.role === 'interviewer' && !options.includeInterviewer) continue;
      units.push({ segmentId: g.id, turn: g.turn, sentence: g.sentence, offset: g.start, text: slicer.slice(g.start, g.end) });
    }
    yield { source: source.name, units };
  }
}

/** An automatic coding to store. */
export interface NewCoding {
  segmentId: number;
  code: string;
  start: number;
  end: number;
  confidence?: number | null;
}

/** Segments of a source matching an address (turns, or sentences, inclusive). */
export function findSegments(db: Db, source: string, address: SegmentAddress): { id: number; turn: number; sentence: number; start: number; end: number }[] {
  const range = db.prepare<[string], { first_segment: number; last_segment: number }>('SELECT first_segment, last_segment FROM sources WHERE name = ?').get(source);
  if (!range) return [];
  const rows = db
    .prepare<[number, number], { id: number; turn: number; sentence: number; start: number; end: number }>(
      'SELECT id, turn, sentence, start, end FROM segments WHERE id BETWEEN ? AND ? ORDER BY id',
    )
    .all(range.first_segment, range.last_segment);
  const { from, to } = address;
  const wholeTurns = from.sentence === 0;
  const after = (r: { turn: number; sentence: number }, p: { turn: number; sentence: number }): boolean => r.turn > p.turn || (r.turn === p.turn && r.sentence >= p.sentence);
  return rows.filter((r) => (wholeTurns ? r.sentence === 0 && r.turn >= from.turn && r.turn <= to.turn : r.sentence > 0 && after(r, from) && after(to, r)));
}

/** A human coding to store. */
export interface ManualCoding {
  segmentId: number;
  code: string;
  coder: string;
  origin: 'manual' | 'accepted';
  start: number;
  end: number;
  memo: string | null;
  codebookId: number | null;
}

/** Adds human codings (an existing one by the same coder is kept); returns how many were new. */
export function addManualCodings(db: Db, codings: readonly ManualCoding[], now: string): number {
  const insert = db.prepare(
    `INSERT INTO codings (segment_id, code, coder, origin, start, end, codebook_id, memo, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (segment_id, code, coder) DO NOTHING`,
  );
  return db.transaction(() => codings.reduce((n, c) => n + insert.run(c.segmentId, c.code, c.coder, c.origin, c.start, c.end, c.codebookId, c.memo, now).changes, 0))();
}

/** Removes a coder's codings of these codes on these segments; returns how many went. */
export function removeCodings(db: Db, segmentIds: readonly number[], codes: readonly string[], coder: string): number {
  const remove = db.prepare('DELETE FROM codings WHERE segment_id = ? AND code = ? AND coder = ?');
  return db.transaction(() => segmentIds.reduce((n, id) => n + codes.reduce((m, code) => m + remove.run(id, code, coder).changes, 0), 0))();
}

/** Filters for `codings list`. */
export interface CodingFilter {
  /** A code id; its descendants (path-prefixed ids) are included. */
  code?: string;
  source?: string;
  sourceType?: SourceType;
  coder?: string;
  origins?: string[];
  /** Participant attribute (or `group`) equal to a value. */
  attribute?: { key: string; value: string };
}

/** One row of `codings list --json` (DESIGN.md shape). */
export interface CodingRow {
  source: string;
  sourceType: SourceType;
  segment: string;
  speaker: string | null;
  participant: string | null;
  start: number;
  end: number;
  text: string;
  code: string;
  coder: string;
  origin: string;
  /** How sure a suggestion is (0–1); null for other origins. */
  confidence: number | null;
  memo: string | null;
}

/** Codings matching the filter, in source and segment order. */
export function listCodings(db: Db, filter: CodingFilter = {}): CodingRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.code) {
    where.push("(c.code = ? OR c.code LIKE ? ESCAPE '\\')");
    params.push(filter.code, `${filter.code.replace(/[\\%_]/g, '\\$&')}/%`);
  }
  if (filter.source) {
    where.push('s.name = ?');
    params.push(filter.source);
  }
  if (filter.sourceType) {
    where.push('s.type = ?');
    params.push(filter.sourceType);
  }
  const byCoder = coderAndOriginClauses(filter);
  where.push(...byCoder.clauses);
  params.push(...byCoder.params);
  if (filter.attribute) {
    if (filter.attribute.key === 'group') where.push('p.grp = ?');
    else {
      where.push('json_extract(p.attributes, ?) = ?');
      params.push(`$."${filter.attribute.key.replace(/"/g, '')}"`);
    }
    params.push(filter.attribute.value);
  }
  const rows = db
    .prepare<unknown[], { sourceId: number; source: string; sourceType: SourceType; turn: number; sentence: number; speaker: string | null; participant: string | null; start: number; end: number; code: string; coder: string; origin: string; confidence: number | null; memo: string | null }>(
      `SELECT s.id AS sourceId, s.name AS source, s.type AS sourceType, g.turn, g.sentence,
              COALESCE(g.speaker, t.speaker) AS speaker, p.pseudonym AS participant,
              c.start, c.end, c.code, c.coder, c.origin, c.confidence, c.memo
        ${CODED_SEGMENTS}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY s.name, g.id, c.code, c.coder`,
    )
    .all(...params);
  const texts = new SourceTexts(db);
  return rows.map((r) => ({
    source: r.source,
    sourceType: r.sourceType,
    segment: formatSegment(r.turn, r.sentence),
    speaker: r.speaker,
    participant: r.participant,
    start: r.start,
    end: r.end,
    text: texts.slice(r.sourceId, r.start, r.end),
    code: r.code,
    coder: r.coder,
    origin: r.origin,
    confidence: r.confidence,
    memo: r.memo,
  }));
}

/** Number of codings per code (all coders and origins). */
export function countCodingsByCode(db: Db): Map<string, number> {
  const rows = db.prepare<[], { code: string; n: number }>('SELECT code, COUNT(*) AS n FROM codings GROUP BY code').all();
  return new Map(rows.map((r) => [r.code, r.n]));
}
