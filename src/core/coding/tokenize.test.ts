import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWordSpans, lowerWord, scanWords, tokenize, WordFormTable } from './tokenize.js';

const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const surfaces = (text: string): string[] => tokenize(text).map((t) => t.surface);

describe('tokenize', () => {
  it.each([
    ['Indonesian speech', 'Saya sudah daftar, Bu. Iurannya 16.800 sebulan!', ['Saya', 'sudah', 'daftar', 'Bu', 'Iurannya', '16.800', 'sebulan']],
    ['reduplication keeps its hyphen', 'Ibu-ibu pemulung datang satu-satu.', ['Ibu-ibu', 'pemulung', 'datang', 'satu-satu']],
    ['e-KTP and JMO', 'Pakai e-KTP, lalu aplikasi JMO.', ['Pakai', 'e-KTP', 'lalu', 'aplikasi', 'JMO']],
    ['English contractions', "I don't know, they can't say.", ['I', "don't", 'know', 'they', "can't", 'say']],
    ['a typographic apostrophe', 'We don’t trust it', ['We', 'don’t', 'trust', 'it']],
    ["Jum'at", "Hari Jum'at kami rapat", ['Hari', "Jum'at", 'kami', 'rapat']],
    ['hyphens and apostrophes at the edges are not words', "-kata- 'kutip' --", ['kata', 'kutip']],
    ['a dash between words splits them', 'daftar - bayar -- klaim', ['daftar', 'bayar', 'klaim']],
    ['digit groups stay one word; a sentence dot after a digit does not', 'Rp35.000, tahun 2020. Lalu 1,5 juta', ['Rp35.000', 'tahun', '2020', 'Lalu', '1,5', 'juta']],
    ['emoji are not words', 'Mantap 👍🏽 sekali 🇮🇩 ya 1️⃣', ['Mantap', 'sekali', 'ya', '1']],
    ['a ZWJ emoji sequence between words', 'ibu👩‍👩‍👧anak', ['ibu', 'anak']],
    ['combining marks stay inside the word', 'cafe\u0301 nai\u0308ve', ['cafe\u0301', 'nai\u0308ve']],
    ['a combining mark cannot start a word', '\u0301abc', ['abc']],
    ['other scripts', 'Ελληνικά русский 日本語', ['Ελληνικά', 'русский', '日本語']],
    ['astral letters', '𝒜𝒷𝒸 and 𐐀𐐨', ['𝒜𝒷𝒸', 'and', '𐐀𐐨']],
    ['underscores and symbols split', 'a_b c+d e@f', ['a', 'b', 'c', 'd', 'e', 'f']],
    ['empty text', '', []],
  ])('%s', (_name, text, expected) => {
    expect(surfaces(text)).toEqual(expected);
  });

  it('gives UTF-16 offsets and lower-cased forms', () => {
    const text = '👍 Saya DAFTAR e-KTP, don’t İstanbul';
    const tokens = tokenize(text);
    expect(tokens.map((t) => [t.lower, t.start, t.end])).toEqual([
      ['saya', 3, 7],
      ['daftar', 8, 14],
      ['e-ktp', 15, 20],
      ["don't", 22, 27],
      ['i̇stanbul', 28, 36],
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.surface);
  });

  it('words cover every letter and digit, in order, without overlap', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', '-', "'", '’', '.', ',', 'é', '\u0301', '👍', '\ufe0f', 'İ', '\n') }), (text) => {
        const tokens = tokenize(text);
        let previous = 0;
        for (const t of tokens) {
          expect(t.start).toBeGreaterThanOrEqual(previous);
          expect(t.end).toBeGreaterThan(t.start);
          expect(text.slice(t.start, t.end)).toBe(t.surface);
          expect(t.lower).toBe(lowerWord(t.surface));
          expect(/^[\p{L}\p{N}]/u.test(t.surface)).toBe(true);
          expect(/[\p{L}\p{N}\p{M}]$/u.test(t.surface)).toBe(true);
          previous = t.end;
        }
        const outside = tokens.reduceRight((rest, t) => rest.slice(0, t.start) + ' '.repeat(t.end - t.start) + rest.slice(t.end), text);
        expect(/[\p{L}\p{N}]/u.test(outside)).toBe(false);
      }),
    );
  });

  it('never throws on arbitrary text, including lone surrogates', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: utf16Unit })), (text) => {
        for (const t of tokenize(text)) expect(t.end).toBeLessThanOrEqual(text.length);
      }),
    );
  });
});

