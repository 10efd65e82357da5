/**
 * Word frequencies for `telaah stats words`: turns are fed one at a time and only the tally is kept,
 * so a corpus of any size costs its vocabulary, not its text. Words are the auto-coder's (tokenize.ts);
 * numbers, single characters and (unless kept) stop-words are left out; with stemmers, words are counted
 * by stem, Indonesian turns with the Indonesian stemmer and English ones with Porter.
 */
import type { Language } from '../codebook/types.js';
import type { Stemmers } from '../coding/stemmers.js';
import { createWordSpans, scanWords, WordFormTable } from '../coding/tokenize.js';

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

/** A word form seen: whether it is counted, and how often in Indonesian and in English turns. */
interface FormEntry {
  form: string;
  skip: boolean;
  id: number;
  en: number;
}

const LETTER = /\p{L}/u;

/** Counts words turn by turn. */
export class WordCounter {
  private readonly entries: FormEntry[] = [];
  private readonly forms: WordFormTable<FormEntry>;
  private readonly spans = createWordSpans();
  private turns = 0;
  private words = 0;
  private counted = 0;

  constructor(private readonly options: WordCountOptions) {
    // No limit: the table is the tally, and must never start afresh.
    this.forms = new WordFormTable((lower) => this.describe(lower), Number.POSITIVE_INFINITY);
  }

  /** Counts the words of `text` between two UTF-16 offsets, a turn spoken in `language`. */
  addTurn(text: string, start: number, end: number, language: Language): void {
    const turn = start === 0 && end === text.length ? text : text.slice(start, end);
    const spans = this.spans;
    scanWords(turn, spans);
    this.turns++;
    this.words += spans.count;
    for (let k = 0; k < spans.count; k++) {
      const entry = this.forms.lookup(turn, spans.starts[k]!, spans.ends[k]!);
      if (entry.skip) continue;
      if (language === 'en') entry.en++;
      else entry.id++;
      this.counted++;
    }
  }

  /** The `top` commonest words (or stems), most frequent first, ties in alphabetical order. */
  result(top: number): WordFrequencies {
    const stemmers = this.options.stemmers;
    const tallies = stemmers ? this.byStem(stemmers) : this.entries.filter((e) => e.id + e.en > 0).map((e) => ({ word: e.form, count: e.id + e.en, forms: null }));
    tallies.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    const share = (count: number): number => (this.counted ? Math.round((count / this.counted) * 1e5) / 1e5 : 0);
    return {
      unit: stemmers ? 'stem' : 'word',
      turns: this.turns,
      words: this.words,
      counted: this.counted,
      distinct: tallies.length,
      top: tallies.slice(0, Math.max(0, top)).map((t) => ({ word: t.word, count: t.count, share: share(t.count), ...(t.forms ? { forms: commonest(t.forms, 5) } : {}) })),
    };
  }

  private describe(lower: string): FormEntry {
    const skip = lower.length < 2 || !LETTER.test(lower) || (this.options.stopWords?.has(lower) ?? false);
    const entry = { form: lower, skip, id: 0, en: 0 };
    this.entries.push(entry);
    return entry;
  }

  private byStem(stemmers: Stemmers): { word: string; count: number; forms: Map<string, number> }[] {
    const stems = new Map<string, { word: string; count: number; forms: Map<string, number> }>();
    const add = (stem: string, form: string, count: number): void => {
      let tally = stems.get(stem);
      if (!tally) stems.set(stem, (tally = { word: stem, count: 0, forms: new Map() }));
      tally.count += count;
      tally.forms.set(form, (tally.forms.get(form) ?? 0) + count);
    };
    for (const e of this.entries) {
      if (e.id > 0) add(stemmers.id(e.form), e.form, e.id);
      if (e.en > 0) add(stemmers.en(e.form), e.form, e.en);
    }
    return [...stems.values()];
  }
}

/** The `n` commonest forms, ties in alphabetical order. */
function commonest(forms: Map<string, number>, n: number): { form: string; count: number }[] {
  return [...forms]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, n)
    .map(([form, count]) => ({ form, count }));
}
