import { describe, expect, it } from 'vitest';
import { lowerWord, tokenize } from '../coding/tokenize.js';
import { ENGLISH_STOP_WORDS, INDONESIAN_STOP_WORDS, isStopWord } from './stop-words.js';

describe('stop-words', () => {
  it.each([
    ['Indonesian', INDONESIAN_STOP_WORDS],
    ['English', ENGLISH_STOP_WORDS],
  ])('%s: each entry once, one word as the tokenizer reads it, in lower case', (_name, list) => {
    expect(new Set(list).size).toBe(list.length);
    for (const word of list) {
      expect(tokenize(word).map((t) => t.lower), word).toEqual([word]);
      expect(lowerWord(word)).toBe(word);
    }
  });

  it("has the colloquial Indonesian of the samples' transcripts", () => {
    for (const word of ['nggak', 'gak', 'udah', 'aja', 'kan', 'sih', 'ya', 'dong', 'deh', 'kok', 'nih', 'tuh', 'banget', 'gitu', 'gini', 'kayak', 'gue', 'awak', 'kagak']) {
      expect(isStopWord(word), word).toBe(true);
    }
  });

  it('has the function words of both languages', () => {
    for (const word of ['yang', 'di', 'ke', 'dari', 'dan', 'itu', 'ini', 'saya', 'tidak', 'the', 'and', 'of', 'is', "don't"]) expect(isStopWord(word), word).toBe(true);
  });

  it('keeps words that carry the themes of the study', () => {
    for (const word of ['orang', 'kerja', 'bayar', 'daftar', 'iuran', 'bpjs', 'ktp', 'percaya', 'takut', 'aplikasi', 'kader', 'registration', 'trust']) {
      expect(isStopWord(word), word).toBe(false);
    }
  });

  it('matches forms as lowerWord writes them, not other cases', () => {
    expect(isStopWord('Yang')).toBe(false);
    expect(isStopWord(lowerWord('Yang'))).toBe(true);
    expect(isStopWord(lowerWord('DON’T'))).toBe(true);
  });
});
