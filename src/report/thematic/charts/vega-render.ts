/**
 * vega-lite → vega → SVG, offline and headless: vega's View renders to an SVG string without a canvas or a
 * browser. Text is measured with DejaVu Sans' own widths (text-width.ts) and the SVG's clip and gradient
 * ids are numbered afresh for each chart and prefixed with its name, so the same spec always gives the
 * same bytes and two charts inlined in one HTML page never share an id.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { textWidth } from './text-width.js';

/** The font stack the charts ask for; resvg is handed DejaVu Sans itself (chart-png.ts). */
export const CHART_FONT = 'DejaVu Sans, Verdana, sans-serif';

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  text?: unknown;
}

/** vega's text metrics hook: exported by vega-scenegraph but missing from vega's type definitions. */
const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics;

function measure(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
  const value = text == null ? '' : String(text).trim();
  return textWidth(value, size, bold);
}

// Rendering awaits inside vega and the def-id counters are vega's globals: one chart at a time.
let queue: Promise<unknown> = Promise.resolve();

/** Renders a vega-lite spec to a standalone SVG string whose ids all start with `idPrefix`. */
export function renderVegaLiteSvg(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  const run = queue.then(async () => {
    metrics.width = measure;
    vega.resetSVGDefIds();
    const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none', logLevel: vega.Error });
    try {
      return prefixIds(await view.toSVG(), idPrefix);
    } finally {
      view.finalize();
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Renames every `id="x"` and its `url(#x)` references to `${prefix}-x`. */
function prefixIds(svg: string, prefix: string): string {
  return svg.replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${prefix}-${id}"`).replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${prefix}-${id})`);
}
