/** The report's two figures as SVG: the co-occurrence heat map and the code-by-group chart. */
import type { ThematicReport } from '../../../core/report/report-model.js';
import type { ReportLabels } from '../labels.js';
import { cooccurrenceSpec } from './cooccurrence-chart.js';
import { groupSpec } from './group-chart.js';
import { renderVegaLiteSvg } from './vega-render.js';

/** One rendered chart: the SVG and its size in CSS pixels. */
export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

/** Both figures of a report, rendered one after the other (vega's id counters are shared). */
export async function renderReportCharts(report: ThematicReport, labels: ReportLabels): Promise<{ cooccurrence: ChartSvg; byGroup: ChartSvg }> {
  const cooccurrence = withSize(await renderVegaLiteSvg(cooccurrenceSpec(report.cooccurrence, labels), 'cooc'));
  const byGroup = withSize(await renderVegaLiteSvg(groupSpec(report.byGroup, labels), 'group'));
  return { cooccurrence, byGroup };
}

function withSize(svg: string): ChartSvg {
  const m = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
  return { svg, width: Number(m?.[1] ?? 0), height: Number(m?.[2] ?? 0) };
}
