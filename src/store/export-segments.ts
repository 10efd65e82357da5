/**
 * What `telaah export csv` reads besides codings: every segment with where it sits and who speaks it,
 * and the sources' fields and attributes. Segments come one source at a time, so only that source's
 * text is held, however large the project.
 */
import type { CodingUnit } from '../core/config.js';
import { CodePointSlicer } from '../core/text/code-point-slicer.js';
import type { SourceType } from '../core/transcript/types.js';
import type { Db } from './open.js';
import { rangeSegmentsSql } from './segment-rows.js';
import { sourcesWhere } from './sources-where.js';

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
  const where = sourcesWhere(filter);
  return db
    .prepare<string[], Omit<SourceDetails, 'attributes'> & { attributes: string }>(
      `SELECT id, name, type, date, site, language, attributes, first_segment AS first, last_segment AS last
         FROM sources${where.sql} ORDER BY name`,
    )
    .all(...where.params)
    .map((r) => ({ ...r, attributes: stringValues(JSON.parse(r.attributes) as Record<string, unknown>) }));
}

/** A segment row: id, turn number, sentence, speaker, role, participant_id, start, end, start_ms, end_ms (a sentence's turn fields NULL). */
type RawSegment = [number, number | null, number, string | null, string | null, number | null, number, number, number | null, number | null];

/** A sentence's speaker, role, participant and media times are its turn's, the row just before it (no lookup per sentence). */
const SEGMENT_SQL = rangeSegmentsSql(['id', 'turn_on_turns', 'sentence', 'speaker', 'role', 'participant_id_on_turns', 'start', 'end', 'start_ms', 'end_ms']);

/**
 * The segments of the sources the filter keeps, by source name and then in reading order (each turn, then
 * its sentences). A sentence takes speaker, role, participant and media times from its turn.
 */
export function* iterateSegmentRecords(db: Db, filter: SegmentFilter = {}): Generator<SegmentRecord> {
  const textOf = db.prepare<[number], string>('SELECT text FROM sources WHERE id = ?').pluck();
  const segments = db.prepare<[{ first: number; last: number }], RawSegment>(SEGMENT_SQL).raw();
  const wanted = (sentence: number): boolean => (filter.unit === 'turn' ? sentence === 0 : filter.unit === 'sentence' ? sentence > 0 : true);
  for (const source of listSourceDetails(db, filter)) {
    const slicer = new CodePointSlicer(textOf.get(source.id)!);
    let turn: RawSegment | undefined;
    for (const g of segments.iterate({ first: source.first, last: source.last })) {
      const [, , sentence, , , , start, end] = g;
      if (sentence === 0) turn = g;
      if (!wanted(sentence) || !turn) continue;
      const [, turnNumber, , speaker, role, participantId, , , startMs, endMs] = turn;
      yield { source: source.name, sourceType: source.type, turn: turnNumber!, sentence, speaker, role, participantId, start, end, startMs, endMs, text: slicer.slice(start, end) };
    }
  }
}

/** Attribute values as text (a JSON number or boolean as written); null values left out. */
function stringValues(record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) if (value !== null && value !== undefined) out[key] = String(value);
  return out;
}
