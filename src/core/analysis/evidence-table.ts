/**
 * The evidence that counts, as columns of numbers: each coded segment once (a place), in reading order,
 * and for each code the places coded with it. `triangulate` and `report` hold a million codings this way
 * instead of an object and a text each; texts are read only for the units they quote.
 */
import { SOURCE_TYPES, type SourceType } from '../transcript/types.js';
import type { CodingColumns } from './coding-columns.js';

/** A source as the table names it: its store id, name, type and site (front matter), or null. */
export interface EvidenceSource {
  id: number;
  name: string;
  type: SourceType;
  site: string | null;
}

/** A participant as the table names them: store id, pseudonym, group, and `site` attribute, or null. */
export interface EvidenceParticipant {
  id: number;
  pseudonym: string;
  group: string | null;
  site: string | null;
}

/** What the numbers do not hold, read for the units quoted (the store's part). */
export interface EvidenceReader {
  /** A source's text between two code-point offsets. */
  text(sourceId: number, start: number, end: number): string;
  /** A segment's media start time (a sentence's is its turn's), or null. */
  startMs(segmentId: number): number | null;
}

/** The places of one code (or a code with those below it), ascending, and whether a person coded each. */
export interface CodePlaces {
  places: Int32Array;
  human: Uint8Array;
}

/** What the table knows of a place's length: a unit shorter than this says little (see pick-quotes.ts). */
export const MIN_QUOTE_LENGTH = 60;
/** long[place]: not known yet (the span is long enough; its trimmed text may not be), long, short. */
export const LENGTH_UNKNOWN = 0;
export const LENGTH_LONG = 1;
export const LENGTH_SHORT = 2;

/**
 * Evidence as columns. Places are the coded segments that count, ordered by source name (code-unit
 * order, the same on every machine) and then by segment id, which within a source runs in `T` / `T.S`
 * reading order (ingest assigns them so). Participants and sources are indexes into the lists beside.
 */
export interface EvidenceTable {
  /** How many places. */
  size: number;
  /** The place's segment id. */
  segment: Int32Array;
  /** A sentence's turn's place, or -1 (a turn, or a sentence whose turn carries no evidence). */
  turnPlace: Int32Array;
  /** Index into `sources`. */
  source: Int32Array;
  /** Index into SOURCE_TYPES of the source's type. */
  type: Uint8Array;
  /** Index into `participants`, -1 for none (an interviewer, a note, a document). */
  participant: Int32Array;
  /** The `T` and `S` of the place's address (S is 0 for a turn). */
  turn: Int32Array;
  sentence: Int32Array;
  /** The segment's span in its source's text, in code points. */
  start: Int32Array;
  end: Int32Array;
  /** Index into `sites` of the place's site (its source's, else its participant's), -1 for none. */
  site: Int32Array;
  /** Index into `groups` of each participant's group, -1 for none. */
  participantGroup: Int32Array;
  /** What is known of each place's trimmed length (LENGTH_*); filled in as quotes are chosen. */
  long: Uint8Array;
  /** Sources in name order. */
  sources: EvidenceSource[];
  participants: EvidenceParticipant[];
  sites: string[];
  groups: string[];
  /** Every code with evidence, and per code (same index) its places. */
  codes: string[];
  byCode: CodePlaces[];
  reader: EvidenceReader;
}

/** The place's `T` or `T.S` address. */
export function placeAddress(table: EvidenceTable, place: number): string {
  const sentence = table.sentence[place]!;
  return sentence === 0 ? String(table.turn[place]) : `${table.turn[place]}.${sentence}`;
}

/** The place's whole text. */
export function placeText(table: EvidenceTable, place: number): string {
  return table.reader.text(table.sources[table.source[place]!]!.id, table.start[place]!, table.end[place]!);
}

/** The pseudonym of the place's participant, or null. */
export function placeParticipant(table: EvidenceTable, place: number): string | null {
  const p = table.participant[place]!;
  return p < 0 ? null : table.participants[p]!.pseudonym;
}

/** The group of the place's participant, or null. */
export function placeGroup(table: EvidenceTable, place: number): string | null {
  const p = table.participant[place]!;
  return p < 0 ? null : table.participants[p]!.group;
}

/** The place's source type. */
export function placeType(table: EvidenceTable, place: number): SourceType {
  return SOURCE_TYPES[table.type[place]!]!;
}

/** What the table is built from: the codings read with their places, and the names their numbers stand for. */
export interface EvidenceTableInput {
  /** Codings with places (CodingColumns.places), marked with whether they count. */
  columns: CodingColumns;
  sources: readonly EvidenceSource[];
  participants: readonly EvidenceParticipant[];
  /** Whether a coder is a person (not the auto-coder or the suggester). */
  isHuman: (coder: string) => boolean;
  reader: EvidenceReader;
}

/**
 * The table of the codings that count: each (segment, code) once, and the segment once however many
 * codes and coders it has; a place is coded by a person with a code when any person's coding of it
 * with that code counts.
 */
