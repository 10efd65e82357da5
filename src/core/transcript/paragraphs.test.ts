import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMarkdownHeading, parseParagraphs } from './paragraphs.js';

function unitsOf(body: string, firstLine = 1) {
  return parseParagraphs(body, firstLine).map((u) => [u.text, u.line]);
}

describe('parseParagraphs', () => {
  it('makes blank-line separated paragraphs the units, lines joined with \\n', () => {
    const body = [
      'Sesi penyuluhan dimulai pukul 09.15 di balai RW.',
      'Hadir sekitar 30 pedagang.',
      '',
      '',
      'Petugas membagikan brosur iuran.',
    ].join('\n');
    expect(unitsOf(body, 5)).toEqual([
      ['Sesi penyuluhan dimulai pukul 09.15 di balai RW.\nHadir sekitar 30 pedagang.', 5],
      ['Petugas membagikan brosur iuran.', 9],
    ]);
    expect(parseParagraphs(body, 1)[0]).toMatchObject({ speaker: null, startMs: null, endMs: null });
  });

  it('skips markdown headings and horizontal rules', () => {
    const body = '# Observasi 4\n## Suasana\nRamai.\n\n---\n\nTitle underlined\n===\nSepi.\n\nJudul lain\n---\nAkhir.';
    expect(unitsOf(body)).toEqual([
      ['Ramai.', 3],
      ['Sepi.', 9],
      ['Akhir.', 13],
    ]);
  });

  it('makes each list item a unit, with its wrapped lines', () => {
    const body = [
      'Dokumen yang diperiksa:',
      '- brosur iuran',
      '* formulir pendaftaran',
      '  yang diisi petugas',
      '1. surat edaran',
      '2) laporan bulanan',
      '',
      'Penutup.',
    ].join('\n');
    expect(unitsOf(body)).toEqual([
      ['Dokumen yang diperiksa:', 1],
      ['brosur iuran', 2],
      ['formulir pendaftaran\nyang diisi petugas', 3],
      ['surat edaran', 5],
      ['laporan bulanan', 6],
      ['Penutup.', 8],
    ]);
  });

  it('does not split a paragraph at a wrapped line that starts with a number', () => {
    expect(unitsOf('Peserta naik sejak tahun\n2020. Lalu turun lagi.')).toEqual([
      ['Peserta naik sejak tahun\n2020. Lalu turun lagi.', 1],
    ]);
  });

  it('tolerates a BOM, CRLF and trailing spaces, and keeps emoji and combining marks', () => {
    expect(unitsOf('\uFEFFCafe\u0301 ramai 😀  \r\n\r\n  Hujan 🌧️\r\n')).toEqual([
      ['Cafe\u0301 ramai 😀', 1],
      ['Hujan 🌧️', 3],
    ]);
  });

  it('returns no units for empty text', () => {
    expect(parseParagraphs('', 1)).toEqual([]);
    expect(parseParagraphs('\n \n# Judul\n', 1)).toEqual([]);
  });

  it('recognises ATX headings only', () => {
    expect(isMarkdownHeading('# Judul')).toBe(true);
    expect(isMarkdownHeading('###### x')).toBe(true);
    expect(isMarkdownHeading('#')).toBe(true);
    expect(isMarkdownHeading('####### x')).toBe(false);
    expect(isMarkdownHeading('#1 alasan')).toBe(false);
  });

  it('never throws, and every unit is non-empty text made of lines of the input', () => {
    const piece = fc.constantFrom('# ', '- ', '* ', '1. ', '2. ', '---', '===', '\n', '\r\n', ' ', 'kata', '😀', 'e\u0301');
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(piece, { maxLength: 40 }).map((p) => p.join('')));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 100 }), (body, first) => {
        for (const unit of parseParagraphs(body, first)) {
          expect(unit.text).not.toBe('');
          expect(unit.line).toBeGreaterThanOrEqual(first);
          for (const line of unit.text.split('\n')) expect(body).toContain(line);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
