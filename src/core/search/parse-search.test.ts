import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { parseSearchWords } from './parse-search.js';

const parsed = (...args: string[]): string[] => parseSearchWords(args).map((t) => `${t.kind}:${t.words.join(' ')}`);

describe('parseSearchWords', () => {
  it.each([
    ['words as separate arguments are words', ['daftar', 'iuran'], ['word:daftar', 'word:iuran']],
    ['several words in one argument (quoted for the shell) are a phrase', ['kartu keluarga'], ['phrase:kartu keluarga']],
    ['double quotes inside an argument delimit the phrase', ['"kartu keluarga" iuran'], ['phrase:kartu keluarga', 'word:iuran']],
    ['text after the phrase stays words', ['iuran "kartu keluarga" BPJS'], ['word:iuran', 'phrase:kartu keluarga', 'word:bpjs']],
    ['words are lower-cased', ['DAFTAR'], ['word:daftar']],
    ['a star ends a prefix', ['daft*'], ['prefix:daft']],
    ['a hyphenated word stays one word', ['e-KTP'], ['word:e-ktp']],
    ['words written together with punctuation are a phrase', ['BPJS/TK'], ['phrase:bpjs tk']],
    ['an empty phrase is nothing', ['"" daftar'], ['word:daftar']],
  ])('%s', (_name, args, expected) => {
    expect(parsed(...args)).toEqual(expected);
  });

  it.each([
    ['AND, OR and NOT are words, not operators', ['daftar', 'AND', 'iuran'], ['word:daftar', 'word:and', 'word:iuran']],
    ['FTS5 syntax is no syntax', ['col:daftar', 'NEAR(a', 'b)', '-iuran', '^x', '+y'], ['phrase:col daftar', 'phrase:near a', 'word:b', 'word:iuran', 'word:x', 'word:y']],
    ['lone symbols are dropped', ['daftar', '*', '-', '(', ')', '^'], ['word:daftar']],
  ])('%s', (_name, args, expected) => {
    expect(parsed(...args)).toEqual(expected);
  });

  it('keeps what the researcher wrote as the label', () => {
    expect(parseSearchWords(['"Kartu  Keluarga"', 'Daft*', 'Iuran']).map((t) => t.label)).toEqual(['"kartu keluarga"', 'daft*', 'iuran']);
  });

  it.each([
    ['nothing but symbols', ['*', '"-"'], /nothing to search for/],
    ['no arguments at all', [], /nothing to search for/],
    ['an unclosed quote', ['"kartu keluarga'], /double quote .* is not closed/],
    ['a prefix too short to be useful', ['da*'], /the prefix "da\*" is too short/],
  ])('refuses %s (InputError, exit 2)', (_name, args, message) => {
    expect(() => parseSearchWords(args)).toThrow(InputError);
    expect(() => parseSearchWords(args)).toThrow(message);
  });
});
