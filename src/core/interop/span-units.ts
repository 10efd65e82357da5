/**
 * Which units a coded span of a source falls on. A REFI-QDA selection is any span of text; a telaah coding
 * is on a unit (a sentence or a turn) with its evidence inside it. A span inside one sentence codes that
 * sentence; inside one turn but across sentences, the turn; across turns, each turn it touches (with the
 * part inside it as the evidence). What lies outside every turn (a speaker label, a blank line) codes nothing.
 */
import type { Turn } from '../model.js';

/** A unit (turn T, sentence S or 0 for the turn) and the part of the span inside it. */
export interface SpanUnit {
  turn: number;
  sentence: number;
  start: number;
  end: number;
}

/** The units `[start, end)` codes, in order; none for an empty span or one outside every turn. */
export function unitsForSpan(turns: readonly Turn[], start: number, end: number): SpanUnit[] {
  const units: SpanUnit[] = [];
  if (end <= start) return units;
  let lo = 0;
  let hi = turns.length;
  // The first turn that ends after `start`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < turns.length && turns[i]!.start < end; i += 1) {
    const turn = turns[i]!;
    const from = Math.max(start, turn.start);
    const to = Math.min(end, turn.end);
    if (to <= from) continue;
    const sentence = turn.sentences.find((s) => s.start <= from && to <= s.end);
    units.push({ turn: turn.index, sentence: sentence?.index ?? 0, start: from, end: to });
  }
  return units;
}
