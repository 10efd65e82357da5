/**
 * What `telaah export csv` reads besides codings: every segment with where it sits and who speaks it,
 * and the sources' fields and attributes. Segments come one source at a time, so only that source's
 * text is held, however large the project.
 */
import type { CodingUnit } from '../core/config.js';
import { CodePointSlicer } from '../core/text/code-point-slicer.js';
import type { SourceType } from '../core/transcript/types.js';
import type { Db } from './open.js';

/** A segment (turn or sentence) as exported. */
export interface SegmentRecord {
  source: string;
  sourceType: SourceType;
  turn: number;
  /** 0 for a turn. */
  sentence: number;
  speaker: string | null;
  role: string | null;
  /** The participant's row id (see listParticipantAttributes), or null. */
  participantId: number | null;
  /** Code points of the source text. */
  start: number;
  end: number;
  startMs: number | null;
  endMs: number | null;
  text: string;
}

/** Which segments to export. */
export interface SegmentFilter {
  source?: string;
  sourceType?: SourceType;
  /** Only turns or only sentences (default both). */
  unit?: CodingUnit;
}

/** A source as exports name it, with its segment-id range. */
export interface SourceDetails {
  id: number;
  name: string;
  type: SourceType;
  date: string | null;
  site: string | null;
  language: string | null;
  attributes: Record<string, string>;
  first: number;
  last: number;
}

/** Every source with its fields and attributes, by name (one pass over the sources' rows). */
export function listSourceDetails(db: Db, filter: Pick<SegmentFilter, 'source' | 'sourceType'> = {}): SourceDetails[] {
  const clauses: string[] = [];
  const params: string[] = [];
  if (filter.source !== undefined) {
    clauses.push('name = ?');
    params.push(filter.source);
  }
  if (filter.sourceType !== undefined) {
    clauses.push('type = ?');
    params.push(filter.sourceType);
  }
  return db
    .prepare<string[], Omit<SourceDetails, 'attributes'> & { attributes: string }>(
      `SELECT id, name, type, date, site, language, attributes, first_segment AS first, last_segment AS last
         FROM sources ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY name`,
    )
    .all(...params)
    .map((r) => ({ ...r, attributes: stringValues(JSON.parse(r.attributes) as Record<string, unknown>) }));
}

/** The segments of the sources the filter keeps, by source name and then in reading order (each turn, then its sentences). */
export function* iterateSegmentRecords(db: Db, filter: SegmentFilter = {}): Generator<SegmentRecord> {
  const textOf = db.prepare<[number], string>('SELECT text FROM sources WHERE id = ?').pluck();
  const kind = filter.unit === 'turn' ? ' AND g.sentence = 0' : filter.unit === 'sentence' ? ' AND g.sentence > 0' : '';
  const segments = db.prepare<[number, number], Omit<SegmentRecord, 'source' | 'sourceType' | 'text'>>(
    `SELECT g.turn, g.sentence, COALESCE(g.speaker, t.speaker) AS speaker, COALESCE(g.role, t.role) AS role,
            COALESCE(g.participant_id, t.participant_id) AS participantId, g.start, g.end,
            COALESCE(g.start_ms, t.start_ms) AS startMs, COALESCE(g.end_ms, t.end_ms) AS endMs
       FROM segments g LEFT JOIN segments t ON t.id = g.parent_id
      WHERE g.id BETWEEN ? AND ?${kind} ORDER BY g.id`,
  );
  for (const source of listSourceDetails(db, filter)) {
    const slicer = new CodePointSlicer(textOf.get(source.id)!);
    for (const g of segments.iterate(source.first, source.last)) {
      yield { source: source.name, sourceType: source.type, ...g, text: slicer.slice(g.start, g.end) };
    }
  }
}

/** Attribute values as text (a JSON number or boolean as written); null values left out. */
function stringValues(record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) if (value !== null && value !== undefined) out[key] = String(value);
  return out;
}
