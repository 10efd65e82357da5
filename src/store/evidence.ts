import type { EvidenceInput } from '../core/analysis/triangulation-types.js';
import { formatSegment } from '../core/segment-address.js';
import { CODED_SEGMENTS, coderAndOriginClauses, SourceTexts } from './coded-segments.js';
import type { SourceType } from '../core/transcript/types.js';
import type { Db } from './open.js';

/** Which codings count as evidence. */
export interface EvidenceFilter {
  coder?: string;
  origins?: string[];
}

/**
 * Every coded segment with what the triangulation audit needs: one row per code and segment (a segment
 * coded by several coders counts once), with the segment's whole text as the quote.
 */
export function listEvidence(db: Db, filter: EvidenceFilter = {}): EvidenceInput[] {
  const { clauses: where, params } = coderAndOriginClauses(filter);
  const rows = db
    .prepare<unknown[], { sourceId: number; source: string; sourceType: SourceType; site: string | null; turn: number; sentence: number; start: number; end: number; startMs: number | null; code: string; participant: string | null; grp: string | null }>(
      `SELECT DISTINCT s.id AS sourceId, s.name AS source, s.type AS sourceType,
              COALESCE(s.site, json_extract(p.attributes, '$.site')) AS site, g.turn, g.sentence, g.start, g.end,
              COALESCE(g.start_ms, t.start_ms) AS startMs, c.code, p.pseudonym AS participant, p.grp
        ${CODED_SEGMENTS}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY s.name, g.id, c.code`,
    )
    .all(...params);
  const texts = new SourceTexts(db);
  return rows.map((r) => ({
    code: r.code,
    source: r.source,
    sourceType: r.sourceType,
    segment: formatSegment(r.turn, r.sentence),
    site: r.site,
    participant: r.participant,
    group: r.grp,
    startMs: r.startMs,
    text: texts.slice(r.sourceId, r.start, r.end),
  }));
}

/** How many distinct participant groups the project has. */
export function countParticipantGroups(db: Db): number {
  return (db.prepare('SELECT COUNT(DISTINCT grp) AS n FROM participants WHERE grp IS NOT NULL').get() as { n: number }).n;
}
