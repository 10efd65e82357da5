import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../codebook/parse-codebook.js';
import { compileCoder } from '../coding/auto-coder.js';
import { createStemmers } from '../coding/stemmers.js';
import { findTermRanges, mergeRanges } from './find-term-ranges.js';

const stemmers = createStemmers();
const marked = (text: string, ranges: { start: number; end: number }[]): string =>
  ranges.reduceRight((t, r) => `${t.slice(0, r.start)}[${t.slice(r.start, r.end)}]${t.slice(r.end)}`, text);

describe('findTermRanges', () => {
  it('marks the words the auto-coder reported for the fixture codebook', () => {
    const yaml = readFileSync(new URL('../../../test/fixtures/codebooks/mini.yaml', import.meta.url), 'utf8');
    const { codebook } = parseCodebook(yaml);
    const coder = compileCoder(codebook!, stemmers);
    const text = 'Saya sudah, sejak ada pojok pendaftaran di pasar. Dibantu isi formulir, formulirnya dua.';
    const matches = coder.code(text);
    expect(matches.map((m) => m.code)).toEqual(['strategy/registration-assistance']);
    const m = matches[0]!;
    expect(marked(text, findTermRanges(text, m.terms, stemmers, m))).toBe('Saya sudah, sejak ada [pojok pendaftaran] di pasar. Dibantu isi [formulir], [formulirnya] dua.');
  });

  it.each([
    ['stems in either language', ['daftar'], 'Saya mendaftar, dia sudah terdaftar.', 'Saya [mendaftar], dia sudah [terdaftar].'],
    ['English stems', ['registration'], 'Registrations open; registered later.', '[Registrations] open; registered later.'],
    ['an exact phrase only as written', ['"kartu peserta"'], 'Kartu peserta hilang, kartu-kartu peserta juga.', '[Kartu peserta] hilang, kartu-kartu peserta juga.'],
    ['a prefix', ['iur*'], 'Iurannya naik; iuran lagi.', '[Iurannya] naik; [iuran] lagi.'],
    ['a regex label', ['/\\d+ ribu/'], 'Cuma 16 ribu, atau 20 ribu.', 'Cuma [16 ribu], atau [20 ribu].'],
    ['a regex that no longer compiles', ['/(/'], 'Teks (biasa).', 'Teks (biasa).'],
  ])('finds %s', (_what, terms, text, expected) => {
    expect(marked(text, findTermRanges(text, terms, stemmers))).toBe(expected);
  });

  it('keeps UTF-16 offsets past emoji', () => {
    const text = 'Dia bawa 📄 leaflet.';
    expect(marked(text, findTermRanges(text, ['leaflet'], stemmers))).toBe('Dia bawa 📄 [leaflet].');
  });

  it('merges overlapping and touching ranges', () => {
    expect(mergeRanges([{ start: 5, end: 8 }, { start: 0, end: 2 }, { start: 2, end: 3 }, { start: 7, end: 10 }, { start: 4, end: 4 }])).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 10 },
    ]);
  });
});
