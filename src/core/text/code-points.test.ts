import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodePointCounter, codePointToUtf16, countCodePoints, hasOnlyBmp, sliceCodePoints } from './code-points.js';

// Array.from splits a string into code points (lone surrogates included), which is the definition we use.
const codePointsOf = (s: string): string[] => Array.from(s);

const textWithAstral = fc.string({ unit: 'binary', maxLength: 40 });
const mixedText = fc
  .array(fc.constantFrom('a', 'é', 'e\u0301', '😀', '👍🏽', '\ud83d', '\ude00', ' ', '𝑥', 'ß'), { maxLength: 30 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(textWithAstral, mixedText);

describe('countCodePoints', () => {
  it.each([
    ['', 0],
    ['Medan', 5],
    ['café', 4],
    ['cafe\u0301', 5], // a combining mark is its own code point
    ['😀', 1],
    ['Iya 😀👍🏽!', 8], // 👍🏽 is two code points (thumb + skin tone)
    ['\ud83d', 1], // lone high surrogate
    ['\ude00x', 2], // lone low surrogate
  ])('%j has %i code points', (s, n) => {
    expect(countCodePoints(s)).toBe(n);
  });

  it('counts a sub-range, where a pair cut by the range counts as one on each side', () => {
    const s = 'a😀b';
    expect(countCodePoints(s, 0, 2)).toBe(2);
    expect(countCodePoints(s, 2, 4)).toBe(2);
    expect(countCodePoints(s, 1, 3)).toBe(1);
    expect(countCodePoints(s, -5, 99)).toBe(3);
    expect(countCodePoints(s, 3, 1)).toBe(0);
  });

  it('agrees with Array.from on arbitrary strings and ranges', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (s, a, b) => {
        const from = a % (s.length + 1);
        const to = from + (b % (s.length - from + 1));
        expect(countCodePoints(s, from, to)).toBe(codePointsOf(s.slice(from, to)).length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('codePointToUtf16 and sliceCodePoints', () => {
  it('skip over emoji as single code points', () => {
    const s = 'Senang 😀 sekali';
    expect(codePointToUtf16(s, 7)).toBe(7);
    expect(codePointToUtf16(s, 8)).toBe(9);
    expect(sliceCodePoints(s, 7, 8)).toBe('😀');
    expect(sliceCodePoints(s, 9)).toBe('sekali');
    expect(codePointToUtf16(s, 1000)).toBe(s.length);
    expect(codePointToUtf16(s, -3)).toBe(0);
  });

  it('keep combining marks as separate code points', () => {
    expect(sliceCodePoints('Jose\u0301 ok', 3, 5)).toBe('e\u0301');
  });

  it('agree with Array.from on arbitrary strings', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: -3, max: 50 }), fc.integer({ min: -3, max: 50 }), (s, start, end) => {
        const cps = codePointsOf(s);
        expect(sliceCodePoints(s, start, end)).toBe(cps.slice(Math.max(0, start), Math.max(0, end)).join(''));
        const at = Math.max(0, Math.min(start, cps.length));
        expect(codePointToUtf16(s, start)).toBe(cps.slice(0, at).join('').length);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trip with countCodePoints at every code-point boundary', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const n = countCodePoints(s);
        for (let cp = 0; cp <= n; cp++) expect(countCodePoints(s, 0, codePointToUtf16(s, cp))).toBe(cp);
      }),
    );
  });
});

describe('CodePointCounter', () => {
  it('converts increasing indexes of a text with emoji', () => {
    const s = 'A: 😀 ya\nB: 👍🏽 ok';
    const counter = new CodePointCounter(s);
    expect([0, 3, 5, 6, 9, 12, 16, s.length].map((i) => counter.at(i))).toEqual([0, 3, 4, 5, 8, 11, 13, 16]);
  });

  it('is the identity on text without surrogates', () => {
    const counter = new CodePointCounter('café e\u0301');
    expect(counter.at(4)).toBe(4);
    expect(counter.at(99)).toBe(7);
  });

  it('agrees with countCodePoints for any sequence of indexes, increasing or not', () => {
    fc.assert(
      fc.property(anyText, fc.array(fc.nat(), { maxLength: 20 }), fc.boolean(), (s, raw, sorted) => {
        const indexes = raw.map((k) => k % (s.length + 2));
        if (sorted) indexes.sort((x, y) => x - y);
        const counter = new CodePointCounter(s);
        for (const i of indexes) expect(counter.at(i)).toBe(countCodePoints(s, 0, i));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('hasOnlyBmp', () => {
  it('is false as soon as a surrogate appears', () => {
    expect(hasOnlyBmp('Rp16.800 “oke” é')).toBe(true);
    expect(hasOnlyBmp('oke 😀')).toBe(false);
  });
});
