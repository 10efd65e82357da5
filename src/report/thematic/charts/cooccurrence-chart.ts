/**
 * The co-occurrence heat map: codes × codes, a cell's shade the units coded with both. The diagonal (units
 * coded with the code at all) would swamp the scale, so it is drawn grey with its number and the colours
 * span the off-diagonal cells only; an empty cell stays white.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CooccurrenceFigure } from '../../../core/report/report-model.js';
import type { ReportLabels } from '../labels.js';
import { AXIS_FONT_SIZE, AXIS_LABEL_WIDTH, axisNames } from './chart-names.js';
import { CHART_FONT } from './vega-render.js';

/** Above this many codes the columns are numbered rather than named. */
const NAMED_COLUMNS = 20;

/** Cell size in pixels: roomy for a few codes, tighter for many so 60 codes still fit a page. */
function cellSize(codes: number): number {
  if (codes <= 12) return 30;
  if (codes <= 25) return 22;
  if (codes <= 40) return 17;
  return 13;
}

/** The vega-lite spec of the heat map (a "no data" panel when there are no codes). */
export function cooccurrenceSpec(figure: CooccurrenceFigure, labels: ReportLabels): TopLevelSpec {
  const n = figure.codes.length;
  if (n === 0) return noDataSpec(labels);
  // Many codes: the columns carry the rows' numbers, so no tall block of slanted names sits on top.
  const numbered = n > NAMED_COLUMNS;
  const names = axisNames(figure.codes, numbered ? AXIS_LABEL_WIDTH - 26 : AXIS_LABEL_WIDTH);
  const rows = numbered ? names.map((s, i) => `${i + 1}. ${s}`) : names;
  const cols = numbered ? names.map((_, i) => String(i + 1)) : names;
  const values: { row: string; col: string; n: number; diag: boolean }[] = [];
  let max = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = figure.cells[i]?.[j] ?? 0;
      if (i !== j) max = Math.max(max, v);
      values.push({ row: rows[i] ?? '', col: cols[j] ?? '', n: v, diag: i === j });
    }
  }
  const step = cellSize(n);
  const axis = { labelFontSize: AXIS_FONT_SIZE, labelLimit: AXIS_LABEL_WIDTH + 20, title: null, domain: false, ticks: false, labelPadding: 4 };
  const showNumbers = n <= 40;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: 'white',
    padding: 8,
    data: { values },
    width: { step },
    height: { step },
    encoding: {
      x: {
        field: 'col',
        type: 'nominal',
        sort: cols,
        axis: numbered ? { ...axis, orient: 'top', labelAngle: 0, labelAlign: 'center', labelFontSize: step >= 17 ? 10 : 8 } : { ...axis, orient: 'top', labelAngle: -50, labelAlign: 'left' },
      },
      y: { field: 'row', type: 'nominal', sort: rows, axis },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'n',
            type: 'quantitative',
            scale: { scheme: 'blues', domain: [0, Math.max(1, max)], clamp: true },
            legend: { title: labels.cooccurrenceLegend, gradientLength: Math.min(200, Math.max(80, step * n * 0.5)), format: 'd', tickMinStep: 1 },
            condition: [
              { test: 'datum.diag', value: '#d9d9d9' },
              { test: 'datum.n === 0', value: '#ffffff' },
            ],
          },
        },
      },
      ...(showNumbers
        ? [
            {
              mark: { type: 'text' as const, fontSize: step >= 22 ? 11 : step >= 17 ? 9 : 7.5 },
              transform: [{ filter: 'datum.n > 0' }],
              encoding: {
                text: { field: 'n', type: 'quantitative' as const, format: 'd' },
                color: { condition: { test: `!datum.diag && datum.n > ${max * 0.55}`, value: '#ffffff' }, value: '#1a1a1a' },
              },
            },
          ]
        : []),
    ],
    config: { font: CHART_FONT, view: { stroke: null }, legend: { labelFontSize: 10, titleFontSize: 11 } },
  } as TopLevelSpec;
}

/** A small panel that says there is nothing to draw. */
export function noDataSpec(labels: ReportLabels): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: 'white',
    width: 320,
    height: 60,
    data: { values: [{ t: labels.noData }] },
    mark: { type: 'text', fontSize: 14, color: '#666666' },
    encoding: { text: { field: 't' } },
    config: { font: CHART_FONT, view: { stroke: '#cccccc' } },
  };
}
