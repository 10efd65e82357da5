import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWordSpans, lowerWord, scanWords } from './tokenize.js';
import { WordTally } from './word-tally.js';

/** What the tally must hold: scanWords' words of each range, lowered by lowerWord, per column. */
function expected(ranges: { text: string; start: number; end: number; column: number }[]): Map<string, number[]> {
  const spans = createWordSpans(4);
  const counts = new Map<string, number[]>();
  for (const { text, start, end, column } of ranges) {
    const turn = text.slice(start, end);
    scanWords(turn, spans);
    for (let k = 0; k < spans.count; k++) {
      const form = lowerWord(turn.slice(spans.starts[k], spans.ends[k]));
      const row = counts.get(form) ?? [0, 0];
      row[column]! += 1;
      counts.set(form, row);
    }
  }
  return counts;
}

function tallied(tally: WordTally): Map<string, number[]> {
  return new Map(tally.forms.map((form, id) => [form, [tally.count(id, 0), tally.count(id, 1)]]));
}

function tallyOf(ranges: { text: string; start: number; end: number; column: number }[]): WordTally {
  const tally = new WordTally(2);
  for (const { text, start, end, column } of ranges) tally.add(text, start, end, column);
  return tally;
}

/** Characters that exercise every branch of the rule: ASCII letters and digits, joiners and separators,
 * accented and combining letters, İ and Σ (no unit-by-unit lower case), the Kelvin sign (lowers to ASCII),
 * astral letters with case, emoji with selectors and joiners, lone surrogates. */
const MIXED = [
  'a', 'b', 'k', 'Z', 'K', 'S', '0', '9', ' ', ' ', '\n', '-', "'", '.', ',', ';', '’', '‐', '…', '_',
  'é', 'É', 'ñ', 'Ü', 'ß', 'ẞ', 'ı', 'İ', 'Σ', 'σ', 'ς', 'K', 'Å', 'Ж', 'ж', '日', '٣', '²',
  '\u0301', '\u0308', '\u20e3', '\ufe0f', '\u200d', '👍', '🏽', '𝒜', '𐐀', '𐐨', '\ud801', '\udc00',
];
const unit = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...MIXED) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
);
const text = fc.array(unit, { maxLength: 60 }).map((units) => units.join(''));
/** A text and a range of it, with a column. */
const range = text.chain((t) =>
  fc.tuple(fc.nat({ max: t.length }), fc.nat({ max: t.length }), fc.integer({ min: 0, max: 1 })).map(([a, b, column]) => ({
    text: t,
    start: Math.min(a, b),
    end: Math.max(a, b),
    column,
  })),
);

