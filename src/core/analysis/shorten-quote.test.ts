import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUOTE_LIMIT, shortenAtSentence, shortenQuote } from './shorten-quote.js';

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

describe('shortenAtSentence', () => {
  const turn = 'Awalnya saya nggak percaya sama sekali. Uang iuran itu katanya hilang saja kalau nggak klaim. Tapi Bu Rahma jelasin pelan-pelan. Sekarang saya sudah daftar.';

  it('keeps a unit within the limit whole, on one line', () => {
    expect(shortenAtSentence('Saya sudah daftar.\n  Bulan lalu.', 100)).toBe('Saya sudah daftar. Bulan lalu.');
  });

  it('keeps the first whole sentences that fit and marks the cut', () => {
    expect(shortenAtSentence(turn, 100)).toBe('Awalnya saya nggak percaya sama sekali. Uang iuran itu katanya hilang saja kalau nggak klaim. …');
    expect(shortenAtSentence(turn, 60)).toBe('Awalnya saya nggak percaya sama sekali. …');
  });

  it('cuts at a word only when the first sentence alone is too long', () => {
    const long = `${'kata '.repeat(40).trim()}. Kalimat kedua.`;
    expect(shortenAtSentence(long, 160)).toBe(`${'kata '.repeat(32).trim()}…`);
  });

  it('never exceeds the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 20, max: 200 }), (text, limit) => {
        expect(codePoints(shortenAtSentence(text, limit))).toBeLessThanOrEqual(limit);
      }),
    );
  });
});
