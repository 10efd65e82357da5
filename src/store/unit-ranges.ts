/**
 * The units (sentences or turns) of a source as offsets into its text, for the auto-coder: the source
 * text is read once and never sliced, and the segment rows reach JavaScript through an aggregate's
 * arguments (one call per row costs a quarter of what a row object does). A sentence takes its
 * speaker's role from its turn, which is in the same id range, so no join is needed.
 */
import { CodePointSlicer } from '../core/text/code-point-slicer.js';
import type { Db } from './open.js';
import { rangeSegmentsSql } from './segment-rows.js';

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
}

/** Every source with its segment id range, in name order (the order `code auto` codes and stores them). */
export function listSourceRanges(db: Db): SourceRange[] {
  return db.prepare<[], SourceRange>('SELECT id, name, first_segment AS first, last_segment AS last FROM sources ORDER BY name').all();
}

const ROLE_NONE = 0;
const ROLE_PARTICIPANT = 1;
const ROLE_INTERVIEWER = 2;
/** A segment whose role comes from its turn (a sentence row stores none). */
const ROLE_OF_PARENT = 3;

/** The segment rows of one id range as the aggregate hands them over: seven numbers a row. */
class SegmentRows {
  values = new Int32Array(7 * 1024);
  count = 0;

  add(id: number, parent: number | null, turn: number, sentence: number, start: number, end: number, role: string | null): void {
    let at = this.count * 7;
    if (at + 7 > this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    const v = this.values;
    v[at++] = id;
    v[at++] = parent ?? 0;
    v[at++] = turn;
    v[at++] = sentence;
    v[at++] = start;
    v[at++] = end;
    v[at] = role === null && parent !== null ? ROLE_OF_PARENT : roleCode(role);
    this.count++;
  }
}

/** Per connection: the aggregate, the rows it fills and the statements. */
interface Reader {
  rows: SegmentRows;
  read: (first: number, last: number) => void;
  text: (id: number) => string | undefined;
}
const readers = new WeakMap<Db, Reader>();
const AGGREGATE = 'telaah_unit_rows';

function readerOf(db: Db): Reader {
  let reader = readers.get(db);
  if (reader) return reader;
  const rows = new SegmentRows();
  const step = (n: number, id: number, parent: number | null, turn: number, sentence: number, start: number, end: number, role: string | null): number => {
    rows.add(id, parent, turn, sentence, start, end, role);
    return n + 1;
  };
  // better-sqlite3 reads the number of arguments from step.length; its types know of one.
  db.aggregate(AGGREGATE, { start: 0, step: step as unknown as (n: number, next: unknown) => number });
  // A sentence's turn number is its turn's (turn_on_turns: NULL on a sentence row, read from the turn by offset below).
  const segments = db
    .prepare<[{ first: number; last: number }], number>(`SELECT ${AGGREGATE}(id, parent_id, turn_on_turns, sentence, start, end, role) FROM (${rangeSegmentsSql(['id', 'parent_id', 'turn_on_turns', 'sentence', 'start', 'end', 'role'])})`)
    .pluck();
  const text = db.prepare<[number], string>('SELECT text FROM sources WHERE id = ?').pluck();
  reader = {
    rows,
    read: (first, last) => {
      rows.count = 0;
      segments.get({ first, last });
    },
    text: (id) => text.get(id),
  };
  readers.set(db, reader);
  return reader;
}

/** The units of one source that the selection asks for, in id order (none when the source has gone). */
export function readSourceUnits(db: Db, source: SourceRange, selection: UnitSelection): SourceUnitRanges {
  const reader = readerOf(db);
  const text = reader.text(source.id) ?? '';
  reader.read(source.first, source.last);
  const { values, count } = reader.rows;
  // A turn's role by its offset in the range, for its sentences.
  const span = Math.max(0, source.last - source.first + 1);
  const turnRoles = new Uint8Array(span);
  const turnNumbers = new Int32Array(span);
  let ordered = true;
  for (let r = 0, previous = -Infinity; r < count; r++) {
    const id = values[r * 7]!;
    if (id < previous) ordered = false;
    previous = id;
    if (values[r * 7 + 3] === 0) {
      turnRoles[id - source.first] = values[r * 7 + 6]!;
      turnNumbers[id - source.first] = values[r * 7 + 2]!;
    }
  }
  const order = ordered ? null : Array.from({ length: count }, (_, r) => r).sort((a, b) => values[a * 7]! - values[b * 7]!);
  const wantSentences = selection.unit === 'sentence';
  const units: SourceUnitRanges = {
    source: source.name,
    text,
    count: 0,
    segmentIds: new Int32Array(count),
    turns: new Int32Array(count),
    sentences: new Int32Array(count),
    starts: new Int32Array(count),
    ends: new Int32Array(count),
    from16: new Int32Array(count),
    to16: new Int32Array(count),
  };
  const slicer = new CodePointSlicer(text);
  for (let k = 0; k < count; k++) {
    const at = (order === null ? k : order[k]!) * 7;
    const sentence = values[at + 3]!;
    if (wantSentences !== sentence > 0) continue;
    let role = values[at + 6]!;
    if (role === ROLE_OF_PARENT) {
      const parent = values[at + 1]!;
      // A sentence's turn lies in its source's id range (ids are given per source, turn before its sentences).
      role = turnRoles[parent - source.first]!;
    }
    if (role === ROLE_INTERVIEWER && !selection.includeInterviewer) continue;
    if (role === ROLE_NONE && selection.spokenOnly) continue;
    const n = units.count++;
    const start = values[at + 4]!;
    const end = values[at + 5]!;
    units.segmentIds[n] = values[at]!;
    units.turns[n] = sentence === 0 ? values[at + 2]! : turnNumbers[values[at + 1]! - source.first]!;
    units.sentences[n] = sentence;
    units.starts[n] = start;
    units.ends[n] = end;
    units.from16[n] = slicer.toUtf16(start);
    units.to16[n] = slicer.toUtf16(end);
  }
  return units;
}

function roleCode(role: string | null): number {
  return role === null ? ROLE_NONE : role === 'interviewer' ? ROLE_INTERVIEWER : ROLE_PARTICIPANT;
}
