import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runsWidth, wrapRuns, type Run } from './wrap-runs.js';

const plain = (lines: Run[][]): string[] => lines.map((l) => l.map((r) => r.text).join(''));

describe('wrapRuns', () => {
  it('wraps at spaces across runs and keeps each stretch in its tone', () => {
    const lines = wrapRuns(
      [
        { text: 'Dia bawa ', tone: 'plain' },
        { text: 'leaflet', tone: 'match' },
        { text: ' bergambar 📄, jadi saya langsung ngerti.', tone: 'plain' },
      ],
      20,
    );
    expect(plain(lines)).toEqual(['Dia bawa leaflet', 'bergambar 📄, jadi', 'saya langsung', 'ngerti.']);
    expect(lines[0]).toEqual([{ text: 'Dia bawa ', tone: 'plain' }, { text: 'leaflet', tone: 'match' }]);
  });

  it('keeps line breaks, collapses spaces and cuts a word longer than the line', () => {
    expect(plain(wrapRuns([{ text: 'satu  dua\ntiga sangatpanjangsekali', tone: 'dim' }], 8))).toEqual(['satu dua', 'tiga', 'sangatpa', 'njangsek', 'ali']);
    expect(plain(wrapRuns([], 10))).toEqual(['']);
  });

  it('never makes a line wider than asked and loses no word (property)', () => {
    const word = fc.stringMatching(/^[a-zA-Z😀é]{1,12}$/);
    fc.assert(
      fc.property(fc.array(fc.record({ words: fc.array(word, { maxLength: 6 }), tone: fc.constantFrom('plain' as const, 'dim' as const, 'match' as const) })), fc.integer({ min: 4, max: 40 }), (parts, width) => {
        const runs = parts.map((p) => ({ text: `${p.words.join(' ')} `, tone: p.tone }));
        const lines = wrapRuns(runs, width);
        for (const line of lines) expect(runsWidth(line)).toBeLessThanOrEqual(width);
        const text = (s: string): string => s.replace(/\s+/g, '');
        expect(text(plain(lines).join(''))).toBe(text(runs.map((r) => r.text).join('')));
      }),
    );
  });
});
