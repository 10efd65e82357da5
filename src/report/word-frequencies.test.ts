import { describe, expect, it } from 'vitest';
import type { WordFrequencies } from '../core/analysis/word-frequencies.js';
import { wordCsv, wordSummary, wordTable } from './word-frequencies.js';

const words: WordFrequencies = { unit: 'word', turns: 3, words: 20, counted: 8, distinct: 5, top: [{ word: 'iuran', count: 2, share: 0.25 }, { word: 'kartu', count: 1, share: 0.125 }] };
const stems: WordFrequencies = { ...words, unit: 'stem', top: [{ word: 'daftar', count: 3, share: 0.375, forms: [{ form: 'mendaftar', count: 2 }, { form: 'daftar', count: 1 }] }] };

describe('word frequency renderers', () => {
  it('ranks words with their count and share in percent', () => {
    expect(wordTable(words).rows).toEqual([
      [1, 'iuran', 2, '25.00'],
      [2, 'kartu', 1, '12.50'],
    ]);
  });

  it('shows the forms counted under each stem', () => {
    expect(wordTable(stems).columns.map((c) => c.title)).toEqual(['#', 'stem', 'count', '%', 'forms']);
    expect(wordTable(stems).rows[0]).toEqual([1, 'daftar', 3, '37.50', 'mendaftar 2, daftar 1']);
    expect(wordCsv(stems)).toEqual({ header: ['rank', 'stem', 'count', 'share', 'forms'], rows: [[1, 'daftar', 3, 0.375, 'mendaftar 2; daftar 1']] });
  });

  it('says what was counted', () => {
    expect(wordSummary(words, true, 200)).toBe('8 of 20 words in 3 turns counted (numbers, single letters and Indonesian and English stop-words left out); 5 distinct words; % of the words counted\n');
    expect(wordSummary(words, false, 40).split('\n').every((line) => line.length <= 40)).toBe(true);
  });
});
