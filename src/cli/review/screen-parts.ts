/** Pieces every review screen shares: the header bar, rules, the key legend, fitting lines to the width. */
import type { ChalkInstance } from 'chalk';
import { displayWidth, truncate } from '../output.js';
import type { Run } from './wrap-runs.js';

/** How screens are painted: chalk (colourless when colour is off) and whether colour is on. */
export interface ScreenStyle {
  c: ChalkInstance;
  color: boolean;
}

/** The terminal size a screen is drawn for. */
export interface ScreenSize {
  columns: number;
  rows: number;
}

/** Usable width: a line never reaches the last column, so no terminal wraps it on its own. */
export function usableWidth(size: ScreenSize): number {
  return Math.max(30, size.columns - 1);
}

/** The top bar: `left` cut to fit, `right` kept whole, shown in reverse video. */
export function renderHeader(left: string, right: string, width: number, style: ScreenStyle): string {
  const room = Math.max(0, width - displayWidth(right) - 3);
  const l = truncate(left, room);
  const gap = ' '.repeat(Math.max(1, width - displayWidth(l) - displayWidth(right) - 2));
  return style.c.inverse(` ${l}${gap}${right} `);
}

/** A horizontal rule. */
export function renderRule(width: number, style: ScreenStyle): string {
  return style.c.dim('─'.repeat(width));
}

/** Key legend entries, `[key, what]`, as `a accept  r reject …` with keys in bold; just the keys when that is too wide. */
export function renderLegend(keys: readonly (readonly [string, string])[], width: number, style: ScreenStyle): string {
  const full = keys.reduce((n, [key, what]) => n + displayWidth(key) + 1 + displayWidth(what) + 2, -1);
  if (full <= width) return ` ${keys.map(([key, what]) => `${style.c.bold(key)} ${what}`).join('  ')}`;
  const help = keys.find(([key]) => key === '?');
  const letters = keys.filter(([key]) => key !== '?').map(([key]) => style.c.bold(key));
  return ` keys: ${letters.join(' ')}${help ? `  (${style.c.bold('?')} help)` : ''}`;
}

/** A plain line cut to `width` columns. */
export function fit(text: string, width: number): string {
  return truncate(text, width);
}

/** Runs painted: dim context, plain unit text, matched words bold and yellow (marked «» without colour). */
export function paintRuns(runs: readonly Run[], style: ScreenStyle): string {
  const { c } = style;
  return runs.map((r) => (r.tone === 'dim' ? c.dim(r.text) : r.tone === 'match' ? c.bold.yellow(r.text) : r.text)).join('');
}

/** Pads or cuts `lines` to exactly `rows` lines. */
export function fillRows(lines: readonly string[], rows: number): string[] {
  return lines.length >= rows ? lines.slice(0, rows) : [...lines, ...new Array<string>(rows - lines.length).fill('')];
}
