/**
 * The code-by-group chart: one small bar chart per participant group, side by side, the codes down the
 * shared left axis, a bar the participants of that group voicing the code. Side-by-side panels keep one
 * row per code however many groups there are, so 60 codes stay one readable page tall.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { GroupFigure } from '../../../core/report/report-model.js';
import type { ReportLabels } from '../labels.js';
import { AXIS_FONT_SIZE, AXIS_LABEL_WIDTH, axisNames } from './chart-names.js';
import { noDataSpec } from './cooccurrence-chart.js';
import { CHART_FONT } from './vega-render.js';

/** Colours of the groups, in order (colour-blind safe, from the Okabe–Ito set). */
const GROUP_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** The vega-lite spec of the chart (a "no data" panel when there are no codes or no groups). */
export function groupSpec(figure: GroupFigure, labels: ReportLabels): TopLevelSpec {
  if (figure.codes.length === 0 || figure.groups.length === 0) return noDataSpec(labels);
  const names = axisNames(figure.codes);
  const values = figure.codes.flatMap((c, i) => figure.groups.map((g) => ({ code: names[i] ?? c.code, group: g, n: c.participants[g] ?? 0 })));
  const max = Math.max(1, ...values.map((v) => v.n));
  const step = figure.codes.length <= 25 ? 18 : 14;
  const panel = figure.groups.length <= 3 ? 170 : figure.groups.length <= 5 ? 130 : 100;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: 'white',
    padding: 8,
    data: { values },
    spacing: 12,
    facet: { column: { field: 'group', type: 'nominal', sort: figure.groups, header: { title: null, labelFontSize: 12, labelFontWeight: 'bold', labelLimit: panel } } },
    spec: {
      width: panel,
      height: { step },
      layer: [
        {
          mark: { type: 'bar', height: { band: 0.75 } },
          encoding: {
            y: { field: 'code', type: 'nominal', sort: names, axis: { title: null, labelFontSize: AXIS_FONT_SIZE, labelLimit: AXIS_LABEL_WIDTH + 20, ticks: false, domain: false } },
            x: {
              field: 'n',
              type: 'quantitative',
              // Room past the longest bar for its number.
              scale: { domain: [0, Math.ceil(max * 1.15)], nice: false },
              axis: { title: labels.column.participants, titleFontSize: 11, titleFontWeight: 'normal', format: 'd', tickMinStep: 1, tickCount: Math.min(5, max), grid: true, gridColor: '#eeeeee' },
            },
            color: { field: 'group', type: 'nominal', sort: figure.groups, scale: { domain: figure.groups, range: GROUP_COLOURS }, legend: null },
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 3, fontSize: 9, color: '#333333' },
          transform: [{ filter: 'datum.n > 0' }],
          encoding: {
            y: { field: 'code', type: 'nominal', sort: names },
            x: { field: 'n', type: 'quantitative' },
            text: { field: 'n', type: 'quantitative', format: 'd' },
          },
        },
      ],
    },
    resolve: { scale: { x: 'shared' } },
    config: { font: CHART_FONT, view: { stroke: '#dddddd' } },
  } as TopLevelSpec;
}
