/** Co-occurrence and framework matrices for people (terminal layouts) and spreadsheets (pure). */
import type { ChalkInstance } from 'chalk';
import type { AttributeMatrix } from '../core/analysis/attribute-matrix.js';
import type { CooccurrenceMatrix } from '../core/analysis/cooccurrence.js';
import type { MatrixLayout } from './matrix-layout.js';
import { wrapText, type TableModel } from './text-layout.js';

/** Who the members of an attribute matrix are: participants (`--by site`) or sources (`--by source.site`). */
export type MatrixBase = 'participants' | 'sources';

/** A Jaccard index as shown: two decimals. */
function jaccardText(value: number): string {
  return value.toFixed(2);
}

/** Co-occurrence for a terminal: codes numbered down the side, the same numbers across the top. */
export function cooccurrenceLayout(m: CooccurrenceMatrix, jaccard: boolean): MatrixLayout {
  return {
    rowTitle: 'code',
    rows: m.codes.map((c, i) => ({ label: c.code, depth: 0, number: i + 1 })),
    groups: m.codes.map((_, i) => ({ label: String(i + 1), sub: [''] })),
    cells: m.counts.map((row, i) => row.map((count, j) => [jaccard ? (i === j ? '–' : jaccardText(m.jaccard[i]![j]!)) : String(count)])),
  };
}

/** Co-occurrence as one table (for pipes): a column per code, named in full. */
export function cooccurrenceTable(m: CooccurrenceMatrix, jaccard: boolean): TableModel {
  return {
    columns: [{ title: 'code' }, ...m.codes.map((c) => ({ title: c.code, align: 'right' as const }))],
    rows: m.codes.map((c, i) => [c.code, ...m.codes.map((_, j) => (jaccard ? m.jaccard[i]![j]! : m.counts[i]![j]!))]),
  };
}

/** Co-occurrence as CSV: code, label, then a column per code. */
export function cooccurrenceCsv(m: CooccurrenceMatrix, jaccard: boolean): { header: string[]; rows: unknown[][] } {
  return {
    header: ['code', 'label', ...m.codes.map((c) => c.code)],
    rows: m.codes.map((c, i) => [c.code, c.label, ...(jaccard ? m.jaccard[i]! : m.counts[i]!)]),
  };
}

/** Lines under a table, wrapped to the width, dim. */
function legend(lines: readonly string[], width: number, paint: ChalkInstance): string {
  return `${lines.flatMap((line) => wrapText(line, Math.max(20, width))).map((line) => paint.dim(line)).join('\n')}\n`;
}

/** What the co-occurrence numbers are, under the table. */
export function cooccurrenceLegend(unit: string, jaccard: boolean, width: number, paint: ChalkInstance): string {
  return legend([jaccard ? `Jaccard index: ${unit}s coded with both codes over ${unit}s coded with either` : `${unit}s coded with both codes; on the diagonal, ${unit}s coded with the code`], width, paint);
}

const MEMBER_TITLE = { participants: 'ppl', sources: 'src' } as const;

/** The framework matrix for a terminal: per value, units, members and their share of the value's members. */
export function attributeLayout(m: AttributeMatrix, base: MatrixBase): MatrixLayout {
  return {
    rowTitle: 'code',
    rows: m.codes.map((c) => ({ label: c.code, depth: c.depth })),
    groups: m.values.map((v) => ({ label: v.value, suffix: ` (${v.members})`, sub: ['units', MEMBER_TITLE[base], '%'] })),
    cells: m.codes.map((c) => c.cells.map((cell) => [String(cell.units), String(cell.members), cell.percent === null ? '–' : `${cell.percent}%`])),
  };
}

/** The framework matrix as one table (for pipes): three columns per value. */
export function attributeTable(m: AttributeMatrix, base: MatrixBase): TableModel {
  return {
    columns: [{ title: 'code' }, ...m.values.flatMap((v) => ['units', MEMBER_TITLE[base], '%'].map((t) => ({ title: `${v.value} ${t}`, align: 'right' as const })))],
    rows: m.codes.map((c) => [c.code, ...c.cells.flatMap((cell) => [cell.units, cell.members, cell.percent])]),
  };
}

/** The framework matrix as CSV, one row per code and value (`total`: the value's members, the percentage's base). */
export function attributeCsv(m: AttributeMatrix, by: string, base: MatrixBase): { header: string[]; rows: unknown[][] } {
  return {
    header: ['code', 'label', 'category', by, 'units', base, 'total', 'percent'],
    rows: m.codes.flatMap((c) => c.cells.map((cell, i) => [c.code, c.label, c.category, cell.value, cell.units, cell.members, m.values[i]!.members, cell.percent])),
  };
}

/** What the framework matrix's numbers are, under the table. */
export function attributeLegend(unit: string, base: MatrixBase, leftOut: number, width: number, paint: ChalkInstance): string {
  const who = base === 'participants' ? 'participants who said them' : 'sources they are in';
  const lines = [`units: ${unit}s coded · ${MEMBER_TITLE[base]}: ${who} · %: of the value's ${base} (the number after the value)`];
  if (leftOut > 0) lines.push(leftOutNote(unit, leftOut));
  return legend(lines, width, paint);
}

/** How many coded units had no participant to group by. */
export function leftOutNote(unit: string, leftOut: number): string {
  return `${leftOut} coded ${unit}${leftOut === 1 ? '' : 's'} with no participant (notes, documents, unnamed speakers) left out; --by source.KEY counts them by source`;
}

/** A quote in a framework chart's cell. */
export interface ChartQuote {
  source: string;
  segment: string;
  participant: string | null;
  text: string;
}

/** The framework chart (`--cell quotes`): per code and value, the counts and the shortest quotes. */
export interface FrameworkChart {
  values: AttributeMatrix['values'];
  codes: (AttributeMatrix['codes'][number] & { quotes: ChartQuote[][] })[];
}

/** Who said a quote and where: "Sumiati, 09-sumiati 20.3". */
function attribution(q: ChartQuote): string {
  return `${q.participant ? `${q.participant}, ` : ''}${q.source} ${q.segment}`;
}

/** The chart for a terminal: each code, then each value with its counts and quotes, wrapped to `width`. */
export function frameworkChartText(chart: FrameworkChart, base: MatrixBase, width: number, paint: ChalkInstance): string {
  const out: string[] = [];
  for (const code of chart.codes) {
    out.push(`${paint.bold(code.code)}${code.label ? ` ${code.label}` : ''}`);
    code.cells.forEach((cell, i) => {
      const total = chart.values[i]!.members;
      const share = `${cell.members} of ${total} ${base}${cell.percent === null ? '' : `, ${cell.percent}%`}; ${cell.units} units`;
      out.push(`  ${paint.bold(cell.value)} ${paint.dim(`(${share})`)}`);
      if (code.quotes[i]!.length === 0) out.push(paint.dim('    none'));
      for (const q of code.quotes[i]!) {
        for (const line of wrapText(`“${q.text}” — ${attribution(q)}`, Math.max(20, width - 4))) out.push(`    ${line}`);
      }
    });
    out.push('');
  }
  return `${out.join('\n')}`;
}

/** The chart as CSV: a row per code, a column per value; a cell holds its quotes, a blank line apart. */
export function frameworkChartCsv(chart: FrameworkChart): { header: string[]; rows: unknown[][] } {
  return {
    header: ['code', 'label', ...chart.values.map((v) => v.value)],
    rows: chart.codes.map((c) => [c.code, c.label, ...c.quotes.map((quotes) => quotes.map((q) => `“${q.text}” — ${attribution(q)}`).join('\n\n'))]),
  };
}