export function buildEvidenceTable(input: EvidenceTableInput): EvidenceTable {
  const { columns } = input;
  const at = columns.places;
  if (!at) throw new Error('the evidence table needs the codings read with their places');
  const sources = [...input.sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rankOf = indexById(sources);
  const participantOf = indexById(input.participants);

  // Each counted segment once: the first counted coding on it stands for it.
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < columns.length; i++) {
    if (columns.counts[i] !== 1) continue;
    min = Math.min(min, columns.segment[i]!);
    max = Math.max(max, columns.segment[i]!);
  }
  const span = max >= min ? max - min + 1 : 0;
  const slot = new Int32Array(span).fill(-1);
  // Source rank, then segment id, as one number (ranks times segment ids stay far below 2^53).
  const keys: number[] = [];
  for (let i = 0; i < columns.length; i++) {
    if (columns.counts[i] !== 1 || slot[columns.segment[i]! - min] !== -1) continue;
    slot[columns.segment[i]! - min] = i;
    keys.push(rankOf.get(columns.source[i]!)! * span + (columns.segment[i]! - min));
  }
  const order = Float64Array.from(keys).sort();
  const size = order.length;
  const table: EvidenceTable = {
    size,
    segment: new Int32Array(size),
    turnPlace: new Int32Array(size).fill(-1),
    source: new Int32Array(size),
    type: new Uint8Array(size),
    participant: new Int32Array(size),
    turn: new Int32Array(size),
    sentence: new Int32Array(size),
    start: new Int32Array(size),
    end: new Int32Array(size),
    site: new Int32Array(size),
    participantGroup: new Int32Array(input.participants.length),
    long: new Uint8Array(size),
    sources,
    participants: [...input.participants],
    sites: [],
    groups: [],
    codes: columns.codes,
    byCode: [],
    reader: input.reader,
  };
  const turnSegment = new Int32Array(size);
  for (let p = 0; p < size; p++) {
    const offset = order[p]! % span;
    const i = slot[offset]!;
    slot[offset] = p;
    table.segment[p] = offset + min;
    turnSegment[p] = columns.turn[i]!;
    table.source[p] = Math.floor(order[p]! / span);
    table.type[p] = SOURCE_TYPES.indexOf(sources[table.source[p]!]!.type);
    table.participant[p] = columns.participant[i]! < 0 ? -1 : (participantOf.get(columns.participant[i]!) ?? -1);
    table.turn[p] = at.turn[i]!;
    table.sentence[p] = at.sentence[i]!;
    table.start[p] = at.start[i]!;
    table.end[p] = at.end[i]!;
    table.long[p] = at.end[i]! - at.start[i]! < MIN_QUOTE_LENGTH ? LENGTH_SHORT : LENGTH_UNKNOWN;
  }
  for (let p = 0; p < size; p++) {
    const t = turnSegment[p]! - min;
    if (table.sentence[p] !== 0 && t >= 0 && t < span && slot[t]! >= 0) table.turnPlace[p] = slot[t]!;
  }
  fillNames(table);
  table.byCode = placesByCode(columns, slot, min, input.isHuman);
  return table;
}

/** Each row's index in a list, by its id. */
function indexById(rows: readonly { id: number }[]): Map<number, number> {
  return new Map(rows.map((r, i) => [r.id, i]));
}

/** Sites and groups as indexes: a place's site is its source's, else its participant's `site` attribute. */
function fillNames(table: EvidenceTable): void {
  const sites = new Map<string, number>();
  const groups = new Map<string, number>();
  const indexOf = (map: Map<string, number>, list: string[], name: string): number => {
    let index = map.get(name);
    if (index === undefined) map.set(name, (index = list.push(name) - 1));
    return index;
  };
  table.participants.forEach((p, i) => (table.participantGroup[i] = p.group === null ? -1 : indexOf(groups, table.groups, p.group)));
  for (let p = 0; p < table.size; p++) {
    const participant = table.participant[p]!;
    const site = table.sources[table.source[p]!]!.site ?? (participant < 0 ? null : table.participants[participant]!.site);
    table.site[p] = site === null ? -1 : indexOf(sites, table.sites, site);
  }
}

/** Per code, its distinct places ascending, each marked when a person's counted coding carries it. */
function placesByCode(columns: CodingColumns, slot: Int32Array, min: number, isHuman: (coder: string) => boolean): CodePlaces[] {
  const human = columns.coders.map((c) => (isHuman(c) ? 1 : 0));
  const counts = new Uint32Array(columns.codes.length);
  for (let i = 0; i < columns.length; i++) if (columns.counts[i] === 1) counts[columns.code[i]!]! += 1;
  // A place and its person mark in one number (place * 2 + mark), so one sort puts both in order.
  const values = Array.from(counts, (n) => new Float64Array(n));
  const filled = new Uint32Array(columns.codes.length);
  for (let i = 0; i < columns.length; i++) {
    if (columns.counts[i] !== 1) continue;
    const c = columns.code[i]!;
    values[c]![filled[c]!++] = slot[columns.segment[i]! - min]! * 2 + human[columns.coder[i]!]!;
  }
  return values.map((list) => {
    list.sort();
    const places = new Int32Array(list.length);
    const marks = new Uint8Array(list.length);
    let n = 0;
    for (const value of list) {
      const place = Math.floor(value / 2);
      if (n > 0 && places[n - 1] === place) marks[n - 1]! |= value % 2;
      else {
        places[n] = place;
        marks[n++] = value % 2;
      }
    }
    return { places: places.slice(0, n), human: marks.slice(0, n) };
  });
}
