/**
 * The thematic report as a Word document (docx package): a title page, a table of contents, Word's own
 * heading styles (the navigation pane works), tables with header rows, a quote style, page numbers, the
 * charts as PNG, the joint display and an appendix. Pure apart from reading the chart font; the same
 * report gives the same bytes (docx-deterministic.ts pins what would carry the clock).
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { ThematicReport } from '../../core/report/report-model.js';
import { svgToPng } from './charts/chart-png.js';
import { renderReportCharts, type ChartSvg } from './charts/report-charts.js';
import { deterministicDocx } from '../docx-deterministic.js';
import { appendix, figures, jointDisplay, type ChartPng } from './docx/docx-figures.js';
import { PAGE, REPORT_STYLES, HEADING_FONT, MUTED } from './docx/docx-styles.js';
import { contents, method, overview, titlePage } from './docx/docx-study.js';
import { themes } from './docx/docx-themes.js';
import { labels, type ReportLabels } from './labels.js';

function toPng(chart: ChartSvg): ChartPng {
  return { png: svgToPng(chart.svg, 2), width: chart.width, height: chart.height };
}

function pageFooter(L: ReportLabels): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [L.pageOf.before, PageNumber.CURRENT, L.pageOf.between, PageNumber.TOTAL_PAGES], font: HEADING_FONT, size: 18, color: MUTED })],
      }),
    ],
  });
}

/** The Word document from a report and its charts as PNG. */
export async function reportDocx(report: ThematicReport, charts: { cooccurrence: ChartPng; byGroup: ChartPng }): Promise<Buffer> {
  const L = labels(report.language);
  const title = `${report.title.project} — ${L.title}`;
  const doc = new Document({
    title,
    creator: 'telaah',
    description: L.codebookLine(report.title.codebook.name, report.title.codebook.version),
    // Word fills in the contents' page numbers when it opens the file (it asks once). docx could estimate
    // them itself (docx/layout), but at ~4 ms a paragraph that is 7 s more for 60 codes with 5 quotes each.
    features: { updateFields: true },
    styles: REPORT_STYLES,
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } },
        },
        footers: { default: pageFooter(L), first: new Footer({ children: [new Paragraph({ children: [] })] }) },
        children: [
          ...titlePage(report, L),
          ...contents(L),
          ...overview(report, L),
          ...method(report, L),
          ...themes(report, L),
          ...figures(charts, L),
          ...jointDisplay(report, L),
          ...appendix(report, L),
        ],
      },
    ],
  });
  return deterministicDocx(await Packer.toBuffer(doc), { title, creator: 'telaah', date: report.title.date });
}

/** The thematic report as a .docx file's bytes. */
export async function renderReportDocx(report: ThematicReport): Promise<Buffer> {
  const svgs = await renderReportCharts(report, labels(report.language));
  return reportDocx(report, { cooccurrence: toPng(svgs.cooccurrence), byGroup: toPng(svgs.byGroup) });
}
