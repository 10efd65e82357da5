/**
 * The columns of `telaah export csv --what segments|quotes`, for R, SPSS and Excel: fixed columns in a
 * documented order, then one column per attribute key (`participant_KEY`, `source_KEY`) and, for quotes,
 * one per level of the code tree (`code_1`, `code_2`, …). Pure: rows in, cells out.
 */
import { formatSegment } from '../core/segment-address.js';
import { formatMediaTime } from '../core/transcript/build-source.js';

/** A participant as the tables show them. */
export interface ParticipantInfo {
  pseudonym: string;
  group: string | null;
  attributes: Readonly<Record<string, string>>;
}

/** A source as the quote table shows it. */
export interface QuoteSource {
  type: string;
  date: string | null;
  site: string | null;
  language: string | null;
  attributes: Readonly<Record<string, string>>;
}

/** An attribute key and the column it is written in. */
export interface AttributeColumn {
  key: string;
  column: string;
}

/**
 * A column per attribute key: the prefix, then the key with each run of characters other than letters,
 * digits and _ written as _ (valid as an R and SPSS variable name); a name already taken gets _2, _3, ….
 */
export function attributeColumns(prefix: string, keys: readonly string[], taken: Set<string>): AttributeColumn[] {
  return keys.map((key) => {
    const base = `${prefix}${key.replace(/[^\p{L}\p{N}_]+/gu, '_')}`;
    let column = base;
    for (let n = 2; taken.has(column); n += 1) column = `${base}_${n}`;
    taken.add(column);
    return { key, column };
  });
}

/** The sorted keys of some attribute records. */
export function attributeKeys(records: Iterable<Readonly<Record<string, string>>>): string[] {
  const keys = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) keys.add(key);
  return [...keys].sort();
}

/** A segment as the segment table needs it. */
export interface SegmentCells {
  source: string;
  sourceType: string;
  turn: number;
  sentence: number;
  speaker: string | null;
  role: string | null;
  start: number;
  end: number;
  startMs: number | null;
  endMs: number | null;
  text: string;
}

const SEGMENT_LEAD = ['source', 'source_type', 'segment', 'turn', 'sentence', 'speaker', 'role', 'participant', 'participant_group'];
const SEGMENT_TAIL = ['start', 'end', 'start_ms', 'end_ms', 'media_time', 'text'];

/** `export csv --what segments`: one row per turn and sentence. */
export class SegmentTable {
  readonly header: string[];
  private readonly participantColumns: AttributeColumn[];

  constructor(participantKeys: readonly string[]) {
    const taken = new Set([...SEGMENT_LEAD, ...SEGMENT_TAIL]);
    this.participantColumns = attributeColumns('participant_', participantKeys, taken);
    this.header = [...SEGMENT_LEAD, ...this.participantColumns.map((c) => c.column), ...SEGMENT_TAIL];
  }

  row(s: SegmentCells, participant: ParticipantInfo | undefined): unknown[] {
    return [
      s.source,
      s.sourceType,
      formatSegment(s.turn, s.sentence),
      s.turn,
      s.sentence,
      s.speaker,
      s.role,
      participant?.pseudonym,
      participant?.group,
      ...this.participantColumns.map((c) => participant?.attributes[c.key]),
      s.start,
      s.end,
      s.startMs,
      s.endMs,
      s.startMs === null ? null : formatMediaTime(s.startMs),
      s.text,
    ];
  }
}

/** One coded quote: a unit that counts as evidence for a code, with who coded it. */
export interface QuoteCells {
  source: string;
  segment: string;
  speaker: string | null;
  participant: string | null;
  start: number;
  end: number;
  startMs: number | null;
  endMs: number | null;
  /** The whole unit. */
  text: string;
  code: string;
  coders: readonly string[];
  origins: readonly string[];
}

const QUOTE_SOURCE = ['source', 'source_type', 'source_date', 'source_site', 'source_language'];
const QUOTE_UNIT = ['segment', 'turn', 'sentence', 'speaker', 'participant', 'participant_group'];
const QUOTE_PLACE = ['start', 'end', 'start_ms', 'end_ms', 'media_time', 'text', 'code', 'code_label'];
const QUOTE_TAIL = ['coders', 'origins'];

/**
 * The cells of a code's path, one per level of the code tree, `depth` in all: each level's label (the
 * id's own part where the codebook has no label for it), then blanks. `barrier/documentation` →
 * ['Hambatan', 'Dokumen kependudukan', ''] at depth 3.
 */
export function codePathCells(id: string, labelOf: ReadonlyMap<string, string>, depth: number): string[] {
  const parts = id.split('/');
  const cells = parts.map((part, i) => labelOf.get(parts.slice(0, i + 1).join('/')) || part);
  return [...cells, ...new Array<string>(Math.max(0, depth - cells.length)).fill('')];
}

/** How many levels the deepest of the codes has (at least 1). */
export function codeDepth(ids: Iterable<string>): number {
  let depth = 1;
  for (const id of ids) depth = Math.max(depth, id.split('/').length);
  return depth;
}

/** `export csv --what quotes`: one row per coded quote, with its source's and participant's attributes and its code path. */
export class QuoteTable {
  readonly header: string[];
  private readonly sourceColumns: AttributeColumn[];
  private readonly participantColumns: AttributeColumn[];

  constructor(
    sourceKeys: readonly string[],
    participantKeys: readonly string[],
    private readonly labelOf: ReadonlyMap<string, string>,
    private readonly depth: number,
  ) {
    const path = Array.from({ length: depth }, (_, i) => `code_${i + 1}`);
    const taken = new Set([...QUOTE_SOURCE, ...QUOTE_UNIT, ...QUOTE_PLACE, ...path, ...QUOTE_TAIL]);
    this.sourceColumns = attributeColumns('source_', sourceKeys, taken);
    this.participantColumns = attributeColumns('participant_', participantKeys, taken);
    this.header = [...QUOTE_SOURCE, ...this.sourceColumns.map((c) => c.column), ...QUOTE_UNIT, ...this.participantColumns.map((c) => c.column), ...QUOTE_PLACE, ...path, ...QUOTE_TAIL];
  }

  row(q: QuoteCells, source: QuoteSource, participant: ParticipantInfo | undefined): unknown[] {
    const [turn, sentence] = q.segment.split('.');
    return [
      q.source,
      source.type,
      source.date,
      source.site,
      source.language,
      ...this.sourceColumns.map((c) => source.attributes[c.key]),
      q.segment,
      Number(turn),
      Number(sentence ?? 0),
      q.speaker,
      q.participant,
      participant?.group,
      ...this.participantColumns.map((c) => participant?.attributes[c.key]),
      q.start,
      q.end,
      q.startMs,
      q.endMs,
      q.startMs === null ? null : formatMediaTime(q.startMs),
      q.text,
      q.code,
      this.labelOf.get(q.code) ?? '',
      ...codePathCells(q.code, this.labelOf, this.depth),
      q.coders.join(';'),
      q.origins.join(';'),
    ];
  }
}
