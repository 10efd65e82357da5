import type { EvidenceInput } from '../core/analysis/triangulation-types.js';
import { formatSegment } from '../core/segment-address.js';
import { CODED_SEGMENTS, evidenceClauses, SourceTexts, type EvidenceScope } from './coded-segments.js';
import type { SourceType } from '../core/transcript/types.js';
import type { Db } from './open.js';

/**
 * Every coded segment that counts as evidence under the scope (see evidenceClauses), with what the
 * triangulation audit needs: one row per code and segment (a segment coded by several coders comes once),
 * with the segment's whole text as the quote. Folding sentences into coded turns is left to core
 * (foldEvidenceUnits), so that every command counts with the same function.
 */
export function listEvidence(db: Db, scope: EvidenceScope = {}): EvidenceInput[] {
  const { clauses, params } = evidenceClauses(scope);
  const rows = db
    .prepare<unknown[], { sourceId: number; source: string; sourceType: SourceType; site: string | null; turn: number; sentence: number; start: number; end: number; startMs: number | null; code: string; participant: string | null; grp: string | null }>(
      `SELECT DISTINCT s.id AS sourceId, s.name AS source, s.type AS sourceType,
              COALESCE(s.site, json_extract(p.attributes, '$.site')) AS site, g.turn, g.sentence, g.start, g.end,
              COALESCE(g.start_ms, t.start_ms) AS startMs, c.code, p.pseudonym AS participant, p.grp
        ${CODED_SEGMENTS}
        WHERE ${clauses.join(' AND ')}
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

/** Where each counted coding sits, one row per code and segment, without text (for counts). */
export function listEvidencePlaces(db: Db, scope: EvidenceScope = {}): { source: string; segment: string; code: string }[] {
  const { clauses, params } = evidenceClauses(scope);
  return db
    .prepare<unknown[], { source: string; turn: number; sentence: number; code: string }>(
      `SELECT DISTINCT s.name AS source, g.turn, g.sentence, c.code
         FROM codings c JOIN segments g ON g.id = c.segment_id JOIN sources s ON s.id = g.source_id
        WHERE ${clauses.join(' AND ')}`,
    )
    .all(...params)
    .map((r) => ({ source: r.source, segment: formatSegment(r.turn, r.sentence), code: r.code }));
}

/** How many distinct participant groups the project has. */
export function countParticipantGroups(db: Db): number {
  return (db.prepare('SELECT COUNT(DISTINCT grp) AS n FROM participants WHERE grp IS NOT NULL').get() as { n: number }).n;
}
