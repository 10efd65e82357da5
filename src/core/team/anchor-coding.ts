/**
 * Finding a colleague's coding in this project's copy of a source: on the segment its address names
 * when the words at its offsets are its words, else (the text was corrected, or pseudonymised otherwise)
 * by looking for its words in the source, as reanchor.ts carries codings across a corrected transcript:
 * only where the very same words are, and on a segment of the same kind (turn or sentence).
 */
import { formatSegment } from '../segment-address.js';
import { CodePointSlicer } from '../text/code-point-slicer.js';
import { CodePointCounter, countCodePoints } from '../text/code-points.js';

/** A segment of the project's source, with its id (opaque here). */
export interface AnchorSegment {
  id: number;
  turn: number;
  sentence: number;
  start: number;
  end: number;
}

/** Where a coding lands: the segment and its evidence, and whether it had to be looked for. */
export type Anchoring = { placed: true; segment: AnchorSegment; start: number; end: number; moved: boolean } | { placed: false };

/** The segments of one kind, in text order, with their starts for a binary search. */
interface SegmentsOfKind {
  segments: AnchorSegment[];
  starts: number[];
}

/** One source of the project, ready to place codings on. */
export class SourceAnchors {
  private readonly slicer: CodePointSlicer;
  private readonly byAddress = new Map<string, AnchorSegment>();
  private readonly turns: SegmentsOfKind;
  private readonly sentences: SegmentsOfKind;

  constructor(
    private readonly text: string,
    segments: readonly AnchorSegment[],
  ) {
    this.slicer = new CodePointSlicer(text);
    for (const s of segments) this.byAddress.set(formatSegment(s.turn, s.sentence), s);
    const ofKind = (turns: boolean): SegmentsOfKind => {
      const list = segments.filter((s) => (s.sentence === 0) === turns).sort((a, b) => a.start - b.start);
      return { segments: list, starts: list.map((s) => s.start) };
    };
    this.turns = ofKind(true);
    this.sentences = ofKind(false);
  }

  /** Places a coding given by its address, offsets and words (see the module comment). */
  place(coding: { segment: string; start: number; end: number; text: string }): Anchoring {
    const named = this.byAddress.get(coding.segment);
    if (named && named.start <= coding.start && coding.end <= named.end && this.slicer.slice(coding.start, coding.end) === coding.text) {
      return { placed: true, segment: named, start: coding.start, end: coding.end, moved: false };
    }
    return this.find(coding);
  }

  /**
   * The words looked for in the whole source: each occurrence inside a segment of the coding's kind is a
   * candidate. One in the segment of the coding's own address wins (the text moved, the turns did not),
   * then one that is a whole segment (a coded unit found whole), then the one nearest to where it was.
   */
  private find(coding: { segment: string; start: number; text: string }): Anchoring {
    if (coding.text === '') return { placed: false };
    const kind = coding.segment.includes('.') ? this.sentences : this.turns;
    const length = countCodePoints(coding.text);
    const counter = new CodePointCounter(this.text);
    const named = this.byAddress.get(coding.segment);
    let best: { segment: AnchorSegment; start: number; rank: [number, number, number] } | undefined;
    for (let at = this.text.indexOf(coding.text); at !== -1; at = this.text.indexOf(coding.text, at + 1)) {
      const start = counter.at(at);
      const segment = containing(kind, start, start + length);
      if (!segment) continue;
      const whole = segment.start === start && segment.end === start + length;
      const rank: [number, number, number] = [segment === named ? 0 : 1, whole ? 0 : 1, Math.abs(start - coding.start)];
      if (!best || before(rank, best.rank)) best = { segment, start, rank };
    }
    return best ? { placed: true, segment: best.segment, start: best.start, end: best.start + length, moved: true } : { placed: false };
  }
}

function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** The segment of the kind that holds [start, end), if any (segments of a kind do not overlap). */
function containing(kind: SegmentsOfKind, start: number, end: number): AnchorSegment | undefined {
  let lo = 0;
  let hi = kind.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (kind.starts[mid]! <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const segment = found === -1 ? undefined : kind.segments[found];
  return segment && end <= segment.end ? segment : undefined;
}
