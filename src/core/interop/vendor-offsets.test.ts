import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../text/code-points.js';
import { canonicalizeWithOffsets } from './vendor-offsets.js';

/** The canonical text of the selection [start, end) counted the program's way. */
function selected(raw: string, crlf: 1 | 2, start: number, end: number): string {
  const c = canonicalizeWithOffsets(raw, crlf);
  return sliceCodePoints(c.text, c.toCanonical(start, 'start'), c.toCanonical(end, 'end'));
}

describe('canonicalizeWithOffsets', () => {
  it('leaves canonical text and its positions alone', () => {
    const c = canonicalizeWithOffsets('Siti: daftar 🙂 sudah.\n', 2);
    expect(c.text).toBe('Siti: daftar 🙂 sudah.\n');
    expect(c.length).toBe(22);
    expect(c.toCanonical(15, 'start')).toBe(15);
  });

  it('does not count a BOM (positions start after it)', () => {
    const raw = '\ufeffSiti: daftar';
    expect(canonicalizeWithOffsets(raw, 2).text).toBe('Siti: daftar');
    expect(selected(raw, 2, 6, 12)).toBe('daftar');
  });

  it('maps positions that counted CRLF as two (NVivo, MAXQDA, QualCoder)', () => {
    const raw = 'Satu.\r\nDua kali.\r\nTiga.';
    // "Dua kali." is at 7..16 when CR and LF count.
    expect(selected(raw, 2, 7, 16)).toBe('Dua kali.');
    expect(selected(raw, 2, 18, 23)).toBe('Tiga.');
    expect(canonicalizeWithOffsets(raw, 2).text).toBe('Satu.\nDua kali.\nTiga.');
  });

  it('maps positions that counted CRLF as one (ATLAS.ti)', () => {
    const raw = 'Satu.\r\nDua kali.\r\nTiga.';
    expect(selected(raw, 1, 6, 15)).toBe('Dua kali.');
    expect(selected(raw, 1, 16, 21)).toBe('Tiga.');
    expect(canonicalizeWithOffsets(raw, 1).length).toBe(21);
  });

  it('follows NFC when a letter and its combining accent become one code point', () => {
    // "Andre\u0301" is 6 code points in the file, "André" 5 in NFC; what follows shifts by one.
    const raw = 'Andre\u0301 bilang 🙂 daftar';
    const c = canonicalizeWithOffsets(raw, 2);
    expect(c.text).toBe('André bilang 🙂 daftar');
    expect(selected(raw, 2, 0, 6)).toBe('André');
    expect(selected(raw, 2, 16, 22)).toBe('daftar');
    // A position between the letter and its accent: a start goes before, an end after the merged letter.
    expect(c.toCanonical(5, 'start')).toBe(4);
    expect(c.toCanonical(5, 'end')).toBe(5);
  });

  it('combines CRLF, BOM and NFC', () => {
    const raw = '\ufeffCafe\u0301\r\nte\u0301h manis';
    expect(selected(raw, 2, 7, 17)).toBe('téh manis');
    expect(selected(raw, 1, 6, 16)).toBe('téh manis');
  });
});
