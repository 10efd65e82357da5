import { describe, expect, it } from 'vitest';
import { createStemmers } from '../coding/stemmers.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { WordCounter } from './word-frequencies.js';

function count(turns: string[], options: { stop?: boolean; stems?: boolean; language?: 'id' | 'en' } = {}) {
  const counter = new WordCounter({ stopWords: options.stop === false ? null : STOP_WORDS, stemmers: options.stems ? createStemmers() : null });
  for (const turn of turns) counter.addTurn(turn, 0, turn.length, options.language ?? 'id');
  return counter;
}

describe('WordCounter', () => {
  it('counts lower-cased words, leaving out stop-words, numbers and single letters', () => {
    const result = count(['Saya nggak daftar BPJS, 35.000 sebulan itu berat.', 'Daftar di kantor? Nggak sempat, Bu. Ya udah, x.']).result(10);
    expect(result.top.map((w) => [w.word, w.count])).toEqual([
      ['daftar', 2],
      ['berat', 1],
      ['bpjs', 1],
      ['kantor', 1],
      ['sebulan', 1],
      ['sempat', 1],
    ]);
    expect(result).toMatchObject({ unit: 'word', turns: 2, words: 17, counted: 7, distinct: 6 });
    expect(result.top[0]!.share).toBeCloseTo(2 / 7, 4);
  });

  it('counts only the range it is given', () => {
    const text = 'Pewawancara: Kenapa? Pemulung: Takut ditipu, takut sekali.';
    const counter = new WordCounter({ stopWords: STOP_WORDS, stemmers: null });
    counter.addTurn(text, text.indexOf('Takut'), text.length, 'id');
    expect(counter.result(5).top).toEqual([
      { word: 'takut', count: 2, share: 0.66667 },
      { word: 'ditipu', count: 1, share: 0.33333 },
    ]);
  });

  it('keeps stop-words when asked', () => {
    expect(count(['yang yang kartu'], { stop: false }).result(1).top[0]).toMatchObject({ word: 'yang', count: 2 });
  });

  it('counts Indonesian stems with their commonest forms', () => {
    const result = count(['Saya mendaftar kemarin.', 'Pendaftaran susah, tapi akhirnya didaftarkan juga.', 'Daftar ulang.'], { stems: true }).result(1);
    expect(result.unit).toBe('stem');
    expect(result.top[0]).toMatchObject({ word: 'daftar', count: 4 });
    expect(result.top[0]!.forms!.map((f) => f.form)).toEqual(['daftar', 'didaftarkan', 'mendaftar', 'pendaftaran']);
  });

  it('stems English turns with Porter', () => {
    const result = count(['Volunteers helped; helping workers register.'], { stems: true, language: 'en' }).result(1);
    expect(result.top[0]).toMatchObject({ word: 'help', count: 2, forms: [{ form: 'helped', count: 1 }, { form: 'helping', count: 1 }] });
  });

  it('lists ties in alphabetical order and no more than asked', () => {
    const result = count(['kartu iuran kartu iuran ojol']).result(2);
    expect(result.top.map((w) => w.word)).toEqual(['iuran', 'kartu']);
    expect(result.distinct).toBe(3);
  });

  it('is empty for no turns', () => {
    expect(count([]).result(30)).toEqual({ unit: 'word', turns: 0, words: 0, counted: 0, distinct: 0, top: [] });
  });
});
