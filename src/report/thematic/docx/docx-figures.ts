/** The Word report's figures (the charts as PNG), joint display and appendix. */
import { AlignmentType, ImageRun, LineRuleType, Paragraph, TextRun, type FileChild } from 'docx';
import type { ThematicReport } from '../../../core/report/report-model.js';
import { DASH } from '../../language-format.js';
import type { ReportLabels } from '../labels.js';
import { quoteAttribution } from '../report-text.js';
import { gap, heading, para, table, type CellContent } from './docx-blocks.js';
import { HEADING_FONT, IMAGE_MAX_HEIGHT_PX, MUTED, STYLE, TEXT_WIDTH_PX } from './docx-styles.js';

/** A chart as a PNG with its size in CSS pixels (the PNG itself may be drawn larger, for print). */
export interface ChartPng {
  png: Buffer;
  width: number;
  height: number;
}

/** The size a chart is shown at: its own, shrunk (never grown) to fit the text width and the page height. */
export function fitImage(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, TEXT_WIDTH_PX / Math.max(1, width), IMAGE_MAX_HEIGHT_PX / Math.max(1, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function figure(title: string, caption: string, chart: ChartPng, name: string): FileChild[] {
  return [
    heading(title, 2),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      // Single line spacing said outright: a line height of the body's would clip the picture in LibreOffice.
      spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
      children: [new ImageRun({ type: 'png', data: chart.png, transformation: fitImage(chart.width, chart.height), altText: { name, title, description: caption } })],
    }),
    para(caption, STYLE.caption),
  ];
}

/** The heat map and the code-by-group chart. */
export function figures(charts: { cooccurrence: ChartPng; byGroup: ChartPng }, L: ReportLabels): FileChild[] {
  return [
    heading(L.figures, 1),
    ...figure(L.cooccurrence, L.cooccurrenceCaption, charts.cooccurrence, 'cooccurrence'),
    ...figure(L.byGroup, L.byGroupNote, charts.byGroup, 'by-group'),
  ];
}

/** Themes by outcome group side by side: counts and a quote per cell; nothing when there is no joint display. */
export function jointDisplay(report: ThematicReport, L: ReportLabels): FileChild[] {
  const j = report.jointDisplay;
  if (!j) return [];
  const small = (text: string, o: { bold?: boolean; italics?: boolean; color?: string } = {}) => new TextRun({ text, font: HEADING_FONT, size: 17, ...o });
  const rows: CellContent[][] = j.rows.map((r) => [
    [new Paragraph({ style: STYLE.tableText, children: [small(r.label, { bold: true })] }), new Paragraph({ style: STYLE.tableText, children: [small(r.code, { color: MUTED })] })],
    ...j.values.map((v): CellContent => {
      const cell = r.cells[v.value];
      if (!cell) return DASH;
      const out = [new Paragraph({ style: STYLE.tableText, children: [small(L.jointCell(cell.participants, cell.segments), { bold: true })] })];
      if (cell.quote) {
        out.push(new Paragraph({ style: STYLE.tableText, spacing: { before: 60 }, children: [small(`“${cell.quote.text}”`, { italics: true })] }));
        out.push(new Paragraph({ style: STYLE.tableText, children: [small(quoteAttribution(cell.quote, L), { color: MUTED })] }));
      }
      return out;
    }),
  ]);
  return [
    heading(L.jointDisplay, 1),
    para(L.jointDisplayNote(j.attribute)),
    table([L.column.code, ...j.values.map((v) => `${v.value} (${L.countOf(v.participants, 'participant')})`)], rows, { widths: [2.2, ...j.values.map(() => 4)] }),
    gap(),
  ];
}

/** The codebook and the audit summary. */
export function appendix(report: ThematicReport, L: ReportLabels): FileChild[] {
  const a = report.appendix;
  return [
    heading(L.appendix, 1),
    heading(L.codebook, 2),
    a.codebook.length
      ? table([L.column.code, L.column.label, L.column.definition, L.column.parent], a.codebook.map((c) => [c.code, c.label, c.definition ?? DASH, c.parent ?? DASH]), { widths: [2.6, 2.2, 4.4, 1.6] })
      : para(L.noThemes),
    gap(),
    heading(L.audit, 2),
    a.audit.length ? table([L.column.command, L.column.times, L.column.first, L.column.last], a.audit.map((r) => [r.command, L.number(r.times), r.first, r.last]), { widths: [3, 1.2, 3, 3], numeric: [1] }) : para(L.noAudit),
  ];
}
