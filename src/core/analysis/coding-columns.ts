import type { EvidenceColumns } from './evidence-tally.js';

/**
 * Codings as columns, one entry per stored coding: how `telaah stats` and `codebook show` receive a
 * million codings without a million objects. Numbers are the store's row ids; names are indexes into the
 * lists beside them. As EvidenceColumns, tallyEvidence counts them (the rows with `counts` set).
 */
export interface CodingColumns extends EvidenceColumns {
  /** The coded segment's id. */
  segment: Int32Array;
  /** That segment's turn: a sentence's turn, or the segment itself (a turn, a unit of a note or document). */
  turn: Int32Array;
  source: Int32Array;
  /** The participant who speaks the segment; -1 for none (an interviewer, a note, a document). */
  participant: Int32Array;
  /** Index into `codes`, `coders`, `origins`. */
  code: Int32Array;
  coder: Int32Array;
  origin: Int32Array;
  /** 1 when the coding counts as evidence under the scope asked for (see the store's evidence rules). */
  counts: Uint8Array;
  /** 1 for an auto or suggested coding a reviewer rejected. */
  rejected: Uint8Array;
  codes: string[];
  coders: string[];
  origins: string[];
  /** Where each coded segment sits, when read with its place (see CodingPlaces). */
  places?: CodingPlaces;
}

/** Each coding's segment: its `T` / `T.S` numbers and its code-point span in the source's text. */
export interface CodingPlaces {
  /** T; `sentence` is S, 0 for a turn (or a note's or document's unit). */
  turn: Int32Array;
  sentence: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

/** Origins in the order tables show them: proposals that stand first, suggestions (counted once accepted) last. */
const ORIGIN_ORDER = ['auto', 'manual', 'accepted', 'imported', 'suggested'];

/** Sorts origin names in ORIGIN_ORDER, any other after them by name. */
export function compareOrigins(a: string, b: string): number {
  const rank = (origin: string): number => (ORIGIN_ORDER.includes(origin) ? ORIGIN_ORDER.indexOf(origin) : ORIGIN_ORDER.length);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Fills CodingColumns one coding at a time, growing its arrays as needed. */
export class CodingColumnsBuilder {
  private readonly names = { code: new Map<string, number>(), coder: new Map<string, number>(), origin: new Map<string, number>() };
  private readonly columns: CodingColumns;

  /** With `places`, each coding is added with addPlace too. */
  constructor(capacity = 1024, places = false) {
    this.columns = {
      length: 0,
      segment: new Int32Array(capacity),
      turn: new Int32Array(capacity),
      source: new Int32Array(capacity),
      participant: new Int32Array(capacity),
      code: new Int32Array(capacity),
      coder: new Int32Array(capacity),
      origin: new Int32Array(capacity),
      counts: new Uint8Array(capacity),
      rejected: new Uint8Array(capacity),
      codes: [],
      coders: [],
      origins: [],
      ...(places ? { places: { turn: new Int32Array(capacity), sentence: new Int32Array(capacity), start: new Int32Array(capacity), end: new Int32Array(capacity) } } : {}),
    };
  }

  /**
   * Adds one coding: its segment, the segment's turn (null for a turn), source, participant (null for
   * none), code, coder, origin, and whether it is a rejected proposal. Positional, as the store calls it
   * a million times.
   */
  add(segment: number, turn: number | null, source: number, participant: number | null, code: string, coder: string, origin: string, rejected: boolean): void {
    const c = this.columns;
    if (c.length === c.segment.length) this.grow();
    const i = c.length++;
    c.segment[i] = segment;
    c.turn[i] = turn ?? segment;
    c.source[i] = source;
    c.participant[i] = participant ?? -1;
    c.code[i] = this.indexOf('code', c.codes, code);
    c.coder[i] = this.indexOf('coder', c.coders, coder);
    c.origin[i] = this.indexOf('origin', c.origins, origin);
    c.rejected[i] = rejected ? 1 : 0;
  }

  /** The place of the coding added last: its segment's turn and sentence numbers and its span. */
  addPlace(turn: number, sentence: number, start: number, end: number): void {
    const p = this.columns.places!;
    const i = this.columns.length - 1;
    p.turn[i] = turn;
    p.sentence[i] = sentence;
    p.start[i] = start;
    p.end[i] = end;
  }

  /**
   * Marks which codings count: those of a coder and origin `counts` accepts, unless rejected (a rejected
   * proposal never counts).
   */
  markCounted(counts: (coder: string, origin: string) => boolean): void {
    const c = this.columns;
    const verdicts = new Map<number, boolean>();
    for (let i = 0; i < c.length; i++) {
      const pair = c.coder[i]! * c.origins.length + c.origin[i]!;
      let verdict = verdicts.get(pair);
      if (verdict === undefined) verdicts.set(pair, (verdict = counts(c.coders[c.coder[i]!]!, c.origins[c.origin[i]!]!)));
      c.counts[i] = verdict && c.rejected[i] === 0 ? 1 : 0;
    }
  }

  /** The columns filled so far (arrays may be longer than `length`). */
  build(): CodingColumns {
    return this.columns;
  }

  private readonly last = { code: { name: '', index: -1 }, coder: { name: '', index: -1 }, origin: { name: '', index: -1 } };

  private indexOf(kind: 'code' | 'coder' | 'origin', list: string[], name: string): number {
    // Neighbouring codings mostly share coder and origin: comparing with the last name is cheaper than hashing it.
    const last = this.last[kind];
    if (last.index !== -1 && last.name === name) return last.index;
    const map = this.names[kind];
    let index = map.get(name);
    if (index === undefined) {
      index = list.length;
      list.push(name);
      map.set(name, index);
    }
    last.name = name;
    last.index = index;
    return index;
  }

  private grow(): void {
    const c = this.columns;
    const size = c.segment.length * 2;
    const int32 = (old: Int32Array): Int32Array => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    const uint8 = (old: Uint8Array): Uint8Array => {
      const next = new Uint8Array(size);
      next.set(old);
      return next;
    };
    c.segment = int32(c.segment);
    c.turn = int32(c.turn);
    c.source = int32(c.source);
    c.participant = int32(c.participant);
    c.code = int32(c.code);
    c.coder = int32(c.coder);
    c.origin = int32(c.origin);
    c.counts = uint8(c.counts);
    c.rejected = uint8(c.rejected);
    if (c.places) c.places = { turn: int32(c.places.turn), sentence: int32(c.places.sentence), start: int32(c.places.start), end: int32(c.places.end) };
  }
}
