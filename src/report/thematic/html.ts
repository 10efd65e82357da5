/**
 * The thematic report as one self-contained HTML file: inline CSS, the charts as inline SVG, the quote
 * filter as inline script; nothing is fetched, so it opens offline and can be mailed as it is. Every
 * string from the project is escaped. Pure: the same report gives the same bytes.
 */
import type { ThematicReport, ThemeSection } from '../../core/report/report-model.js';
import { renderReportCharts, type ChartSvg } from './charts/report-charts.js';
import { esc } from './html/html-escape.js';
import { filterScript } from './html/html-script.js';
import { methodHtml, overviewHtml, titleHtml } from './html/html-study.js';
import { REPORT_CSS } from './html/html-style.js';
import { appendixHtml, figuresHtml, jointHtml } from './html/html-tables.js';
import { themeAnchor, themesHtml } from './html/html-themes.js';
import { labels, type ReportLabels } from './labels.js';

function tocThemes(themes: readonly ThemeSection[], depthLimit: number): string {
  if (themes.length === 0 || (themes[0]?.depth ?? 0) > depthLimit) return '';
  return `<ol>${themes.map((t) => `<li><a href="#${themeAnchor(t.code)}">${esc(t.label)}</a>${tocThemes(t.children, depthLimit)}</li>`).join('')}</ol>`;
}

function tocHtml(report: ThematicReport, L: ReportLabels): string {
  const items = [
    `<li><a href="#overview">${esc(L.overview)}</a></li>`,
    `<li><a href="#method">${esc(L.method)}</a></li>`,
    `<li><a href="#themes">${esc(L.themes)}</a>${tocThemes(report.themes, 1)}</li>`,
    `<li><a href="#figures">${esc(L.figures)}</a></li>`,
    report.jointDisplay ? `<li><a href="#joint-display">${esc(L.jointDisplay)}</a></li>` : '',
    `<li><a href="#appendix">${esc(L.appendix)}</a></li>`,
  ];
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${esc(L.contents)}</h2><ol>${items.join('')}</ol></nav>`;
}

/** The HTML page from a report and its rendered charts (synchronous; renderReportHtml renders the charts). */
export function reportHtmlPage(report: ThematicReport, charts: { cooccurrence: ChartSvg; byGroup: ChartSvg }): string {
  const L = labels(report.language);
  return [
    '<!doctype html>',
    `<html lang="${report.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="telaah">',
    `<title>${esc(`${report.title.project} — ${L.title}`)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<div class="page">',
    titleHtml(report, L),
    tocHtml(report, L),
    '<main>',
    overviewHtml(report, L),
    methodHtml(report, L),
    themesHtml(report, L),
    figuresHtml(charts, L),
    jointHtml(report, L),
    appendixHtml(report, L),
    '</main>',
    `<footer>${esc(L.madeWith)}</footer>`,
    '</div>',
    `<script>${filterScript(L)}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The thematic report as one self-contained HTML file (async: the charts are drawn by vega, which is). */
export async function renderReportHtml(report: ThematicReport): Promise<string> {
  const charts = await renderReportCharts(report, labels(report.language));
  return reportHtmlPage(report, charts);
}
