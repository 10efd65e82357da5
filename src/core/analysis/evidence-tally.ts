/**
 * Per-code evidence counts over a whole project, with the counting rule of evidence-units.ts (a segment
 * once per code, a coded turn absorbs its own coded sentences, a category counts each segment once), on
 * columns of numbers rather than objects: a large project has a million codings, and a row object each
 * would cost hundreds of megabytes and seconds.
 */
import { childrenOf, descendantsIn } from '../codebook/code-tree.js';
import type { CountedCode } from './evidence-units.js';

/**
 * Coded segments as columns: row i is segment[i] coded with codes[code[i]]; turn[i] is that segment's turn
 * (the segment itself for a turn); participant[i] is -1 for none. Rows may repeat (several coders).
 */
export interface EvidenceColumns {
  codes: readonly string[];
  length: number;
  segment: ArrayLike<number>;
  turn: ArrayLike<number>;
  source: ArrayLike<number>;
  participant: ArrayLike<number>;
  code: ArrayLike<number>;
}

/** How much evidence: coded segments (folded), and the distinct sources and participants they come from. */
export interface EvidenceTally {
  segments: number;
  sources: number;
  participants: number;
}

/** A code's evidence alone (`own`) and with every code below it (`total`). */
export interface CodeTally {
  own: EvidenceTally;
  total: EvidenceTally;
}

/**
 * Tallies every code of `codes` and every other code found in the rows (those have no children); with
 * `keep`, only the rows i where keep[i] is 1 (the codings that count, one coder's, …).
 */
export function tallyEvidence(codes: readonly CountedCode[], columns: EvidenceColumns, keep?: ArrayLike<number>): Map<string, CodeTally> {
  const rowsByCode = bucketByCode(columns, keep);
  const indexOf = new Map(columns.codes.map((id, i) => [id, i]));
  const children = childrenOf(codes);
  const marks = new Marks(columns);
  const tallies = new Map<string, CodeTally>();
  const ids = [...codes.map((c) => c.id), ...columns.codes.filter((id) => !codes.some((c) => c.id === id))];
  for (const id of ids) {
    const own = indexOf.has(id) ? [rowsByCode[indexOf.get(id)!]!] : [];
    const below = descendantsIn(children, id)
      .map((d) => indexOf.get(d))
      .filter((i): i is number => i !== undefined)
      .map((i) => rowsByCode[i]!);
    const ownTally = tallyRows(columns, own, marks);
    // A code with nothing below it: its total is its own evidence, already counted.
    tallies.set(id, { own: ownTally, total: children.has(id) ? tallyRows(columns, below, marks) : ownTally });
  }
  return tallies;
}

/**
 * "Seen" marks over the segment, source and participant ids of the rows, reused from one tally to the
 * next by stamping each round with a new number, so that no Set of a million numbers is built and dropped
 * per code.
 */
class Marks {
  private readonly base: number;
  private readonly segments: Uint32Array;
  private readonly turns: Uint32Array;
  private readonly sources: Uint32Array;
  private readonly participants: Uint32Array;
  private stamp = 0;
  /** Sources and participants marked this round. */
  sourceCount = 0;
  participantCount = 0;

  constructor(columns: EvidenceColumns) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let maxSource = 0;
    let maxParticipant = 0;
    for (let i = 0; i < columns.length; i++) {
      min = Math.min(min, columns.segment[i]!, columns.turn[i]!);
      max = Math.max(max, columns.segment[i]!, columns.turn[i]!);
      maxSource = Math.max(maxSource, columns.source[i]!);
      maxParticipant = Math.max(maxParticipant, columns.participant[i]!);
    }
    this.base = columns.length ? min : 0;
    const size = columns.length ? max - min + 1 : 0;
    this.segments = new Uint32Array(size);
    this.turns = new Uint32Array(size);
    this.sources = new Uint32Array(maxSource + 1);
    this.participants = new Uint32Array(maxParticipant + 1);
  }

  /** Starts a new round: nothing is marked. */
  next(): void {
    this.stamp += 1;
    this.sourceCount = 0;
    this.participantCount = 0;
  }

  markSource(id: number): void {
    if (this.sources[id] === this.stamp) return;
    this.sources[id] = this.stamp;
    this.sourceCount += 1;
  }

  /** Marks a participant (-1, none, is left out). */
  markParticipant(id: number): void {
    if (id < 0 || this.participants[id] === this.stamp) return;
    this.participants[id] = this.stamp;
    this.participantCount += 1;
  }

  /** Marks a segment; false when it was already marked this round. */
  markSegment(id: number): boolean {
    const at = id - this.base;
    if (this.segments[at] === this.stamp) return false;
    this.segments[at] = this.stamp;
    return true;
  }

  markTurn(id: number): void {
    this.turns[id - this.base] = this.stamp;
  }

  isTurnMarked(id: number): boolean {
    return this.turns[id - this.base] === this.stamp;
  }
}

/** Row indices per code index (only rows `keep` keeps, when given). */
function bucketByCode(columns: EvidenceColumns, keep: ArrayLike<number> | undefined): Uint32Array[] {
  const counts = new Uint32Array(columns.codes.length);
  for (let i = 0; i < columns.length; i++) if (!keep || keep[i] === 1) counts[columns.code[i]!]! += 1;
  const buckets = Array.from(counts, (n) => new Uint32Array(n));
  const filled = new Uint32Array(columns.codes.length);
  for (let i = 0; i < columns.length; i++) {
    if (keep && keep[i] !== 1) continue;
    const c = columns.code[i]!;
    buckets[c]![filled[c]!++] = i;
  }
  return buckets;
}

/** The tally of the rows in `lists` taken together: each segment once, sentences of a coded turn folded in. */
function tallyRows(columns: EvidenceColumns, lists: readonly Uint32Array[], marks: Marks): EvidenceTally {
  marks.next();
  for (const list of lists) for (const i of list) if (columns.segment[i] === columns.turn[i]) marks.markTurn(columns.segment[i]!);
  let segments = 0;
  for (const list of lists) {
    for (const i of list) {
      const segment = columns.segment[i]!;
      if (!marks.markSegment(segment)) continue;
      // A sentence folded into its turn has the turn's source and participant: marking them again is harmless.
      marks.markSource(columns.source[i]!);
      marks.markParticipant(columns.participant[i]!);
      const turn = columns.turn[i]!;
      if (segment === turn || !marks.isTurnMarked(turn)) segments += 1;
    }
  }
  return { segments, sources: marks.sourceCount, participants: marks.participantCount };
}