describe('WordTally', () => {
  it('counts what scanWords finds, lowered by lowerWord, on random text and ranges', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 8 }), (ranges) => {
        const tally = tallyOf(ranges);
        const want = expected(ranges);
        expect(tallied(tally)).toEqual(want);
        expect(tally.words).toBe([...want.values()].reduce((sum, [a, b]) => sum + a! + b!, 0));
      }),
      { numRuns: 3000 },
    );
  });

  it('tells apart near-identical words of a small alphabet (each form is one key, each key one form)', () => {
    const small = fc.array(fc.constantFrom('a', 'B', '1', '2', '-', "'", '.', ',', ' ', ' ', '’', 'é'), { maxLength: 40 }).map((u) => u.join(''));
    fc.assert(
      fc.property(fc.array(small, { maxLength: 6 }), (texts) => {
        const ranges = texts.map((t) => ({ text: t, start: 0, end: t.length, column: 0 }));
        expect(tallied(tallyOf(ranges))).toEqual(expected(ranges));
      }),
      { numRuns: 2000 },
    );
  });

  it('merges another tally as if it had counted its ranges itself', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 8 }), fc.nat(8), (ranges, cut) => {
        const tally = tallyOf(ranges.slice(0, cut));
        tally.merge(tallyOf(ranges.slice(cut)).data());
        expect(tallied(tally)).toEqual(expected(ranges));
        expect(tally.words).toBe(tallyOf(ranges).words);
      }),
      { numRuns: 500 },
    );
  });

  it('matches on whole texts of mostly ASCII words with a few other characters', () => {
    const word = fc.oneof(
      { weight: 8, arbitrary: fc.stringMatching(/^[A-Za-z]{1,8}$/) },
      { weight: 2, arbitrary: fc.stringMatching(/^[a-cA-C]{12,19}$/) },
      { weight: 2, arbitrary: fc.stringMatching(/^[0-9]{1,3}([.,][0-9]{3})?$/) },
      { weight: 2, arbitrary: fc.array(fc.constantFrom(...MIXED), { minLength: 1, maxLength: 4 }).map((u) => u.join('')) },
    );
    const sep = fc.constantFrom(' ', ' ', ', ', '. ', '\n', '-', "'", '’', ' — ', '…');
    const texts = fc.array(fc.tuple(word, sep), { maxLength: 40 }).map((pairs) => pairs.flat().join(''));
    fc.assert(
      fc.property(fc.array(texts, { maxLength: 4 }), (all) => {
        const ranges = all.map((t, k) => ({ text: t, start: 0, end: t.length, column: k % 2 }));
        expect(tallied(tallyOf(ranges))).toEqual(expected(ranges));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['Indonesian speech', 'Saya sudah daftar, Bu. Iurannya 16.800 sebulan! SAYA saya', { saya: 3, sudah: 1, daftar: 1, bu: 1, iurannya: 1, '16.800': 1, sebulan: 1 }],
    ['joiners between word characters only', "Ibu-ibu e-KTP don’t don't -kata- 'kutip' a--b", { 'ibu-ibu': 1, 'e-ktp': 1, "don't": 2, kata: 1, kutip: 1, a: 1, b: 1 }],
    ['digit separators between ASCII digits only', 'Rp35.000, 2020. 1,5 a.b ٣.٣', { 'rp35.000': 1, '2020': 1, '1,5': 1, a: 1, b: 1, '٣': 2 }],
    ['a joiner or separator is part of the form', "e-KTP eKTP don't dont 35.000 35000 1,5 15", { 'e-ktp': 1, ektp: 1, "don't": 1, dont: 1, '35.000': 1, '35000': 1, '1,5': 1, '15': 1 }],
    ['İ, final sigma and the Kelvin sign', 'İstanbul ΟΔΟΣ Kartu kartu', { 'i̇stanbul': 1, 'οδος': 1, kartu: 2 }],
    ['combining marks and astral letters', 'cafe\u0301 CAFE\u0301 𐐀𐐨 👍 1️⃣', { 'cafe\u0301': 2, '𐐨𐐨': 1, '1': 1 }],
  ])('%s', (_name, input, counts) => {
    const tally = tallyOf([{ text: input, start: 0, end: input.length, column: 0 }]);
    expect(Object.fromEntries(tally.forms.map((form, id) => [form, tally.count(id)]))).toEqual(counts);
  });

  it('tells apart long words that differ only in their first characters', () => {
    const words = ['abcdefghijklmno', 'xbcdefghijklmno', 'Xabcdefghijklmno', 'yabcdefghijklmno', 'kesejahteraannya', 'kesejahteraan-nya', 'mempertanggungjawabkan', 'Mempertanggungjawabkan'];
    const input = words.join(' ');
    expect(tallied(tallyOf([{ text: input, start: 0, end: input.length, column: 0 }]))).toEqual(expected([{ text: input, start: 0, end: input.length, column: 0 }]));
    expect(tallyOf([{ text: input, start: 0, end: input.length, column: 0 }]).forms).toHaveLength(7);
  });

  it('reads only the range it is given, and a pair cut by its end as two units', () => {
    const input = 'Kata awal 𐐀 akhir';
    const tally = tallyOf([{ text: input, start: 5, end: input.indexOf('𐐀') + 1, column: 1 }]);
    expect(tallied(tally)).toEqual(new Map([['awal', [0, 1]]]));
    expect(tallied(tally)).toEqual(expected([{ text: input, start: 5, end: input.indexOf('𐐀') + 1, column: 1 }]));
  });

  it('keeps counting past many forms (the table grows, never starts afresh)', () => {
    const words = Array.from({ length: 5000 }, (_, k) => `kata${k.toString(36)}x`);
    const input = [...words, ...words.map((w) => w.toUpperCase())].join(' ');
    const tally = tallyOf([{ text: input, start: 0, end: input.length, column: 0 }]);
    expect(tally.forms).toHaveLength(5000);
    expect(tally.forms.every((_, id) => tally.count(id) === 2)).toBe(true);
  });
});
