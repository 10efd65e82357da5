import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bpjsReport, emptyReport } from '../../../test/fixtures/thematic-report.js';
import { renderReportDocx } from './docx.js';

function parts(docx: Buffer): Record<string, Uint8Array> {
  return unzipSync(docx);
}
const text = (p: Record<string, Uint8Array>, name: string): string => strFromU8(p[name] ?? new Uint8Array());

describe('renderReportDocx', async () => {
  const docx = await renderReportDocx(bpjsReport('id'));
  const p = parts(docx);
  const doc = text(p, 'word/document.xml');

  it('is a Word package with the document, styles, footers and the two charts as PNG', () => {
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(Object.keys(p)).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'docProps/core.xml', '[Content_Types].xml']));
    const media = Object.keys(p).filter((k) => k.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    for (const m of media) expect(Buffer.from(p[m]!).subarray(1, 4).toString()).toBe('PNG');
    expect(doc.match(/<w:drawing>/g)).toHaveLength(2);
    expect(doc).toContain('descr="Jumlah unit yang dikode dengan kedua kode; diagonal (abu-abu): unit yang dikode dengan kode itu."');
  });

  it('uses Word heading styles whose level follows the code tree, chapters on a new page', () => {
    expect(doc.match(/<w:pStyle w:val="Heading1"\/><w:pageBreakBefore\/>/g)).toHaveLength(6);
    const headings = [...doc.matchAll(/<w:pStyle w:val="(Heading\d)"\/>(?:<w:pageBreakBefore\/>)?<\/w:pPr>(?:<w:bookmarkStart[^>]*>)?<w:r><w:t xml:space="preserve">([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings).toEqual(expect.arrayContaining(['Heading1 Gambaran studi', 'Heading1 Tema dan kode', 'Heading2 Peran pekerja sosial', 'Heading3 Pendidik', 'Heading4 Alamat KTP dan KK tidak sesuai dengan tempat tinggal sekarang di kota tujuan merantau', 'Heading1 Lampiran']));
    const styles = text(p, 'word/styles.xml');
    for (const id of ['Heading1', 'Heading2', 'Heading3', 'Quote', 'QuoteSource', 'TOC1']) expect(styles).toContain(`w:styleId="${id}"`);
    // The outline levels the navigation pane goes by.
    for (const level of [1, 2, 3, 4]) expect(styles).toMatch(new RegExp(`w:styleId="Heading${level}">(?:(?!</w:style>).)*<w:outlineLvl w:val="${level - 1}"/>`));
  });

  it('has a table of contents field over headings 1-3 that Word updates on opening', () => {
    expect(doc).toContain('TOC \\h \\o &quot;1-3&quot;');
    expect(doc).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(text(p, 'word/settings.xml')).toContain('<w:updateFields/>');
  });

  it('puts quotes in the Quote style with their source, and tables with header rows', () => {
    expect(doc).toContain('<w:pStyle w:val="Quote"/></w:pPr><w:r><w:t xml:space="preserve">“Kak Aisyah nggak pakai kata asuransi');
    expect(doc).toContain('Sumiati · Wawancara · 09-sumiati 14.2 · 00:13:32');
    expect(doc).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(doc).not.toContain('<script>');
    expect(doc.match(/<w:tblHeader\/>/g)!.length).toBeGreaterThanOrEqual(8);
  });

  it('numbers the pages in the footer, not on the title page', () => {
    const footers = Object.keys(p).filter((k) => /^word\/footer\d+\.xml$/.test(k)).map((k) => text(p, k));
    expect(footers.some((f) => f.includes('Halaman ') && f.includes('PAGE') && f.includes('NUMPAGES'))).toBe(true);
    expect(doc).toContain('<w:titlePg/>');
  });

  it('gives the same bytes for the same report, whatever was rendered before it', async () => {
    await renderReportDocx(emptyReport());
    expect((await renderReportDocx(bpjsReport('id'))).equals(docx)).toBe(true);
  });

  it('carries no clock: the core properties are dated by the report date, or not at all', async () => {
    expect(text(p, 'docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-06-30T00:00:00Z</dcterms:created>');
    const undated = text(parts(await renderReportDocx(emptyReport())), 'docProps/core.xml');
    expect(undated).not.toContain('dcterms:created');
    expect(undated).toContain('<dc:title>bpjs-medan — Thematic analysis report</dc:title>');
  });

  it('renders a report with nothing in it', async () => {
    const empty = text(parts(await renderReportDocx(emptyReport('en'))), 'word/document.xml');
    expect(empty).toContain('This report holds no codes.');
    expect(empty).not.toContain('Joint display');
  });
});
