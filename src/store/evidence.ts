import type { CodingColumns } from '../core/analysis/coding-columns.js';
import { buildEvidenceTable, type EvidenceParticipant, type EvidenceReader, type EvidenceSource, type EvidenceTable } from '../core/analysis/evidence-table.js';
import { formatSegment } from '../core/segment-address.js';
import { MACHINE_CODERS } from './agreement-units.js';
import { evidenceClauses, segmentJoin, SourceTexts, type EvidenceScope } from './coded-segments.js';
import { readCodingColumns } from './coding-columns.js';
import type { Db } from './open.js';

/**
 * The evidence that counts in `columns` (read by readCodingColumns with places) as an evidence table:
 * the names of its sources and participants, and a reader that slices a source's text (one source held
 * at a time) and finds a segment's media time, for the units quoted.
 */
export function readEvidenceTable(db: Db, columns: CodingColumns): EvidenceTable {
  return buildEvidenceTable({ columns, ...readEvidenceNames(db), isHuman: (coder) => !MACHINE_CODERS.includes(coder), reader: evidenceReader(db) });
}

/** The names an evidence table or stream gives its numbers: every source, and the participants by id. */
export function readEvidenceNames(db: Db): { sources: EvidenceSource[]; participants: EvidenceParticipant[] } {
  return {
    sources: db.prepare<[], EvidenceSource>('SELECT id, name, type, site FROM sources').all(),
    participants: db.prepare<[], EvidenceParticipant>("SELECT id, pseudonym, grp AS 'group', json_extract(attributes, '$.site') AS site FROM participants ORDER BY id").all(),
  };
}

/** Reads what quotes show: a source's text (one source held at a time) and a segment's media time. */
export function evidenceReader(db: Db): EvidenceReader {
  const texts = new SourceTexts(db);
  const startMs = db.prepare<[number], number | null>(`SELECT t.start_ms FROM (SELECT ? AS id) x ${segmentJoin('x.id')}`).pluck();
  return { text: (sourceId, start, end) => texts.slice(sourceId, start, end), startMs: (segmentId) => startMs.get(segmentId) ?? null };
}

/** The evidence that counts under the scope, as an evidence table (see readEvidenceTable). */
export function readEvidence(db: Db, scope: EvidenceScope = {}): EvidenceTable {
  return readEvidenceTable(db, readCodingColumns(db, scope, undefined, true));
}

/** Where each counted coding sits, one row per code and segment, without text (for counts). */
export function listEvidencePlaces(db: Db, scope: EvidenceScope = {}): { source: string; segment: string; code: string }[] {
  const { clauses, params } = evidenceClauses(scope);
  return db
    .prepare<unknown[], { source: string; turn: number; sentence: number; code: string }>(
      `SELECT DISTINCT s.name AS source, t.turn, c.segment_id - t.id AS sentence, c.code
         FROM codings c ${segmentJoin('c.segment_id')} JOIN sources s ON s.id = t.source_id
        WHERE ${clauses.join(' AND ')}`,
    )
    .all(...params)
    .map((r) => ({ source: r.source, segment: formatSegment(r.turn, r.sentence), code: r.code }));
}

/** How many distinct participant groups the project has. */
export function countParticipantGroups(db: Db): number {
  return (db.prepare('SELECT COUNT(DISTINCT grp) AS n FROM participants WHERE grp IS NOT NULL').get() as { n: number }).n;
}
