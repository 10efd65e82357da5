/**
 * Codings for team work through files: read out anchored by the source's sha256 and offsets (`export
 * codings`), and what `import codings` needs to place a colleague's codings and write them.
 */
import type { AnchorSegment } from '../core/team/anchor-coding.js';
import type { TeamCoding } from '../core/team/coding-line.js';
import type { HeldCoding } from '../core/team/plan-import.js';
import { formatSegment } from '../core/segment-address.js';
import { codeWithDescendants, evidenceClauses, segmentJoin, SourceTexts } from './coded-segments.js';
import type { Db } from './open.js';
import { rangeSegmentsSql } from './segment-rows.js';

/** Which codings to export. */
export interface TeamCodingFilter {
  coder?: string;
  /** Origins to write (the caller's default: the human ones). */
  origins: readonly string[];
  code?: string;
  source?: string;
}

interface RawTeamCoding {
  sourceId: number;
  source: string;
  sha256: string;
  turn: number;
  sentence: number;
  start: number;
  end: number;
  code: string;
  coder: string;
  origin: TeamCoding['origin'];
  memo: string | null;
  createdAt: string;
  confidence: number | null;
}

/**
 * The codings the filter keeps, sorted by sha256, start, end, code and coder, one at a time (a source's
 * codings come together, so one source's text is held). Rejected proposals are never among them.
 */
export function* iterateTeamCodings(db: Db, filter: TeamCodingFilter): Generator<TeamCoding> {
  const { clauses, params } = evidenceClauses({ coder: filter.coder, origins: filter.origins });
  if (filter.code !== undefined) {
    const code = codeWithDescendants('c.code', filter.code);
    clauses.push(code.clause);
    params.push(...code.params);
  }
  if (filter.source !== undefined) {
    // By the source's segment id range: a name compared on each joined row would read every coding.
    clauses.push('c.segment_id BETWEEN (SELECT first_segment FROM sources WHERE name = ?) AND (SELECT last_segment FROM sources WHERE name = ?)');
    params.push(filter.source, filter.source);
  }
  const rows = db.prepare<unknown[], RawTeamCoding>(
    `SELECT s.id AS sourceId, s.name AS source, s.sha256, t.turn, c.segment_id - t.id AS sentence, c.start, c.end, c.code, c.coder, c.origin,
            c.memo, c.created_at AS createdAt, c.confidence
       FROM codings c ${segmentJoin('c.segment_id')} JOIN sources s ON s.id = t.source_id
      WHERE ${clauses.join(' AND ')}
      ORDER BY s.sha256, s.name, c.start, c.end, c.code, c.coder, c.segment_id`,
  );
  const texts = new SourceTexts(db);
  for (const r of rows.iterate(...params)) {
    yield {
      source: r.source,
      sha256: r.sha256,
      segment: formatSegment(r.turn, r.sentence),
      start: r.start,
      end: r.end,
      code: r.code,
      coder: r.coder,
      origin: r.origin,
      memo: r.memo,
      createdAt: r.createdAt,
      text: texts.slice(r.sourceId, r.start, r.end),
      ...(r.confidence === null ? {} : { confidence: r.confidence }),
    };
  }
}

/** A source as the import matches it. */
export interface SourceIdentity {
  id: number;
  name: string;
  sha256: string;
  first: number;
  last: number;
}

/** Every source's name, sha256 and segment range (from the sources_segment_ranges index: the texts are not read). */
export function listSourceIdentities(db: Db): SourceIdentity[] {
  // Unordered, so SQLite reads the covering index; sorted here.
  return db
    .prepare<[], SourceIdentity>('SELECT id, name, sha256, first_segment AS first, last_segment AS last FROM sources')
    .all()
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A source's text and segments, for placing codings on it. */
export function readAnchorSource(db: Db, source: SourceIdentity): { text: string; segments: AnchorSegment[] } {
  const text = db.prepare<[number], string>('SELECT text FROM sources WHERE id = ?').pluck().get(source.id)!;
  const segments = db
    .prepare<[{ first: number; last: number }], AnchorSegment>(rangeSegmentsSql(['id', 'turn', 'sentence', 'start', 'end']))
    .all({ first: source.first, last: source.last });
  return { text, segments };
}

/** The codings and the rejections a source's segments hold, by `segmentId, code, coder`. */
export function readHeldWork(db: Db, source: SourceIdentity): { codings: Map<string, HeldCoding>; rejections: Set<string> } {
  const codings = new Map<string, HeldCoding>();
  for (const r of db
    .prepare<[number, number], HeldCoding & { segmentId: number; code: string; coder: string }>(
      'SELECT segment_id AS segmentId, code, coder, origin, memo, start, end FROM codings WHERE segment_id BETWEEN ? AND ?',
    )
    .iterate(source.first, source.last)) {
    codings.set(heldKey(r.segmentId, r.code, r.coder), { origin: r.origin, memo: r.memo, start: r.start, end: r.end });
  }
  const rejections = new Set(
    db
      .prepare<[number, number], { segmentId: number; code: string; coder: string }>(
        `SELECT segment_id AS segmentId, code, coder FROM review_decisions WHERE segment_id BETWEEN ? AND ? AND decision = 'rejected'`,
      )
      .all(source.first, source.last)
      .map((r) => heldKey(r.segmentId, r.code, r.coder)),
  );
  return { codings, rejections };
}

/** The key readHeldWork files a segment's coding under. */
export function heldKey(segmentId: number, code: string, coder: string): string {
  return `${segmentId}\u0000${code}\u0000${coder}`;
}

/** A coding to write, placed on a segment of this project. */
export interface ImportedCoding {
  segmentId: number;
  code: string;
  coder: string;
  origin: string;
  start: number;
  end: number;
  memo: string | null;
  confidence: number | null;
  createdAt: string;
}

/** Writes imported codings (the caller holds the transaction); a coding already there is left as it is. */
export function insertImportedCodings(db: Db, codings: readonly ImportedCoding[], codebookId: number | null): number {
  const insert = db.prepare(
    `INSERT INTO codings (segment_id, code, coder, origin, start, end, codebook_id, confidence, memo, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (segment_id, code, coder) DO NOTHING`,
  );
  let added = 0;
  for (const c of codings) added += insert.run(c.segmentId, c.code, c.coder, c.origin, c.start, c.end, codebookId, c.confidence, c.memo, c.createdAt).changes;
  return added;
}
