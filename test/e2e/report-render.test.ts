/**
 * What a person sees of the thematic report: the .docx opened by LibreOffice (converted to PDF, its text
 * read back with pdftotext, its pages drawn with pdftoppm) and the HTML opened by headless Chromium (a
 * screenshot, and the page after its script ran, filter included). Each part skips, saying which tool is
 * missing, where LibreOffice, poppler-utils or Chromium are not installed (.ci/run installs them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderReportDocx } from '../../src/report/thematic/docx.js';
import { renderReportHtml } from '../../src/report/thematic/html.js';
import { bpjsReport, manyCodesReport } from '../fixtures/thematic-report.js';
import { inkShare } from '../helpers/image-ink.js';
import { tempDir } from '../helpers/spawn-cli.js';

const has = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const missing = (tools: string[]): string[] => tools.filter((t) => !has(t));
const title = (name: string, tools: string[]): string => {
  const absent = missing(tools);
  return absent.length ? `${name} (skipped: ${absent.join(', ')} not on PATH)` : name;
};

function run(cmd: string, args: string[], cwd: string, timeout = 120_000): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, HOME: cwd } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}`);
  return r.stdout;
}

/** The .docx as LibreOffice lays it out: the PDF's text, page by page. */
function docxToPdf(dir: string, docx: string): { pdf: string; pages: string[] } {
  // A private profile: parallel runs (and a user's own LibreOffice) do not share a lock.
  run('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], dir);
  const pdf = docx.replace(/\.docx$/, '.pdf');
  expect(existsSync(pdf)).toBe(true);
  const count = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf], dir))?.[1]);
  const pages = Array.from({ length: count }, (_, i) => run('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], dir));
  return { pdf, pages };
}

const WORD_TOOLS = ['soffice', 'pdftotext', 'pdfinfo', 'pdftoppm'];

describe.skipIf(missing(WORD_TOOLS).length > 0)(title('the Word report in LibreOffice', WORD_TOOLS), () => {
  it('has its title page, contents, chapters, quotes, page numbers and both charts on the pages', async () => {
    const dir = tempDir('telaah-docx-');
    const docx = join(dir, 'laporan.docx');
    writeFileSync(docx, await renderReportDocx(bpjsReport('id')));
    const { pdf, pages } = docxToPdf(dir, docx);
    const all = pages.join('\n');

    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(pages[0]).toMatch(/bpjs-medan[\s\S]*Laporan analisis tematik[\s\S]*Buku kode: BPJS social work \(versi 1\.0\.0\)[\s\S]*2025-06-30/);
    expect(pages[0]).not.toContain('Halaman'); // no number on the title page
    expect(pages[1]).toMatch(/Daftar isi[\s\S]*Gambaran studi[\s\S]*Peran pekerja sosial[\s\S]*Pendidik[\s\S]*Lampiran/);
    for (const h of ['Gambaran studi', 'Catatan metode', 'Tema dan kode', 'Gambar', 'Tampilan gabungan', 'Lampiran']) {
      expect(pages.slice(2).some((p) => p.trimStart().startsWith(h)), `chapter "${h}" opens a page`).toBe(true);
    }
    for (const h of ['Kesepakatan antarpengode', 'Pengorganisasi masyarakat', 'Ko-okurensi kode', 'Kode menurut kelompok partisipan', 'Ringkasan jejak audit']) expect(all).toContain(h);
    expect(all).toContain('“Kak Aisyah nggak pakai kata asuransi');
    expect(all).toContain('Sumiati · Wawancara · 09-sumiati 14.2 · 00:13:32');
    expect(all).toContain('<script>alert("x")</script>'); // a transcript's markup shown as the words it is
    pages.slice(1).forEach((p, i) => expect(p).toContain(`Halaman ${i + 2} dari ${pages.length}`));

    // The pages as pictures: none blank, and the charts drawn at a readable size where their headings are.
    run('pdftoppm', ['-gray', '-r', '60', pdf, join(dir, 'page')], dir);
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, join(dir, 'look')], dir);
    const images = readdirSync(dir).filter((f) => f.startsWith('page-')).sort();
    expect(images).toHaveLength(pages.length);
    const ink = images.map((f) => inkShare(join(dir, f)));
    ink.forEach((share, i) => expect(share, `page ${i + 1} is not blank`).toBeGreaterThan(0.002));
    const heatMap = pages.findIndex((p) => p.includes('Ko-okurensi kode') && !p.includes('Daftar isi'));
    const bars = pages.findIndex((p) => p.includes('Kode menurut kelompok partisipan') && !p.includes('Daftar isi'));
    expect(ink[heatMap]!, 'the heat map page carries the coloured chart').toBeGreaterThan(0.08);
    expect(ink[bars]!, 'the bar chart page carries the bars').toBeGreaterThan(0.03);
    expect(readdirSync(dir).filter((f) => f.startsWith('look-') && f.endsWith('.png'))).toHaveLength(3);
  }, 180_000);

  it('lays out 60 codes with five quotes each', async () => {
    const dir = tempDir('telaah-docx-');
    const docx = join(dir, 'many.docx');
    writeFileSync(docx, await renderReportDocx(manyCodesReport(60, 5)));
    const { pages } = docxToPdf(dir, docx);
    const all = pages.join('\n');
    expect(all).toContain('Kategori 6');
    expect(all).toContain('kelurahan 60');
    expect(pages.length).toBeGreaterThan(30);
  }, 180_000);
});

