import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUOTE_LIMIT, shortenQuote } from './shorten-quote.js';

const codePoints = (s: string): number => Array.from(s).length;

describe('shortenQuote', () => {
  it('keeps a short quote, trimmed and on one line', () => {
    expect(shortenQuote('  Saya belum pernah\n  dengar soal BPJS.  ')).toBe('Saya belum pernah dengar soal BPJS.');
  });

  it('cuts a long quote at the last word boundary and ends it with …', () => {
    const words = Array.from({ length: 40 }, (_, i) => `kata${i}`).join(' ');
    const out = shortenQuote(words);
    expect(out.endsWith('…')).toBe(true);
    expect(codePoints(out)).toBeLessThanOrEqual(QUOTE_LIMIT);
    const kept = out.slice(0, -1).split(' ');
    // Every kept word is whole.
    expect(kept.every((w, i) => w === `kata${i}`)).toBe(true);
  });

  it('uses the space right at the limit as the cut', () => {
    const text = `${'a'.repeat(159)} ${'b'.repeat(10)}`;
    expect(shortenQuote(text)).toBe(`${'a'.repeat(159)}…`);
  });

  it('cuts mid-word when there is no space in the second half', () => {
    const text = `ok ${'x'.repeat(300)}`;
    expect(shortenQuote(text)).toBe(`ok ${'x'.repeat(156)}…`);
  });

  it('counts code points, so emoji are not split', () => {
    const text = '😀'.repeat(200);
    const out = shortenQuote(text);
    expect(codePoints(out)).toBe(QUOTE_LIMIT);
    expect(out).toBe(`${'😀'.repeat(159)}…`);
  });

  it('never exceeds the limit and keeps a prefix of the flattened text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const out = shortenQuote(text);
        expect(codePoints(out)).toBeLessThanOrEqual(QUOTE_LIMIT);
        const flat = text.replace(/\s+/g, ' ').trim();
        if (out.endsWith('…') && out !== flat) expect(flat.startsWith(out.slice(0, -1))).toBe(true);
        else expect(out).toBe(flat);
      }),
    );
  });
});