describe('scanWords', () => {
  it('marks clause breaks between words', () => {
    const spans = createWordSpans(2);
    scanWords('tidak, saya; mau. daftar! ya? oke: lalu… terus\nbaru - juga 1.000 x', spans);
    const breaks = Array.from(spans.breaks.subarray(0, spans.count));
    // tidak , saya ; mau . daftar ! ya ? oke : lalu … terus \n baru - juga 1.000 x
    expect(breaks).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
  });

  it('grows its arrays and reuses them', () => {
    const spans = createWordSpans(1);
    scanWords('satu dua tiga empat lima enam tujuh', spans);
    expect(spans.count).toBe(7);
    scanWords('delapan', spans);
    expect(spans.count).toBe(1);
    expect([spans.starts[0], spans.ends[0], spans.breaks[0]]).toEqual([0, 7, 0]);
  });
});

describe('WordFormTable', () => {
  it('looks ranges up by their lower-cased form and describes each form once', () => {
    const seen: string[] = [];
    const table = new WordFormTable((lower) => {
      seen.push(lower);
      return lower.length;
    });
    const text = 'Daftar DAFTAR daftar don’t don\'t ΟΔΟΣ οδος İzin';
    for (const t of tokenize(text)) expect(table.lookup(text, t.start, t.end)).toBe(t.lower.length);
    expect(seen).toEqual(['daftar', "don't", 'οδος', 'i̇zin']);
  });

  it('agrees with a Map keyed by lowerWord, through growth and reset', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'é', 'É', 'Σ', 'ς', 'İ', 'i', '’', "'", '𐐀', '𐐨'), minLength: 1, maxLength: 4 }), { maxLength: 300 }),
        (words) => {
          const table = new WordFormTable((lower) => ({ lower }), 50);
          const text = words.join(' ');
          let at = 0;
          for (const word of words) {
            expect(table.lookup(text, at, at + word.length).lower).toBe(lowerWord(word));
            at += word.length + 1;
          }
        },
      ),
    );
  });

  it("looks each word up as it scans, by the hash it takes, in the entries the word's range finds", () => {
    const unit = fc.constantFrom('a', 'A', 'é', 'É', 'Σ', 'ς', 'İ', '’', "'", '-', '𐐀', '𐐨', '1', '.', ',', ' ', '\u0301', '👍🏽');
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 40 }), { maxLength: 20 }), (texts) => {
        const forms: string[] = [];
        const table = new WordFormTable((lower) => {
          forms.push(lower);
          return { lower };
        }, 40);
        const filler = { lower: '' };
        const lookup = { table, values: [filler], filler };
        const spans = createWordSpans(2);
        for (const text of texts) {
          scanWords(text, spans, 0, text.length, lookup);
          for (let k = 0; k < spans.count; k++) {
            const found = lookup.values[k]!;
            expect(found.lower).toBe(lowerWord(text.slice(spans.starts[k], spans.ends[k])));
            const described = forms.length;
            expect(table.lookup(text, spans.starts[k]!, spans.ends[k]!)).toBe(found);
            // The range finds the entry the scan's hash made: nothing is described twice.
            expect(forms.length).toBe(described);
          }
        }
        expect(lookup.values.includes(undefined as never)).toBe(false);
      }),
    );
  });
});
