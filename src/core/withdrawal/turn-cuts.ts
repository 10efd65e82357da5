/**
 * Taking turns out of a source's canonical text. A source's text is its turns laid out in order (see
 * buildSource: `label: text`, paragraphs apart); taking turns out must leave exactly the text the same
 * file would give without them, and move every other offset by what was cut before it.
 */

/** A turn's span in the text, in code points, and whether it goes. */
export interface TurnSpan {
  start: number;
  end: number;
  drop: boolean;
}

/** A range [start, end) of the text, in code points, that is cut out. */
export interface Cut {
  start: number;
  end: number;
}

/**
 * The ranges to cut so that the dropped turns go with their labels and the separator before them. A run
 * of dropped turns goes from the end of the turn before it to its own end; a run at the start of the text
 * goes from 0 to the whitespace before the next kept turn's label, so the text still begins with a label.
 * `turns` are in text order; `codePoints` is the text as code points (for the whitespace after a run).
 */
export function planTurnCuts(turns: readonly TurnSpan[], codePoints: readonly string[]): Cut[] {
  const cuts: Cut[] = [];
  let i = 0;
  while (i < turns.length) {
    if (!turns[i]!.drop) {
      i += 1;
      continue;
    }
    let j = i;
    while (j + 1 < turns.length && turns[j + 1]!.drop) j += 1;
    if (i > 0) cuts.push({ start: turns[i - 1]!.end, end: turns[j]!.end });
    else {
      let end = turns[j]!.end;
      const limit = j + 1 < turns.length ? turns[j + 1]!.start : codePoints.length;
      while (end < limit && /\s/u.test(codePoints[end]!)) end += 1;
      // Nothing kept: the whole text goes.
      cuts.push({ start: 0, end: j + 1 < turns.length ? end : codePoints.length });
    }
    i = j + 1;
  }
  return cuts;
}

/** The text without the cut ranges. */
export function applyCuts(codePoints: readonly string[], cuts: readonly Cut[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const cut of cuts) {
    parts.push(codePoints.slice(at, cut.start).join(''));
    at = cut.end;
  }
  parts.push(codePoints.slice(at).join(''));
  return parts.join('');
}

/**
 * Maps offsets of the old text to the new one. Kept offsets never fall inside a cut (cuts hold whole
 * turns and the gaps between them), so an offset moves back by the length of every cut that ends at or
 * before it.
 */
export class OffsetShift {
  private readonly ends: number[];
  private readonly before: number[];
  constructor(cuts: readonly Cut[]) {
    this.ends = cuts.map((c) => c.end);
    this.before = [];
    let total = 0;
    for (const c of cuts) {
      total += c.end - c.start;
      this.before.push(total);
    }
  }

  /** The new offset of an old one. */
  map(offset: number): number {
    // The last cut ending at or before the offset (binary search: cuts are in order).
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? offset : offset - this.before[lo - 1]!;
  }

  /** How many code points the cuts take out. */
  get removed(): number {
    return this.before.at(-1) ?? 0;
  }
}
