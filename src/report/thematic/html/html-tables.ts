/** The HTML report's figures, joint display and appendix. */
import type { ThematicReport } from '../../../core/report/report-model.js';
import type { ChartSvg } from '../charts/report-charts.js';
import { DASH } from '../../language-format.js';
import type { ReportLabels } from '../labels.js';
import { quoteAttribution } from '../report-text.js';
import { codeHtml, esc, table } from './html-escape.js';
import { themeAnchor } from './html-themes.js';

function chartFigure(id: string, title: string, caption: string, chart: ChartSvg): string {
  // vega writes role/aria attributes of its own; the figure names the chart for screen readers.
  return `<figure class="chart" id="${id}" aria-label="${esc(title)}"><h3>${esc(title)}</h3><div class="chart-scroll">${chart.svg}</div><figcaption>${esc(caption)}</figcaption></figure>`;
}

/** The heat map and the code-by-group chart, as inline SVG. */
export function figuresHtml(charts: { cooccurrence: ChartSvg; byGroup: ChartSvg }, L: ReportLabels): string {
  return [
    `<section id="figures"><h2>${esc(L.figures)}</h2>`,
    chartFigure('figure-cooccurrence', L.cooccurrence, L.cooccurrenceCaption, charts.cooccurrence),
    chartFigure('figure-by-group', L.byGroup, L.byGroupNote, charts.byGroup),
    '</section>',
  ].join('\n');
}

/** Themes by outcome group side by side: counts and one quote per cell; empty when there is no joint display. */
export function jointHtml(report: ThematicReport, L: ReportLabels): string {
  const j = report.jointDisplay;
  if (!j) return '';
  const head = [esc(L.column.code), ...j.values.map((v) => `${esc(v.value)} <span class="muted">(${esc(L.countOf(v.participants, 'participant'))})</span>`)];
  const rows = j.rows.map((r) => [
    `<a href="#${themeAnchor(r.code)}">${esc(r.label)}</a><br>${codeHtml(r.code, 'muted')}`,
    ...j.values.map((v) => {
      const cell = r.cells[v.value];
      if (!cell) return `<span class="muted">${DASH}</span>`;
      const quote = cell.quote ? `<blockquote>${esc(cell.quote.text)}<span class="who">${esc(quoteAttribution(cell.quote, L))}</span></blockquote>` : '';
      return `<span class="cell-count">${esc(L.jointCell(cell.participants, cell.segments))}</span>${quote}`;
    }),
  ]);
  return [`<section id="joint-display"><h2>${esc(L.jointDisplay)}</h2>`, `<p>${esc(L.jointDisplayNote(j.attribute))}</p>`, table(head, rows, { className: 'joint' }), '</section>'].join('\n');
}

/** The codebook and the audit summary. */
export function appendixHtml(report: ThematicReport, L: ReportLabels): string {
  const a = report.appendix;
  const codebook = a.codebook.length
    ? table(
        [esc(L.column.code), esc(L.column.label), esc(L.column.definition), esc(L.column.parent)],
        a.codebook.map((c) => [codeHtml(c.code), esc(c.label), c.definition ? esc(c.definition) : `<span class="muted">${DASH}</span>`, c.parent ? codeHtml(c.parent) : `<span class="muted">${DASH}</span>`]),
      )
    : `<p class="muted">${esc(L.noThemes)}</p>`;
  const audit = a.audit.length
    ? table(
        [esc(L.column.command), esc(L.column.times), esc(L.column.first), esc(L.column.last)],
        a.audit.map((r) => [`<code>${esc(r.command)}</code>`, L.number(r.times), esc(r.first), esc(r.last)]),
        { numeric: [1] },
      )
    : `<p class="muted">${esc(L.noAudit)}</p>`;
  return [
    `<section id="appendix"><h2>${esc(L.appendix)}</h2>`,
    `<h3 id="appendix-codebook">${esc(L.codebook)}</h3>`,
    codebook,
    `<h3 id="appendix-audit">${esc(L.audit)}</h3>`,
    audit,
    '</section>',
  ].join('\n');
}
