/**
 * The units (sentences or turns) of a source as offsets into its text, for the auto-coder: the source
 * text is read once and never sliced, and the rows reach JavaScript through an aggregate's arguments
 * (one call per row costs a quarter of what a row object does). The turns and the sentences of the
 * range are read apart, each table by its primary key with only the numbers the units need (a merged
 * read of both with every segment column cost 1.7 s of the bench project's 4.4 M segments, this 1 s):
 * a sentence takes its speaker's role from its turn, which lies in the same id range.
 */
import { CodePointSlicer } from '../core/text/code-point-slicer.js';
import { hasOnlyBmp } from '../core/text/code-points.js';
import type { Db } from './open.js';

/** A source by name with its segment id range. */
export interface SourceRange {
  id: number;
  name: string;
  first: number;
  last: number;
}

/** Which units to read: sentences or turns; interviewer turns only when asked; notes and documents unless only spoken units are wanted. */
export interface UnitSelection {
  unit: 'sentence' | 'turn';
  includeInterviewer: boolean;
  spokenOnly?: boolean;
}

/** A source's units in id order: entries below `count` of the parallel arrays. */
export interface SourceUnitRanges {
  source: string;
  text: string;
  count: number;
  segmentIds: Int32Array;
  turns: Int32Array;
  sentences: Int32Array;
  /** The unit's text in code points of the source text (as stored). */
  starts: Int32Array;
  ends: Int32Array;
  /** The same bounds as UTF-16 offsets into `text`. */
  from16: Int32Array;
  to16: Int32Array;
  /** Whether `text` has no surrogates (UTF-16 offsets are code points). */
  bmp: boolean;
}

/** Every source with its segment id range, in name order (the order `code auto` codes and stores them). */
export function listSourceRanges(db: Db): SourceRange[] {
  // `+name`: read from the (first_segment, last_segment, sha256, name, type) index and sorted, not in the
  // name index's order with each row read past its text to its range (0.03 s against 0.15 s for 30,610 sources).
  return db.prepare<[], SourceRange>('SELECT id, name, first_segment AS first, last_segment AS last FROM sources ORDER BY +name').all();
}

/** Roles as the turns statement hands them over (an integer costs less to pass than a string; 1: participant). */
const ROLE_NONE = 0;
const ROLE_INTERVIEWER = 2;
const ROLE_SQL = "CASE role WHEN 'interviewer' THEN 2 WHEN 'participant' THEN 1 ELSE 0 END";

/** Rows of one id range as an aggregate hands them over: `width` numbers a row. */
class RangeRows {
  values: Int32Array;
  count = 0;

  constructor(readonly width: number) {
    this.values = new Int32Array(width * 1024);
  }

  /** Room for one more row; returns where it starts. */
  next(): number {
    const at = this.count * this.width;
    if (at + this.width > this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.count++;
    return at;
  }
}

/** Per connection: the aggregates, the rows they fill and the statements. */
interface Reader {
  /** Turns: id, turn number, role, start, end. */
  turns: RangeRows;
  /** Sentences: id, turn id, start, end. */
  sentences: RangeRows;
  readTurns: (first: number, last: number) => void;
  readSentences: (first: number, last: number) => void;
  text: (id: number) => string | undefined;
}
const readers = new WeakMap<Db, Reader>();
const TURNS = 'telaah_unit_turns';
const SENTENCES = 'telaah_unit_sentences';

function readerOf(db: Db): Reader {
  let reader = readers.get(db);
  if (reader) return reader;
  const turns = new RangeRows(5);
  const sentences = new RangeRows(4);
  const turnStep = (n: number, id: number, turn: number, role: number, start: number, end: number): number => {
    const at = turns.next();
    const v = turns.values;
    v[at] = id;
    v[at + 1] = turn;
    v[at + 2] = role;
    v[at + 3] = start;
    v[at + 4] = end;
    return n + 1;
  };
  const sentenceStep = (n: number, id: number, turn: number, start: number, end: number): number => {
    const at = sentences.next();
    const v = sentences.values;
    v[at] = id;
    v[at + 1] = turn;
    v[at + 2] = start;
    v[at + 3] = end;
    return n + 1;
  };
  // better-sqlite3 reads the number of arguments from step.length; its types know of one.
  db.aggregate(TURNS, { start: 0, step: turnStep as unknown as (n: number, next: unknown) => number });
  db.aggregate(SENTENCES, { start: 0, step: sentenceStep as unknown as (n: number, next: unknown) => number });
  // Each range scans its table by primary key, in id order.
  const turnRows = db.prepare<[{ first: number; last: number }], number>(`SELECT ${TURNS}(id, turn, ${ROLE_SQL}, start, end) FROM turns WHERE id BETWEEN @first AND @last`).pluck();
  const sentenceRows = db.prepare<[{ first: number; last: number }], number>(`SELECT ${SENTENCES}(id, turn_id, start, end) FROM sentences WHERE id BETWEEN @first AND @last`).pluck();
  const text = db.prepare<[number], string>('SELECT text FROM sources WHERE id = ?').pluck();
  reader = {
    turns,
    sentences,
    readTurns: (first, last) => {
      turns.count = 0;
      turnRows.get({ first, last });
    },
    readSentences: (first, last) => {
      sentences.count = 0;
      sentenceRows.get({ first, last });
    },
    text: (id) => text.get(id),
  };
  readers.set(db, reader);
  return reader;
}

/** The rows of `rows` in id order: their indexes when the scan gave them out of order (it never has), else null. */
function idOrder(rows: RangeRows): number[] | null {
  const { values, width, count } = rows;
  for (let r = 1; r < count; r++) {
    if (values[r * width]! < values[(r - 1) * width]!) return Array.from({ length: count }, (_, k) => k).sort((a, b) => values[a * width]! - values[b * width]!);
  }
  return null;
}

/** A source's units and the per-turn arrays, kept per connection and grown as sources need. */
class UnitBuffers {
  turnWanted = new Uint8Array(1024);
  turnNumbers = new Int32Array(1024);
  readonly units: SourceUnitRanges = { source: '', text: '', count: 0, segmentIds: new Int32Array(256), turns: new Int32Array(256), sentences: new Int32Array(256), starts: new Int32Array(256), ends: new Int32Array(256), from16: new Int32Array(256), to16: new Int32Array(256), bmp: true };

