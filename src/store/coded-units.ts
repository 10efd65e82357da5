/**
 * What analysis commands read about coding units besides their codes: the sources and participants
 * they belong to, where they sit, and their text. Units come as sorted id sets (see unit-codes.ts).
 */
import { CodePointSlicer } from '../core/text/code-point-slicer.js';
import type { SourceType } from '../core/transcript/types.js';
import { SEGMENT_END, SEGMENT_START, segmentJoin } from './coded-segments.js';
import type { Db } from './open.js';

/** A source as analysis sees it: its name and type. */
export interface SourceRef {
  id: number;
  name: string;
  type: SourceType;
}

/**
 * Every source's name and type, by name. These columns come before the text in a source's row; reading
 * the columns after it (site, date, attributes, segment range) walks the text's pages (listSourceFields).
 */
export function listSourceRefs(db: Db): SourceRef[] {
  return db.prepare<[], SourceRef>('SELECT id, name, type FROM sources ORDER BY name').all();
}

/** Every source's segment-id range (read past its text: about a tenth of a second per 30,000 sources), in id order. */
export function listSourceRanges(db: Db): { id: number; first: number; last: number }[] {
  return db.prepare<[], { id: number; first: number; last: number }>('SELECT id, first_segment AS first, last_segment AS last FROM sources ORDER BY first_segment').all();
}

/**
 * The current codebook's codes in codebook order, from the codes stored with it (no YAML to parse), with
 * the label in `language` (else the first); null before `telaah codebook use`.
 */
export function listCurrentCodes(db: Db, language: string): { id: string; parent: string | null; label: string }[] | null {
  const rows = db
    .prepare<[], { id: string; parent: string | null; label: string }>(
      'SELECT c.id, c.parent, c.label FROM current_codebook x JOIN codes c ON c.codebook_id = x.codebook_id ORDER BY c.position',
    )
    .all();
  if (rows.length === 0) return db.prepare('SELECT 1 FROM current_codebook').get() ? [] : null;
  return rows.map((r) => {
    const labels = JSON.parse(r.label) as Record<string, string>;
    return { id: r.id, parent: r.parent, label: labels[language] ?? Object.values(labels)[0] ?? '' };
  });
}

/** A participant as analysis sees it. */
export interface ParticipantAttributes {
  id: number;
  pseudonym: string;
  group: string | null;
  attributes: Record<string, string>;
}

/** Every participant with their group and attributes. */
export function listParticipantAttributes(db: Db): ParticipantAttributes[] {
  return db
    .prepare<[], { id: number; pseudonym: string; grp: string | null; attributes: string }>('SELECT id, pseudonym, grp, attributes FROM participants ORDER BY id')
    .all()
    .map((r) => ({ id: r.id, pseudonym: r.pseudonym, group: r.grp, attributes: JSON.parse(r.attributes) as Record<string, string> }));
}

/** The distinct codes of the codings, by stepping through the codings_code index (see listCodedCodes). */
export const CODED_CODES_SQL = `WITH RECURSIVE d(code) AS (
    SELECT (SELECT MIN(code) FROM codings)
    UNION ALL
    SELECT (SELECT MIN(code) FROM codings WHERE code > d.code) FROM d WHERE d.code IS NOT NULL
  )
  SELECT code FROM d WHERE code IS NOT NULL`;

/**
 * The distinct codes of the codings, found by stepping through the codings_code index from one code to
 * the next (a few seeks per code), not by reading every coding.
 */
export function listCodedCodes(db: Db): string[] {
  return db.prepare<[], string>(CODED_CODES_SQL).pluck().all();
}

/** Where units sit, per unit of a sorted id set, in its order. */
export interface UnitFacts {
  sourceId: Float64Array;
  turn: Float64Array;
  sentence: Float64Array;
  /** The id of the unit's turn (the unit itself when it is a turn). */
  turnId: Float64Array;
  /** 0 when the unit has no participant. */
  participantId: Float64Array;
}

// Ids go to SQLite as one JSON array per chunk (json_each stands in for an array parameter).
const CHUNK = 100_000;

/** Where units sit, for a JSON array of segment ids: each looked up by its rowid, in the array's order. */
export const UNIT_FACTS_SQL = `SELECT t.source_id, t.turn, j.value - t.id, t.id, IFNULL(t.participant_id, 0)
  FROM json_each(?) j ${segmentJoin('j.value')} ORDER BY j.key`;

/** Units for people, for a JSON array of segment ids, in the array's order (names are looked up in JavaScript). */
export const UNIT_ROWS_SQL = `SELECT j.value, t.source_id, t.turn, j.value - t.id, t.speaker, t.participant_id, ${SEGMENT_START}, ${SEGMENT_END}
  FROM json_each(?) j ${segmentJoin('j.value')}
 ORDER BY j.key`;


/** Source, turn, sentence and participant of each unit (ids sorted or not; each must be a segment). */
export function readUnitFacts(db: Db, ids: Float64Array): UnitFacts {
  const n = ids.length;
  const facts: UnitFacts = {
    sourceId: new Float64Array(n),
    turn: new Float64Array(n),
    sentence: new Float64Array(n),
    turnId: new Float64Array(n),
    participantId: new Float64Array(n),
  };
  const statement = db.prepare<[string], number[]>(UNIT_FACTS_SQL).raw();
  let i = 0;
  for (let from = 0; from < n; from += CHUNK) {
    for (const row of statement.iterate(JSON.stringify(Array.from(ids.subarray(from, from + CHUNK))))) {
      facts.sourceId[i] = row[0]!;
      facts.turn[i] = row[1]!;
      facts.sentence[i] = row[2]!;
      facts.turnId[i] = row[3]!;
      facts.participantId[i] = row[4]!;
      i += 1;
    }
  }
  return facts;
}

/** A unit for people: where it is, who speaks it, and its text. */
export interface UnitRow {
  id: number;
  source: string;
  sourceType: SourceType;
  turn: number;
  sentence: number;
  speaker: string | null;
  participant: string | null;
  /** The unit in code points of the source text. */
  start: number;
  end: number;
  text: string;
}

/** How units' sources and participants are named: lookups the caller holds (cheaper than a join per unit). */
export interface UnitNames {
  source(id: number): { name: string; type: SourceType };
  participant(id: number): string | null;
}

/**
 * The units of the ids with their text, in the ids' order, one at a time. Only the current source's text
 * is held, however many sources the units span, so a source's units should come together.
 */
export function* iterateUnitRows(db: Db, ids: Float64Array, names: UnitNames): Generator<UnitRow> {
  const statement = db.prepare<[string], [number, number, number, number, string | null, number | null, number, number]>(UNIT_ROWS_SQL).raw();
  const textOf = db.prepare<[number], string>('SELECT text FROM sources WHERE id = ?').pluck();
  let current = { sourceId: -1, slicer: null as CodePointSlicer | null };
  for (let from = 0; from < ids.length; from += CHUNK) {
    for (const [id, sourceId, turn, sentence, speaker, participantId, start, end] of statement.iterate(JSON.stringify(Array.from(ids.subarray(from, from + CHUNK))))) {
      if (sourceId !== current.sourceId) current = { sourceId, slicer: new CodePointSlicer(textOf.get(sourceId)!) };
      const source = names.source(sourceId);
      const participant = participantId === null ? null : names.participant(participantId);
      yield { id, source: source.name, sourceType: source.type, turn, sentence, speaker, participant, start, end, text: current.slicer!.slice(start, end) };
    }
  }
}
