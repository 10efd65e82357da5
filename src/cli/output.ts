import type { Ctx } from './context.js';
import { renderCsv } from '../report/csv.js';

/** The output mode a listing command was asked for. */
export type OutputMode = 'json' | 'csv' | 'table';

/** Picks the output mode from --json / --csv. */
export function outputMode(opts: Record<string, unknown>): OutputMode {
  if (opts.json) return 'json';
  if (opts.csv) return 'csv';
  return 'table';
}

/** Writes one JSON document to stdout. */
export function writeJson(ctx: Ctx, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes CSV to stdout. */
export function writeCsv(ctx: Ctx, header: readonly string[], rows: readonly (readonly unknown[])[]): void {
  ctx.stdout.write(renderCsv(header, rows));
}

/** Column alignment for terminal tables. */
export interface Column {
  title: string;
  align?: 'left' | 'right';
  /** May be cut short (with …) so the table fits the terminal. */
  shrink?: boolean;
  /** May be left out (right-most first) when the table still does not fit. */
  optional?: boolean;
}

/**
 * A table for people: aligned columns with a bold header on a terminal; tab-separated values without
 * decoration when piped, so `cut` and `awk` work.
 */
export function writeTable(ctx: Ctx, columns: readonly Column[], rows: readonly (readonly (string | number | null)[])[], style?: { header?: (s: string) => string }): void {
  const cells = rows.map((row) => row.map((c) => (c === null || c === undefined ? '' : String(c))));
  if (!ctx.stdoutIsTTY) {
    const lines = [columns.map((c) => c.title), ...cells].map((r) => r.join('\t'));
    ctx.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  const full = columns.map((c, i) => Math.max(displayWidth(c.title), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const shrunk = full.map((w, i) => (columns[i]!.shrink ? Math.min(w, Math.max(8, displayWidth(columns[i]!.title))) : w));
  // Leave out optional columns, right-most first, until the table fits at its narrowest.
  const shown = columns.map((_, i) => i);
  const narrowest = (): number => shown.reduce((n, i) => n + shrunk[i]!, 0) + 2 * (shown.length - 1);
  for (let i = columns.length - 1; i >= 0 && narrowest() > ctx.columns; i -= 1) {
    if (columns[i]!.optional) shown.splice(shown.indexOf(i), 1);
  }
  const widths = [...full];
  let excess = shown.reduce((n, i) => n + widths[i]!, 0) + 2 * (shown.length - 1) - ctx.columns;
  // The right-most shrinkable column gives way first (long free text sits at the right).
  for (let k = shown.length - 1; k >= 0 && excess > 0; k -= 1) {
    const i = shown[k]!;
    const cut = Math.min(excess, widths[i]! - shrunk[i]!);
    if (cut > 0) {
      widths[i]! -= cut;
      excess -= cut;
    }
  }
  const pad = (raw: string, i: number): string => {
    const text = truncate(raw, widths[i]!);
    const gap = ' '.repeat(Math.max(0, widths[i]! - displayWidth(text)));
    return columns[i]!.align === 'right' ? gap + text : text + gap;
  };
  const line = (values: readonly string[]): string => shown.map((i) => pad(values[i] ?? '', i)).join('  ').trimEnd();
  const header = line(columns.map((c) => c.title));
  ctx.stdout.write(`${style?.header ? style.header(header) : header}\n`);
  for (const row of cells) ctx.stdout.write(`${line(row)}\n`);
  const hidden = columns.filter((_, i) => !shown.includes(i)).map((c) => c.title);
  if (hidden.length) ctx.stdout.write(`${truncate(`(not shown, see --csv: ${hidden.join(', ')})`, ctx.columns)}\n`);
}

/** Width of a string in terminal columns (code points; combining marks take none). */
export function displayWidth(text: string): number {
  let width = 0;
  // Colour escapes take no columns.
  for (const ch of text.includes('\u001b') ? text.replace(/\u001b\[[0-9;]*m/g, '') : text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x300 && code <= 0x36f) continue;
    width += code >= 0x1f300 && code <= 0x1faff ? 2 : 1;
  }
  return width;
}

/** `text` cut to `width` columns, ending in … when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}
