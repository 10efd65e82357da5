/** Word wrapping for text whose stretches are styled differently (context, the unit, matched words). */
import { displayWidth } from '../output.js';

/** How a stretch of text is shown. */
export type Tone = 'plain' | 'dim' | 'match';

/** A stretch of text in one tone. */
export interface Run {
  text: string;
  tone: Tone;
}

interface Cell {
  ch: string;
  tone: Tone;
}

/**
 * Breaks styled text into lines of at most `width` columns at spaces (a word longer than a line is cut),
 * keeping the text's own line breaks; runs of spaces collapse to one.
 */
export function wrapRuns(runs: readonly Run[], width: number): Run[][] {
  const limit = Math.max(1, width);
  const lines: Cell[][] = [];
  let line: Cell[] = [];
  let lineWidth = 0;
  let word: Cell[] = [];
  let gap: Cell | null = null;
  const endLine = (): void => {
    lines.push(line);
    line = [];
    lineWidth = 0;
  };
  const flushWord = (): void => {
    if (word.length === 0) return;
    const w = word.reduce((n, c) => n + displayWidth(c.ch), 0);
    if (line.length > 0 && lineWidth + 1 + w > limit) endLine();
    if (line.length > 0 && gap) {
      line.push(gap);
      lineWidth += 1;
    }
    for (const cell of word) {
      const cw = displayWidth(cell.ch);
      if (lineWidth + cw > limit && line.length > 0) endLine();
      line.push(cell);
      lineWidth += cw;
    }
    word = [];
    gap = null;
  };
  for (const run of runs) {
    for (const ch of run.text) {
      if (ch === '\n') {
        flushWord();
        endLine();
        gap = null;
      } else if (ch === ' ' || ch === '\t') {
        flushWord();
        gap ??= { ch: ' ', tone: run.tone };
      } else word.push({ ch, tone: run.tone });
    }
  }
  flushWord();
  if (line.length > 0 || lines.length === 0) endLine();
  return lines.map(toRuns);
}

/** The display width of a line of runs. */
export function runsWidth(runs: readonly Run[]): number {
  return runs.reduce((n, r) => n + displayWidth(r.text), 0);
}

function toRuns(cells: readonly Cell[]): Run[] {
  const runs: Run[] = [];
  for (const cell of cells) {
    const last = runs[runs.length - 1];
    if (last && last.tone === cell.tone) last.text += cell.ch;
    else runs.push({ text: cell.ch, tone: cell.tone });
  }
  return runs;
}
