/**
 * The forms a word is indexed and searched under: its surface form folded (lower case, no diacritics)
 * for `--exact`, and its Indonesian and English stems, the auto-coder's stemmers, so that `daftar`
 * finds mendaftar, pendaftaran and didaftarkan. Stems are taken of the folded form, so that search is
 * diacritic-insensitive in both modes (Indonesian has no diacritics: there this is the coder's stem).
 *
 * The search index stores one of these keys per word and column, separated by single spaces, for an
 * FTS5 tokenizer that keeps every character a key can hold (see m006_search): positions count words
 * as tokenize.ts counts them, and a phrase is adjacent words.
 */
import type { Stemmers } from '../coding/stemmers.js';
import { createWordSpans, scanWords, WordFormTable, type WordSpans } from '../coding/tokenize.js';

/** The keys of one word form. */
export interface WordKeys {
  /** Lower case, diacritics removed. */
  word: string;
  id: string;
  en: string;
}

/** The languages stems are kept for, in the order of the index's columns. */
export const STEM_LANGUAGES = ['id', 'en'] as const;
export type StemLanguage = (typeof STEM_LANGUAGES)[number];

const ASCII_ONLY = /^[\x00-\x7f]*$/;
const MARKS = /\p{M}/gu;
/**
 * What a key may not hold: ASCII other than letters, digits and the joiners a word keeps (' - . ,),
 * which the index's tokenizer would split on. Words never do; a stemmer's output is checked.
 */
const UNSAFE = /[^A-Za-z0-9'.,\-\u0080-\u{10ffff}]/u;

/** A lower-cased word without its diacritics (é → e, i̇ → i); combining marks are dropped. */
export function foldWord(lower: string): string {
  if (ASCII_ONLY.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/** The keys of a lower-cased word form (lowerWord of tokenize.ts). */
export function keysOfWord(lower: string, stemmers: Stemmers): WordKeys {
  const word = foldWord(lower);
  const safe = (stem: string): string => (stem === '' || UNSAFE.test(stem) ? word : stem);
  return { word, id: safe(stemmers.id(word)), en: safe(stemmers.en(word)) };
}

/** One unit's keys, column by column: each a space-separated list with one key per word. */
export interface UnitKeys {
  words: string;
  id: string;
  en: string;
  /** Words in the unit (0: nothing to index). */
  count: number;
}

/**
 * Computes keys of texts, remembering each word form's keys (stemming an unseen Indonesian word costs
 * microseconds; a corpus repeats its forms millions of times).
 */
export class SearchKeys {
  private readonly forms: WordFormTable<WordKeys>;
  private readonly spans: WordSpans = createWordSpans();

  constructor(stemmers: Stemmers) {
    this.forms = new WordFormTable((lower) => keysOfWord(lower, stemmers));
  }

  /** The keys of the word at [start, end) of `text` (UTF-16 offsets). */
  keysAt(text: string, start: number, end: number): WordKeys {
    return this.forms.lookup(text, start, end);
  }

  /** The keys of every word of `text`, per column. */
  unitKeys(text: string): UnitKeys {
    const spans = this.spans;
    scanWords(text, spans);
    const words: string[] = new Array(spans.count);
    const id: string[] = new Array(spans.count);
    const en: string[] = new Array(spans.count);
    for (let k = 0; k < spans.count; k++) {
      const keys = this.forms.lookup(text, spans.starts[k]!, spans.ends[k]!);
      words[k] = keys.word;
      id[k] = keys.id;
      en[k] = keys.en;
    }
    return { words: words.join(' '), id: id.join(' '), en: en.join(' '), count: spans.count };
  }

  /** The words of `text` as [start, end) UTF-16 offsets with their keys, for highlighting. */
  wordsOf(text: string): { start: number; end: number; keys: WordKeys }[] {
    const spans = this.spans;
    scanWords(text, spans);
    const out: { start: number; end: number; keys: WordKeys }[] = new Array(spans.count);
    for (let k = 0; k < spans.count; k++) {
      const start = spans.starts[k]!;
      const end = spans.ends[k]!;
      out[k] = { start, end, keys: this.forms.lookup(text, start, end) };
    }
    return out;
  }
}
