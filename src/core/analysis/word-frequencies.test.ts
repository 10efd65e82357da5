import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStemmers, type Stemmers } from '../coding/stemmers.js';
import { tokenize } from '../coding/tokenize.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { WordCounter, type WordFrequencies } from './word-frequencies.js';

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

  it('merges what other counters saw as if it had counted it itself', () => {
    const turns = ['Saya daftar BPJS.', 'Daftar ulang, bayar iuran.', 'I paid the fee.', 'Iuran naik; daftar lagi.'];
    const whole = count(turns, { stems: true });
    const part = count(turns.slice(2), { stems: true, stop: false });
    const merged = count(turns.slice(0, 2), { stems: true });
    merged.merge(part.data());
    expect(merged.result(100)).toEqual(whole.result(100));
  });
});

/** What stats words gave before the fused counter: tokenize's words, then the same rules, written plainly. */
function reference(turns: { text: string; language: 'id' | 'en' }[], stopWords: ReadonlySet<string> | null, stemmers: Stemmers | null): WordFrequencies {
  let words = 0;
  const forms = new Map<string, { id: number; en: number }>();
  for (const { text, language } of turns) {
    for (const { lower } of tokenize(text)) {
      words++;
      if (lower.length < 2 || !/\p{L}/u.test(lower) || stopWords?.has(lower)) continue;
      const row = forms.get(lower) ?? { id: 0, en: 0 };
      row[language]++;
      forms.set(lower, row);
    }
  }
  const counted = [...forms.values()].reduce((n, r) => n + r.id + r.en, 0);
  const byWord = new Map<string, { count: number; forms: Map<string, number> }>();
  for (const [form, row] of forms) {
    for (const language of ['id', 'en'] as const) {
      if (row[language] === 0) continue;
      const word = stemmers ? stemmers[language](form) : form;
      const entry = byWord.get(word) ?? { count: 0, forms: new Map<string, number>() };
      entry.count += row[language];
      entry.forms.set(form, (entry.forms.get(form) ?? 0) + row[language]);
      byWord.set(word, entry);
    }
  }
  const order = (a: [string, number], b: [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const top = [...byWord].map(([word, e]) => [word, e.count] as [string, number]).sort(order);
  return {
    unit: stemmers ? 'stem' : 'word',
    turns: turns.length,
    words,
    counted,
    distinct: byWord.size,
    top: top.map(([word, n]) => ({
      word,
      count: n,
      share: Math.round((n / counted) * 1e5) / 1e5,
      ...(stemmers ? { forms: [...byWord.get(word)!.forms].sort(order).slice(0, 5).map(([form, c]) => ({ form, count: c })) } : {}),
    })),
  };
}

describe('WordCounter against the plain rule', () => {
  const piece = fc.oneof(
    fc.constantFrom('yang', 'Yang', 'daftar', 'Daftar', 'DAFTAR', 'mendaftar', 'pendaftaran', 'iuran', 'the', 'paid', 'paying', 'x', 'Rp35.000', '2020', 'e-KTP', 'don’t', "don't", 'İbu', 'ΟΔΟΣ', 'café', 'cafe\u0301', '𐐀𐐨', '👍', 'K'),
    fc.constantFrom(' ', ' ', ', ', '. ', '-', "'", '\n', '…', '—'),
  );
  const turn = fc.record({ text: fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), language: fc.constantFrom('id' as const, 'en' as const) });

  it('counts as tokenize and the rules say, with and without stop-words', () => {
    fc.assert(
      fc.property(fc.array(turn, { maxLength: 6 }), fc.boolean(), (turns, keep) => {
        const stopWords = keep ? null : STOP_WORDS;
        const counter = new WordCounter({ stopWords, stemmers: null });
        for (const t of turns) counter.addTurn(t.text, 0, t.text.length, t.language);
        expect(counter.result(Number.MAX_SAFE_INTEGER)).toEqual(reference(turns, stopWords, null));
      }),
      { numRuns: 500 },
    );
  });

  it('counts stems as the rules say, also when the turns were counted in parts and merged', () => {
    const stemmers = createStemmers();
    fc.assert(
      fc.property(fc.array(turn, { maxLength: 6 }), fc.nat(6), (turns, cut) => {
        const counter = new WordCounter({ stopWords: STOP_WORDS, stemmers });
        const other = new WordCounter({ stopWords: null, stemmers: null });
        turns.forEach((t, k) => (k < cut ? counter : other).addTurn(t.text, 0, t.text.length, t.language));
        counter.merge(other.data());
        expect(counter.result(Number.MAX_SAFE_INTEGER)).toEqual(reference(turns, STOP_WORDS, stemmers));
      }),
      { numRuns: 200 },
    );
  });
});
