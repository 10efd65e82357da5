import type { Ctx } from './context.js';
import { renderCsv } from '../report/csv.js';
import { visibleText } from '../core/text/visible-text.js';
import { displayWidth, truncate, type TableColumn } from '../report/text-layout.js';

export { displayWidth, truncate };

/** The output mode a listing command was asked for. */
export type OutputMode = 'json' | 'csv' | 'table';

/** Picks the output mode from --json / --csv. */
export function outputMode(opts: { json?: boolean; csv?: boolean }): OutputMode {
  if (opts.json) return 'json';
  if (opts.csv) return 'csv';
  return 'table';
}

/** Writes one JSON document to stdout. */
export function writeJson(ctx: Ctx, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Writes text for people to stdout: control characters that came from files (a name, a quote) are shown as
 * escapes; line breaks, tabs and the colour we painted are kept. JSON and CSV output does not come here.
 */
export function writeText(ctx: Ctx, text: string): void {
  ctx.stdout.write(visibleText(text, { layout: true, colour: ctx.color }));
}

/** Writes CSV to stdout. */
export function writeCsv(ctx: Ctx, header: readonly string[], rows: readonly (readonly unknown[])[]): void {
  ctx.stdout.write(renderCsv(header, rows));
}

/** A column of a terminal table. */
export type Column = TableColumn;

/**
 * A table for people: aligned columns with a bold header on a terminal; tab-separated values without
 * decoration when piped, so `cut` and `awk` work.
 */
export function writeTable(ctx: Ctx, columns: readonly Column[], rows: readonly (readonly (string | number | null)[])[], style?: { header?: (s: string) => string }): void {
  // A cell's control characters are escaped: a file name with an ANSI escape or a newline must not steer the
  // terminal or break the table. The colour our renderers paint survives where colour is on.
  if (!ctx.stdoutIsTTY) {
    ctx.stdout.write(`${[tsvHeader(columns), ...rows.map((row) => tsvRow(ctx, row))].join('')}`);
    return;
  }
  const cells = rows.map((row) => row.map((c) => tableCell(ctx, c)));
  // reduce, not Math.max(...): spreading a long listing's cells as arguments overflows the stack.
  const full = columns.map((c, i) => cells.reduce((width, r) => Math.max(width, displayWidth(r[i] ?? '')), displayWidth(c.title)));
  const table = tableLayout(ctx, columns, full);
  ctx.stdout.write(`${style?.header ? style.header(table.header) : table.header}\n`);
  for (const row of cells) ctx.stdout.write(`${table.line(row)}\n`);
  if (table.hidden) ctx.stdout.write(`${table.hidden}\n`);
}

/** A terminal table laid out for its columns' widest cells: its header, a line per row, the note on hidden columns. */
export interface TableLayout {
  header: string;
  line(cells: readonly string[]): string;
  /** "(not shown, see --csv: …)" when optional columns were left out, else ''. */
  hidden: string;
}

/**
 * writeTable's layout on a terminal from each column's widest cell (`full`, titles included): a listing
 * too long to hold measures its cells in one pass and writes them in another.
 */
export function tableLayout(ctx: Ctx, columns: readonly Column[], full: readonly number[]): TableLayout {
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
  const hidden = columns.filter((_, i) => !shown.includes(i)).map((c) => c.title);
  return { header: line(columns.map((c) => c.title)), line, hidden: hidden.length ? truncate(`(not shown, see --csv: ${hidden.join(', ')})`, ctx.columns) : '' };
}

/** A cell as writeTable shows it: control characters from files escaped, our colour kept where it is on. */
export function tableCell(ctx: Ctx, c: string | number | null | undefined): string {
  return c === null || c === undefined ? '' : visibleText(String(c), { colour: ctx.color });
}

/** The header line of writeTable's tab-separated form (stdout not a terminal). */
export function tsvHeader(columns: readonly Column[]): string {
  return `${columns.map((c) => c.title).join('\t')}\n`;
}

/** One row of writeTable's tab-separated form, for listings that write their rows as they come. */
export function tsvRow(ctx: Ctx, row: readonly (string | number | null)[]): string {
  return `${row.map((c) => tableCell(ctx, c)).join('\t')}\n`;
}
