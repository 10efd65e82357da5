import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOLD, EXTRA_CODE_POINTS, REGULAR, UNITS_PER_EM } from './dejavu-widths.js';
import { fitText, fitTextMiddle, textWidth } from './text-width.js';

/** Advance widths of `codePoints` read from a TrueType file's cmap (format 4) and hmtx tables. */
function advancesFromFont(file: string, codePoints: number[]): { upem: number; widths: number[] } {
  const b = readFileSync(file);
  const tables: Record<string, number> = {};
  for (let i = 0; i < b.readUInt16BE(4); i++) tables[b.toString('latin1', 12 + i * 16, 16 + i * 16)] = b.readUInt32BE(20 + i * 16);
  const [head, hhea, hmtx, cmap] = [tables.head!, tables.hhea!, tables.hmtx!, tables.cmap!];
  const metrics = b.readUInt16BE(hhea + 34);
  let sub = -1;
  for (let i = 0; i < b.readUInt16BE(cmap + 2) && sub < 0; i++) {
    const [platform, encoding, offset] = [b.readUInt16BE(cmap + 4 + i * 8), b.readUInt16BE(cmap + 6 + i * 8), b.readUInt32BE(cmap + 8 + i * 8)];
    if (b.readUInt16BE(cmap + offset) === 4 && (platform === 0 || (platform === 3 && encoding === 1))) sub = cmap + offset;
  }
  const segX2 = b.readUInt16BE(sub + 6);
  const [ends, starts] = [sub + 14, sub + 16 + segX2];
  const glyph = (c: number): number => {
    for (let s = 0; s < segX2 / 2; s++) {
      if (c > b.readUInt16BE(ends + 2 * s)) continue;
      const start = b.readUInt16BE(starts + 2 * s);
      if (c < start) return 0;
      const delta = b.readInt16BE(starts + segX2 + 2 * s);
      const rangeAt = starts + 2 * segX2 + 2 * s;
      const range = b.readUInt16BE(rangeAt);
      if (range === 0) return (c + delta) & 0xffff;
      const g = b.readUInt16BE(rangeAt + range + 2 * (c - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  return { upem: b.readUInt16BE(head + 18), widths: codePoints.map((c) => b.readUInt16BE(hmtx + 4 * Math.min(glyph(c), metrics - 1))) };
}

const CODE_POINTS = [...Array.from({ length: 95 }, (_, i) => 0x20 + i), ...Array.from({ length: 96 }, (_, i) => 0xa0 + i), ...EXTRA_CODE_POINTS];
const DIR = '/usr/share/fonts/truetype/dejavu';

describe('DejaVu Sans widths', () => {
  it.skipIf(!existsSync(`${DIR}/DejaVuSans.ttf`))('match the installed font files (fonts-dejavu-core)', () => {
    expect(advancesFromFont(`${DIR}/DejaVuSans.ttf`, CODE_POINTS)).toEqual({ upem: UNITS_PER_EM, widths: REGULAR });
    expect(advancesFromFont(`${DIR}/DejaVuSans-Bold.ttf`, CODE_POINTS)).toEqual({ upem: UNITS_PER_EM, widths: BOLD });
  });

  it('measure proportional text: an i is narrower than an m, bold is wider', () => {
    expect(textWidth('iiii', 10)).toBeLessThan(textWidth('mmmm', 10) / 2);
    expect(textWidth('Pendidik', 11, true)).toBeGreaterThan(textWidth('Pendidik', 11));
    // 'Pendidik' at 11 px is about 47 px wide, not vega's estimate of 0.8 em a letter (70 px).
    expect(textWidth('Pendidik', 11)).toBeCloseTo(46.8, 1);
  });

  it('count combining marks as nothing and wide scripts as an em', () => {
    expect(textWidth('e\u0301', 10)).toBe(textWidth('e', 10));
    expect(textWidth('日本', 10)).toBe(20);
  });
});

describe('fitText', () => {
  it('keeps text that fits and cuts the rest to the width with an ellipsis', () => {
    expect(fitText('Pendidik', 100, 11)).toBe('Pendidik');
    const cut = fitText('Alamat KTP dan KK tidak sesuai dengan tempat tinggal sekarang', 120, 11);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 11)).toBeLessThanOrEqual(120);
    expect(textWidth(fitText(`${cut}xxxxxxxx`, 120, 11), 11)).toBeLessThanOrEqual(120);
  });

  it('cuts in the middle when asked, keeping both ends', () => {
    const cut = fitTextMiddle('Pendampingan dan hambatan administratif nomor 43', 150, 11);
    expect(cut).toMatch(/^Pendamping.*….*nomor 43$/);
    expect(textWidth(cut, 11)).toBeLessThanOrEqual(150);
  });
});
