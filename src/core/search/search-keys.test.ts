import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStemmers, type Stemmers } from '../coding/stemmers.js';
import { foldWord, keysOfWord, SearchKeys } from './search-keys.js';

const stemmers = createStemmers();

describe('search keys', () => {
  it.each([
    ['daftar', 'daftar'],
    ['café', 'cafe'],
    ['cafe\u0301', 'cafe'],
    ['i̇stanbul', 'istanbul'],
    ['ñandú', 'nandu'],
    ["don't", "don't"],
    ['日本語', '日本語'],
  ])('fold %s to %s', (lower, folded) => {
    expect(foldWord(lower)).toBe(folded);
  });

  it('stem words as the auto-coder does', () => {
    expect(keysOfWord('pendaftaran', stemmers)).toEqual({ word: 'pendaftaran', id: 'daftar', en: 'pendaftaran' });
    expect(keysOfWord('didaftarkan', stemmers).id).toBe('daftar');
    expect(keysOfWord('registered', stemmers).en).toBe('regist');
  });

  it('fall back to the word when a stemmer gives nothing usable', () => {
    const odd: Stemmers = { id: () => '', en: () => 'two words' };
    expect(keysOfWord('kata', odd)).toEqual({ word: 'kata', id: 'kata', en: 'kata' });
  });

  it('give one key per word in each column, in order', () => {
    const keys = new SearchKeys(stemmers);
    expect(keys.unitKeys('Saya MENDAFTAR e-KTP, 16.800 👍 Café!')).toEqual({
      words: 'saya mendaftar e-ktp 16.800 cafe',
      id: 'saya daftar e-ktp 16.800 cafe',
      en: 'saya mendaftar e-ktp 16.800 cafe',
      count: 5,
    });
    expect(keys.unitKeys('👍 … !')).toEqual({ words: '', id: '', en: '', count: 0 });
  });

  it('never put a space or ASCII punctuation the index would split on inside a key', () => {
    const keys = new SearchKeys(stemmers);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', '-', "'", '’', '.', ',', 'é', '\u0301', '👍', 'İ', '"', '*', '(', ':', '\n', 'ß', 'ǅ') }), (text) => {
        const k = keys.unitKeys(text);
        for (const column of [k.words, k.id, k.en]) {
          const split = column === '' ? [] : column.split(' ');
          expect(split).toHaveLength(k.count);
          for (const key of split) expect(key).toMatch(/^[^\x00-\x26\x28-\x2b\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+$/u);
        }
      }),
    );
  });
});
