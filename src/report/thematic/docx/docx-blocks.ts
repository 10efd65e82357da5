/** Building blocks of the Word report: headings, plain paragraphs and tables with a repeating header row. */
import { AlignmentType, BorderStyle, HeadingLevel, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { HEADING_FONT, STYLE, TEXT_WIDTH } from './docx-styles.js';

const LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

/** A heading at `level` (1-6; deeper levels stay at 6), in Word's own heading style; a chapter (level 1) starts a page. */
export function heading(text: string, level: number): Paragraph {
  return new Paragraph({ heading: LEVELS[Math.min(Math.max(level, 1), 6) - 1], pageBreakBefore: level === 1, children: [new TextRun(text)] });
}

/** A paragraph in `style` (Normal when none), from text or runs. */
export function para(content: string | ParagraphChild[], style?: string): Paragraph {
  return new Paragraph({ ...(style ? { style } : {}), children: typeof content === 'string' ? [new TextRun(content)] : content });
}

/** A grey label run followed by a value run: `Definisi: …`. */
export function labelled(label: string, value: string): ParagraphChild[] {
  return [new TextRun({ text: `${label}: `, color: '5F6368' }), new TextRun(value)];
}

/** A table cell's content: plain text, or runs / paragraphs already built. */
export type CellContent = string | Paragraph[];

export interface TableOptions {
  /** Each column's share of the text width (they are scaled to add up to it). */
  widths: readonly number[];
  /** Columns whose cells are right-aligned (numbers). */
  numeric?: readonly number[];
  /** A last row in bold (totals). */
  foot?: readonly string[];
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'BFC4CC' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

function cell(content: CellContent, width: number, opts: { header?: boolean; right?: boolean; bold?: boolean }): TableCell {
  const children =
    typeof content === 'string'
      ? content.split('\n').map((line) => new Paragraph({ style: STYLE.tableText, alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: line, bold: opts.header || opts.bold, font: HEADING_FONT })] }))
      : content;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 50, bottom: 50, left: 90, right: 90 },
    ...(opts.header ? { shading: { type: 'clear' as const, color: 'auto', fill: 'EEF1F5' } } : {}),
    children: children.length ? children : [new Paragraph({ style: STYLE.tableText, children: [] })],
  });
}

/** A table across the text width: a header row Word repeats on every page, fixed column widths. */
export function table(head: readonly string[], rows: readonly (readonly CellContent[])[], opts: TableOptions): Table {
  const total = opts.widths.reduce((a, b) => a + b, 0);
  const widths = opts.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const right = new Set(opts.numeric ?? []);
  const row = (cells: readonly CellContent[], o: { header?: boolean; bold?: boolean }) =>
    new TableRow({ tableHeader: o.header ?? false, cantSplit: true, children: cells.map((c, i) => cell(c, widths[i] ?? 0, { ...o, right: right.has(i) })) });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: { ...BORDER, size: 8, color: '1D1D1F' }, bottom: { ...BORDER, size: 8, color: '1D1D1F' }, left: NONE, right: NONE, insideHorizontal: BORDER, insideVertical: NONE },
    rows: [row(head, { header: true }), ...rows.map((r) => row(r, {})), ...(opts.foot ? [row(opts.foot, { bold: true })] : [])],
  });
}

/** Space after a table, so the next heading or paragraph does not touch it. */
export function gap(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 120 }, children: [] });
}