  /** Room for a range of `span` ids, its turn arrays cleared. */
  forSpan(span: number): void {
    if (this.turnWanted.length < span) {
      this.turnWanted = new Uint8Array(span * 2);
      this.turnNumbers = new Int32Array(span * 2);
    } else {
      this.turnWanted.fill(0, 0, span);
    }
  }

  /** Room for `count` units (their old values are not kept). */
  forUnits(count: number): SourceUnitRanges {
    const u = this.units;
    if (u.segmentIds.length < count) {
      const size = count * 2;
      u.segmentIds = new Int32Array(size);
      u.turns = new Int32Array(size);
      u.sentences = new Int32Array(size);
      u.starts = new Int32Array(size);
      u.ends = new Int32Array(size);
      u.from16 = new Int32Array(size);
      u.to16 = new Int32Array(size);
    }
    return u;
  }
}
const buffers = new WeakMap<Db, UnitBuffers>();

/**
 * The units of one source that the selection asks for, in id order (none when the source has gone).
 * The answer is the connection's own buffers, valid until the next call: a worker thread reads tens of
 * thousands of sources, and fresh arrays for each cost the collector more than the reading.
 */
export function readSourceUnits(db: Db, source: SourceRange, selection: UnitSelection): SourceUnitRanges {
  const reader = readerOf(db);
  let buffer = buffers.get(db);
  if (buffer === undefined) buffers.set(db, (buffer = new UnitBuffers()));
  const text = reader.text(source.id) ?? '';
  reader.readTurns(source.first, source.last);
  const wantSentences = selection.unit === 'sentence';
  if (wantSentences) reader.readSentences(source.first, source.last);
  const turns = reader.turns;
  const rows = wantSentences ? reader.sentences : turns;
  const count = rows.count;
  // A turn's number and whether its units are wanted, by its offset in the range (for its sentences).
  const span = Math.max(0, source.last - source.first + 1);
  buffer.forSpan(span);
  const { turnWanted, turnNumbers } = buffer;
  for (let r = 0, at = 0; r < turns.count; r++, at += 5) {
    const offset = turns.values[at]! - source.first;
    const role = turns.values[at + 2]!;
    turnNumbers[offset] = turns.values[at + 1]!;
    turnWanted[offset] = (role === ROLE_INTERVIEWER && !selection.includeInterviewer) || (role === ROLE_NONE && selection.spokenOnly === true) ? 0 : 1;
  }
  const order = idOrder(rows);
  // Without surrogates a code point offset is the UTF-16 offset.
  const bmp = hasOnlyBmp(text);
  const slicer = bmp ? null : new CodePointSlicer(text);
  const units = buffer.forUnits(count);
  units.source = source.name;
  units.text = text;
  units.count = 0;
  units.bmp = bmp;
  const { values, width } = rows;
  for (let k = 0; k < count; k++) {
    const at = (order === null ? k : order[k]!) * width;
    const id = values[at]!;
    // A sentence's turn lies in its source's id range (ids are given per source, turn before its sentences).
    const turn = wantSentences ? values[at + 1]! - source.first : id - source.first;
    if (turnWanted[turn] === 0) continue;
    const start = values[at + width - 2]!;
    const end = values[at + width - 1]!;
    const n = units.count++;
    units.segmentIds[n] = id;
    units.turns[n] = turnNumbers[turn]!;
    units.sentences[n] = wantSentences ? id - values[at + 1]! : 0;
    units.starts[n] = start;
    units.ends[n] = end;
    units.from16[n] = slicer === null ? start : slicer.toUtf16(start);
    units.to16[n] = slicer === null ? end : slicer.toUtf16(end);
  }
  return units;
}
