/**
 * Indonesian (Sastrawi, via natural's StemmerId) and English (Porter) stemmers, memoized per word form
 * because stemming an unseen Indonesian word costs microseconds and the coder asks for every token.
 * Only the two stemmer files are imported: natural's entry point loads the whole library.
 */
import indonesianStemmer from 'natural/lib/natural/stemmers/indonesian/stemmer_id.js';
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

/** Stem one lower-cased word form, per language. */
export interface Stemmers {
  id(word: string): string;
  en(word: string): string;
}

/** Past this many remembered forms a memo starts afresh, so a long run cannot grow it without bound. */
const MEMO_LIMIT = 500_000;

function memoize(stem: (word: string) => string): (word: string) => string {
  const memo = new Map<string, string>();
  return (word) => {
    let stemmed = memo.get(word);
    if (stemmed === undefined) {
      stemmed = stem(word);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(word, stemmed);
    }
    return stemmed;
  };
}

/** Memoized Indonesian and English stemmers (each call gets its own memo). */
export function createStemmers(): Stemmers {
  return {
    id: memoize((word) => indonesianStemmer.stem(word)),
    en: memoize((word) => porterStemmer.stem(word)),
  };
}
