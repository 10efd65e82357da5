import { describe, expect, it } from 'vitest';
import { bpjsReport, emptyReport } from '../../../test/fixtures/thematic-report.js';
import { renderReportHtml } from './html.js';
import { anchorOf } from './html/html-escape.js';

describe('renderReportHtml', async () => {
  const html = await renderReportHtml(bpjsReport('id'));

  it('is one self-contained page: inline style, inline SVG charts, one inline script, nothing fetched', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="id">')).toBe(true);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html.match(/<svg\b/g)).toHaveLength(2);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<link\b|@import|url\((?!#)/);
  });

  it('escapes what transcripts say: markup, ampersands and quotes never reach the page raw', () => {
    expect(html).toContain('kata &quot;ahli waris&quot; &amp; &quot;JHT&quot;, siapa yang ngerti? &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&#39;kantor pusat&#39;');
    // The script's own phrases are JSON inside it, with no way to close the element early.
    const script = html.slice(html.indexOf('<script>') + 8, html.indexOf('</script>'));
    expect(script).not.toContain('<');
  });

  it('has the title, a table of contents whose links all land, and the sections in order', () => {
    expect(html).toContain('<h1>bpjs-medan</h1>');
    expect(html).toContain('Buku kode: BPJS social work (versi 1.0.0)');
    const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(15);
    for (const l of links) expect(ids).toContain(l);
    const order = ['Gambaran studi', 'Catatan metode', 'Tema dan kode', 'Gambar', 'Tampilan gabungan menurut hasil', 'Lampiran'].map((h) => html.indexOf(`>${h}</h2>`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  });

  it('nests code sections as the tree is, heading depth following it', () => {
    expect(html).toMatch(/<h3>Peran pekerja sosial <code>role<\/code> <span class="tag">kategori<\/span><\/h3>/);
    expect(html).toMatch(/<h4>Pendidik <code>role\/<wbr>educator<\/code><\/h4>/);
    expect(html).toMatch(/<h5>Alamat KTP dan KK/);
    const role = html.indexOf(`id="${anchorOf('code', 'role')}"`);
    const educator = html.indexOf(`id="${anchorOf('code', 'role/educator')}"`);
    const barrier = html.indexOf(`id="${anchorOf('code', 'barrier')}"`);
    expect(role).toBeLessThan(educator);
    expect(educator).toBeLessThan(barrier);
  });

  it('gives each code its counts, triangulation and flags, quotes with their source and memos', () => {
    const educator = html.slice(html.indexOf(`id="${anchorOf('code', 'role/educator')}"`), html.indexOf(`id="${anchorOf('code', 'role/broker')}"`));
    expect(educator).toContain('<dt>Segmen</dt><dd>88</dd>');
    expect(educator).toContain('<span class="status status-convergent">konvergen</span> Wawancara 52 · FGD 18 · Observasi 12 · Dokumen 6');
    expect(educator).toContain('<figcaption>Sumiati · Wawancara · 09-sumiati 14.2 · 00:13:32</figcaption>');
    expect(educator).toContain('<figcaption>Observasi · obs04-pusatpasar 6</figcaption>');
    expect(educator).toContain('Edukasi berhasil ketika contoh klaim datang dari tetangga sendiri');
    expect(educator.match(/class="quote"/g)).toHaveLength(5);
    expect(html).toContain('<span class="flag">terpusat pada satu partisipan</span>');
    expect(html).toContain('<p class="muted no-quotes">Belum ada bukti yang dapat dikutip.</p>');
  });

  it('marks every quote for the filter and offers the codes, source types and groups it can filter by', () => {
    expect(html).toContain('<figure class="quote" data-code="role/educator" data-source-type="interview" data-group="pekerja-rentan">');
    expect(html).toContain('<figure class="quote" data-code="role/educator" data-source-type="observation" data-group="">');
    expect(html).toContain('<form class="filters" hidden');
    expect(html).toContain('<option value="role/educator">\u00a0\u00a0Pendidik (role/educator)</option>');
    expect(html).not.toContain('<option value="outcome/empty">');
    expect(html).toContain('<option value="document">Dokumen</option>');
    expect(html).toContain('<option value="pekerja-sosial">pekerja-sosial</option>');
    expect(html).toContain('<option value="">(tanpa nilai)</option>');
    expect(html).toContain('25 dari 25 kutipan ditampilkan');
  });

  it('shows the joint display side by side and the appendix', () => {
    expect(html).toContain('ya <span class="muted">(14 partisipan)</span>');
    expect(html).toContain('12 partisipan, 41 segmen');
    expect(html).toContain('<code>barrier/<wbr>documentation/<wbr>domicile-mismatch');
    expect(html).toContain('<code>code auto</code>');
  });

  it('writes English headings and numbers when asked', async () => {
    const en = await renderReportHtml(bpjsReport('en'));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('>Study overview</h2>');
    expect(en).toContain('139,435');
    expect(html).toContain('139.435');
  });

  it('gives the same bytes for the same report', async () => {
    expect(await renderReportHtml(bpjsReport('id'))).toBe(html);
  });

  it('renders a report with nothing in it', async () => {
    const empty = await renderReportHtml(emptyReport('en'));
    expect(empty).toContain('This report holds no codes.');
    expect(empty).toContain('No commands recorded.');
    expect(empty).toContain('>No data</text>');
    expect(empty).not.toContain('id="joint-display"');
    expect(empty).not.toContain('<form class="filters"');
    expect(empty).toContain('Codes reported: role/educator');
  });
});

describe('anchorOf', () => {
  it('is one to one on code paths', () => {
    expect(anchorOf('code', 'role/educator')).toBe('code-role.educator');
    expect(anchorOf('code', 'a/b-c')).not.toBe(anchorOf('code', 'a-b/c'));
    expect(anchorOf('code', 'a.b')).not.toBe(anchorOf('code', 'a/b'));
  });
});