const HTML_TOOLS = ['chromium'];

/** Chromium, headless, with a profile of its own in `dir`. */
function chromium(dir: string, args: string[]): string {
  return run('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--user-data-dir=${join(dir, 'chromium-profile')}`, ...args], dir);
}

describe.skipIf(missing(HTML_TOOLS).length > 0)(title('the HTML report in Chromium', HTML_TOOLS), () => {
  it('draws a page that is not blank, and its filter script runs', async () => {
    const dir = tempDir('telaah-html-');
    const html = join(dir, 'laporan.html');
    writeFileSync(html, await renderReportHtml(bpjsReport('id')));
    const shot = join(dir, 'shot.png');
    chromium(dir, [`--screenshot=${shot}`, '--window-size=1200,2000', pathToFileURL(html).href]);
    expect(existsSync(shot)).toBe(true);
    expect(inkShare(shot)).toBeGreaterThan(0.01);

    const dom = chromium(dir, ['--dump-dom', pathToFileURL(html).href]);
    const root = /<html[^>]*>/.exec(dom)?.[0] ?? '';
    expect(root).toContain('data-filter="ready"');
    expect(root).toContain('data-quotes-shown="25"');
    expect(dom).toContain('<form class="filters" aria-label="Saring kutipan">');
    expect(dom).toContain('25 dari 25 kutipan ditampilkan');
  }, 60_000);

  it('filters quotes by source type, code and group in the browser', async () => {
    const dir = tempDir('telaah-html-');
    const report = bpjsReport('id');
    const page = await renderReportHtml(report);
    const quotes = (function all(ts: typeof report.themes): { code: string; type: string; group: string | null }[] {
      return ts.flatMap((t) => [...t.quotes.map((q) => ({ code: t.code, type: q.sourceType, group: q.group })), ...all(t.children)]);
    })(report.themes);
    // A reader's choices, made by a script after the report's own.
    const choose = (code: string, type: string, group: string): string =>
      page.replace(
        '</body>',
        `<script>var f=document.querySelector('form.filters');f.elements.code.value=${JSON.stringify(code)};f.elements.type.value=${JSON.stringify(type)};f.elements.group.value=${JSON.stringify(group)};f.dispatchEvent(new Event('change'));</script></body>`,
      );
    const shown = (code: string, type: string, group: string): { count: number; dom: string } => {
      const file = join(dir, `filtered-${code.replace('/', '.')}-${type}-${group}.html`);
      writeFileSync(file, choose(code, type, group));
      const dom = chromium(dir, ['--dump-dom', pathToFileURL(file).href]);
      return { count: Number(/data-quotes-shown="(\d+)"/.exec(dom)?.[1]), dom };
    };

    const observation = shown('', 'observation', '*');
    expect(observation.count).toBe(quotes.filter((q) => q.type === 'observation').length);
    expect(observation.dom).toContain(`${observation.count} dari 25 kutipan ditampilkan`);
    expect(observation.dom).toMatch(/<section class="theme depth-1" id="code-role.advocate" data-code="role\/advocate" hidden="">/);
    expect(shown('barrier', '', '*').count).toBe(quotes.filter((q) => q.code.startsWith('barrier')).length);
    expect(shown('', '', 'pekerja-sosial').count).toBe(quotes.filter((q) => q.group === 'pekerja-sosial').length);
    expect(shown('', '', '').count).toBe(quotes.filter((q) => q.group === null).length);
    const none = shown('role/advocate', 'fgd', '*');
    expect(none.count).toBe(0);
    expect(none.dom).toMatch(/<p class="no-match muted">Tidak ada kutipan yang cocok/);
  }, 90_000);
});
