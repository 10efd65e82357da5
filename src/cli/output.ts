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
  const widths = columns.map((c, i) => Math.max(displayWidth(c.title), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  let excess = widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1) - ctx.columns;
  // The right-most shrinkable column gives way first (long free text sits at the right).
  for (let i = columns.length - 1; i >= 0 && excess > 0; i -= 1) {
    if (!columns[i]!.shrink) continue;
    const cut = Math.min(excess, widths[i]! - Math.max(8, displayWidth(columns[i]!.title)));
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
  const header = columns.map((c, i) => pad(c.title, i)).join('  ').trimEnd();
  ctx.stdout.write(`${style?.header ? style.header(header) : header}\n`);
  for (const row of cells) ctx.stdout.write(`${row.map((c, i) => pad(c, i)).join('  ').trimEnd()}\n`);
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
