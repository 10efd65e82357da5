import { describe, expect, it } from 'vitest';
import { bpjsReport, emptyReport, manyCodesReport } from '../../../../test/fixtures/thematic-report.js';
import { labels } from '../labels.js';
import { chartFontFiles, svgToPng } from './chart-png.js';
import { renderReportCharts } from './report-charts.js';

const L = labels('id');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('renderReportCharts', () => {
  it('draws the heat map and the bar chart with the codes labels, counts and groups', async () => {
    const { cooccurrence, byGroup } = await renderReportCharts(bpjsReport(), L);
    expect(cooccurrence.svg.startsWith('<svg')).toBe(true);
    expect(cooccurrence.svg).toContain('>Pendidik</text>');
    expect(cooccurrence.svg).toContain('>88</text>'); // the diagonal: units coded with role/educator
    expect(cooccurrence.svg).toContain('font-family="DejaVu Sans, Verdana, sans-serif"');
    expect(byGroup.svg).toContain('>pekerja-rentan</text>');
    expect(byGroup.svg).toContain(`>${L.column.participants}</text>`);
    expect(cooccurrence.width).toBeGreaterThan(300);
    expect(byGroup.height).toBeGreaterThan(150);
  });

  it('gives the same bytes every time, and ids no other chart on the page has', async () => {
    const a = await renderReportCharts(bpjsReport(), L);
    await renderReportCharts(manyCodesReport(), L);
    const b = await renderReportCharts(bpjsReport(), L);
    expect(b.cooccurrence.svg).toBe(a.cooccurrence.svg);
    expect(b.byGroup.svg).toBe(a.byGroup.svg);
    const ids = (svg: string) => [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
    const all = [...ids(a.cooccurrence.svg), ...ids(a.byGroup.svg)];
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all).size).toBe(all.length);
    for (const m of (a.cooccurrence.svg + a.byGroup.svg).matchAll(/url\(#([^)]+)\)/g)) expect(all).toContain(m[1]);
  });

  it('escapes labels that look like markup, and draws labels that look like code as they are', async () => {
    const report = bpjsReport();
    report.cooccurrence.codes[0]!.label = '<script>alert(1)</script> & "co"';
    // vega-lite turns a sort order into an expression: quotes and backslashes must not break out of it.
    report.cooccurrence.codes[1]!.label = `it's "x") || (\\`;
    report.byGroup.groups = ['<b>grup</b>'];
    report.byGroup.codes.forEach((c) => (c.participants = { '<b>grup</b>': 1 }));
    const { cooccurrence, byGroup } = await renderReportCharts(report, L);
    expect(cooccurrence.svg).not.toContain('<script>');
    expect(cooccurrence.svg).toContain('&lt;script&gt;');
    expect(cooccurrence.svg).toContain(`>it's "x") || (\\</text>`);
    expect(byGroup.svg).not.toContain('<b>');
  });

  it('numbers the columns of a heat map with many codes and keeps every row', async () => {
    const { cooccurrence, byGroup } = await renderReportCharts(manyCodesReport(60, 1), L);
    expect(cooccurrence.svg).toContain('>60. kelurahan 60</text>');
    expect(cooccurrence.svg).toContain('>60</text>');
    for (const n of [1, 30, 60]) expect(byGroup.svg).toContain(`${n}</text>`);
  });

  it('says there is no data rather than drawing an empty frame', async () => {
    const { cooccurrence, byGroup } = await renderReportCharts(emptyReport('en'), labels('en'));
    expect(cooccurrence.svg).toContain('>No data</text>');
    expect(byGroup.svg).toContain('>No data</text>');
  });
});

describe('svgToPng', () => {
  it('renders the chart at twice its size, the same bytes every time', async () => {
    const { byGroup } = await renderReportCharts(bpjsReport(), L);
    const png = svgToPng(byGroup.svg);
    expect(pngSize(png)).toEqual({ width: Math.round(byGroup.width * 2), height: Math.round(byGroup.height * 2) });
    expect(svgToPng(byGroup.svg).equals(png)).toBe(true);
  });

  it.skipIf(chartFontFiles().length === 0)('draws its text with DejaVu Sans (more ink than the same chart without text)', async () => {
    const { byGroup } = await renderReportCharts(bpjsReport(), L);
    const withoutText = byGroup.svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, '');
    expect(svgToPng(byGroup.svg).length).toBeGreaterThan(svgToPng(withoutText).length * 1.2);
  });
});
