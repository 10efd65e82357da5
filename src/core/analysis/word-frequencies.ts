/**
 * Word frequencies for `telaah stats words`: turns are fed one at a time and only the tally is kept,
 * so a corpus of any size costs its vocabulary, not its text. Words are the auto-coder's (tokenize.ts);
 * numbers, single characters and (unless kept) stop-words are left out; with stemmers, words are counted
 * by stem, Indonesian turns with the Indonesian stemmer and English ones with Porter.
 */
import type { Language } from '../codebook/types.js';
import type { Stemmers } from '../coding/stemmers.js';
import { WordTally, type WordTallyData } from '../coding/word-tally.js';

/** How words are counted. */
export interface WordCountOptions {
  /** Lower-cased forms to leave out; null counts every word. */
  stopWords: ReadonlySet<string> | null;
  /** Count stems rather than word forms. */
  stemmers: Stemmers | null;
}

/** One word (or stem) of the result. */
export interface WordFrequency {
  word: string;
  count: number;
  /** Its share of the words counted (0-1). */
  share: number;
  /** With stems: the word forms counted under it, commonest first (at most five). */
  forms?: { form: string; count: number }[];
}

/** The tally, as `stats words --json` gives it. */
export interface WordFrequencies {
  unit: 'word' | 'stem';
  turns: number;
  /** Every word of those turns. */
  words: number;
  /** The words counted: without numbers, single characters and stop-words. */
  counted: number;
  /** Distinct words (or stems) among them. */
  distinct: number;
  top: WordFrequency[];
}

/** What a counter has seen, as plain data: for counting a share of the turns in another thread. */
export interface WordCountData {
  turns: number;
  tally: WordTallyData;
}

const LETTER = /\p{L}/u;
const ID = 0;
const EN = 1;

/** Counts words turn by turn. */
export class WordCounter {
  /** Every word form, in a column per language; whether it counts is decided once, at the end. */
  private readonly tally = new WordTally(2);
  private turns = 0;

  constructor(private readonly options: WordCountOptions) {}

  /** Counts the words of `text` between two UTF-16 offsets, a turn spoken in `language`. */
  addTurn(text: string, start: number, end: number, language: Language): void {
    this.tally.add(text, start, end, language === 'en' ? EN : ID);
    this.turns++;
  }

  /** What this counter has seen, for merge() elsewhere. */
  data(): WordCountData {
    return { turns: this.turns, tally: this.tally.data() };
  }

  /** Adds what another counter has seen (its data()); stop-words and stems apply only in result(). */
  merge(other: WordCountData): void {
    this.tally.merge(other.tally);
    this.turns += other.turns;
  }

  /** The `top` commonest words (or stems), most frequent first, ties in alphabetical order. */
  result(top: number): WordFrequencies {
    const stemmers = this.options.stemmers;
    const entries = this.countedForms();
    const counted = entries.reduce((sum, e) => sum + e.id + e.en, 0);
    const tallies = stemmers ? byStem(entries, stemmers) : entries.map((e) => ({ word: e.form, count: e.id + e.en, forms: null }));
    tallies.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    const share = (count: number): number => (counted ? Math.round((count / counted) * 1e5) / 1e5 : 0);
    return {
      unit: stemmers ? 'stem' : 'word',
      turns: this.turns,
      words: this.tally.words,
      counted,
      distinct: tallies.length,
      top: tallies.slice(0, Math.max(0, top)).map((t) => ({ word: t.word, count: t.count, share: share(t.count), ...(t.forms ? { forms: commonest(t.forms, 5) } : {}) })),
    };
  }

  /** The forms that count (not numbers, single characters or stop-words) with their counts per language. */
  private countedForms(): FormCount[] {
    const { tally } = this;
    const stopWords = this.options.stopWords;
    const entries: FormCount[] = [];
    tally.forms.forEach((form, k) => {
      if (form.length < 2 || !LETTER.test(form) || (stopWords?.has(form) ?? false)) return;
      entries.push({ form, id: tally.count(k, ID), en: tally.count(k, EN) });
    });
    return entries;
  }
}

/** A counted word form and how often it was seen in Indonesian and in English turns. */
interface FormCount {
  form: string;
  id: number;
  en: number;
}

/** The counted forms gathered by stem, Indonesian ones by the Indonesian stemmer and English ones by Porter. */
function byStem(entries: FormCount[], stemmers: Stemmers): { word: string; count: number; forms: Map<string, number> }[] {
  const stems = new Map<string, { word: string; count: number; forms: Map<string, number> }>();
  const add = (stem: string, form: string, count: number): void => {
    let tally = stems.get(stem);
    if (!tally) stems.set(stem, (tally = { word: stem, count: 0, forms: new Map() }));
    tally.count += count;
    tally.forms.set(form, (tally.forms.get(form) ?? 0) + count);
  };
  for (const e of entries) {
    if (e.id > 0) add(stemmers.id(e.form), e.form, e.id);
    if (e.en > 0) add(stemmers.en(e.form), e.form, e.en);
  }
  return [...stems.values()];
}

/** The `n` commonest forms, ties in alphabetical order. */
function commonest(forms: Map<string, number>, n: number): { form: string; count: number }[] {
  return [...forms]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, n)
    .map(([form, count]) => ({ form, count }));
}
