/**
 * Carrying human work across a corrected transcript: which segment of the new text is each segment of
 * the old one, and where a coding's evidence lands there. A segment goes only to a segment of the same
 * kind (turn or sentence) with identical text; when that text repeats, to the occurrence at the same
 * place, judged from the nearest unrepeated segment before it.
 */
import type { Turn } from '../model.js';
import { CodePointSlicer } from '../text/code-point-slicer.js';

/** A turn (sentence 0) or a sentence, with its span in code points of the source text. */
export interface SegmentSpan {
  turn: number;
  sentence: number;
  start: number;
  end: number;
}

/** A source's text and its segments in stored order (each turn, then its sentences). */
export interface LaidOutSource {
  text: string;
  segments: readonly SegmentSpan[];
}

/** Something attached to a segment of the old text: a coding with its evidence, or a decision. */
export interface Anchor {
  /** Index into the old source's segments. */
  segment: number;
  /** The evidence, in code points of the old text. */
  evidence?: { start: number; end: number };
}

/** Where an anchor goes in the new text, or why it cannot go. */
export type Placement =
  | { kept: true; segment: number; evidence?: { start: number; end: number } }
  | { kept: false; reason: 'segment-changed' | 'evidence-changed' };

/** The segments of turns in stored order: each turn, then its sentences. */
export function layoutSegments(turns: readonly Turn[]): SegmentSpan[] {
  const segments: SegmentSpan[] = [];
  for (const turn of turns) {
    segments.push({ turn: turn.index, sentence: 0, start: turn.start, end: turn.end });
    for (const s of turn.sentences) segments.push({ turn: turn.index, sentence: s.index, start: s.start, end: s.end });
  }
  return segments;
}

/** For each old segment, the index of the new segment it became, or undefined when its text is gone. */
export function matchSegments(old: LaidOutSource, next: LaidOutSource): (number | undefined)[] {
  const matched = new Array<number | undefined>(old.segments.length).fill(undefined);
  const oldTexts = textsOf(old);
  const newTexts = textsOf(next);
  for (const isTurn of [true, false]) {
    const oldIds = indicesOfKind(old.segments, isTurn);
    const newIds = indicesOfKind(next.segments, isTurn);
    const pairs = matchSequences(
      oldIds.map((i) => oldTexts[i]!),
      newIds.map((i) => newTexts[i]!),
    );
    pairs.forEach((to, from) => {
      if (to !== undefined) matched[oldIds[from]!] = newIds[to];
    });
  }
  return matched;
}

/**
 * Places each anchor in the new text: on the segment its old segment became, with its evidence moved
 * by as much as the segment moved. Evidence that no longer reads the same words is not placed.
 */
export function reanchor(old: LaidOutSource, next: LaidOutSource, anchors: readonly Anchor[]): Placement[] {
  const matched = matchSegments(old, next);
  const oldText = new CodePointSlicer(old.text);
  const newText = new CodePointSlicer(next.text);
  return anchors.map((anchor): Placement => {
    const to = matched[anchor.segment];
    if (to === undefined) return { kept: false, reason: 'segment-changed' };
    if (!anchor.evidence) return { kept: true, segment: to };
    const shift = next.segments[to]!.start - old.segments[anchor.segment]!.start;
    const evidence = { start: anchor.evidence.start + shift, end: anchor.evidence.end + shift };
    if (evidence.start < 0 || oldText.slice(anchor.evidence.start, anchor.evidence.end) !== newText.slice(evidence.start, evidence.end)) {
      return { kept: false, reason: 'evidence-changed' };
    }
    return { kept: true, segment: to, evidence };
  });
}

function textsOf(source: LaidOutSource): string[] {
  const slicer = new CodePointSlicer(source.text);
  return source.segments.map((s) => slicer.slice(s.start, s.end));
}

function indicesOfKind(segments: readonly SegmentSpan[], turns: boolean): number[] {
  const ids: number[] = [];
  segments.forEach((s, i) => {
    if ((s.sentence === 0) === turns) ids.push(i);
  });
  return ids;
}

/**
 * Matches two sequences of texts one to one, equal texts only. Texts that occur once on each side are
 * matched outright; the longest run of those that keeps its order serves as landmarks (with the two
 * ends), and a repeated text goes to the free occurrence nearest to where its last landmark puts it.
 */
function matchSequences(old: readonly string[], next: readonly string[]): (number | undefined)[] {
  const matched = new Array<number | undefined>(old.length).fill(undefined);
  const oldAt = positionsByText(old);
  const newAt = positionsByText(next);
  const unique: [number, number][] = [];
  for (const [text, froms] of oldAt) {
    const tos = newAt.get(text);
    if (froms.length === 1 && tos?.length === 1) unique.push([froms[0]!, tos[0]!]);
  }
  unique.sort((a, b) => a[0] - b[0]);
  for (const [from, to] of unique) matched[from] = to;
  const landmarks: [number, number][] = [[-1, -1], ...increasingRun(unique)];

  // Every candidate pair of a repeated text, closest to its predicted place first.
  const candidates: { from: number; to: number; distance: number }[] = [];
  for (const [text, froms] of oldAt) {
    const tos = newAt.get(text);
    if (!tos || (froms.length === 1 && tos.length === 1)) continue;
    for (const from of froms) {
      const [landmarkFrom, landmarkTo] = landmarks[lastAtOrBefore(landmarks, from)]!;
      const predicted = from + (landmarkTo - landmarkFrom);
      for (const to of tos) candidates.push({ from, to, distance: Math.abs(to - predicted) });
    }
  }
  candidates.sort((a, b) => a.distance - b.distance || a.from - b.from || a.to - b.to);
  const taken = new Set<number>();
  for (const c of candidates) {
    if (matched[c.from] !== undefined || taken.has(c.to)) continue;
    matched[c.from] = c.to;
    taken.add(c.to);
  }
  return matched;
}

function positionsByText(texts: readonly string[]): Map<string, number[]> {
  const at = new Map<string, number[]>();
  texts.forEach((text, i) => {
    const list = at.get(text);
    if (list) list.push(i);
    else at.set(text, [i]);
  });
  return at;
}

/** The longest subsequence of pairs (sorted by their first) whose second also increases. */
function increasingRun(pairs: readonly [number, number][]): [number, number][] {
  // Patience sorting: tails[k] is the index of the smallest last element of a run of length k + 1.
  const tails: number[] = [];
  const previous = new Array<number>(pairs.length).fill(-1);
  pairs.forEach(([, to], i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < to) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const run: [number, number][] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) run.push(pairs[i]!);
  return run.reverse();
}

/** Index of the last landmark whose old position is at or before `from` (landmarks[0] is the start). */
function lastAtOrBefore(landmarks: readonly [number, number][], from: number): number {
  let lo = 0;
  let hi = landmarks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (landmarks[mid]![0] <= from) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
