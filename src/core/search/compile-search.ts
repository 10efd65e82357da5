/**
 * Turns search terms into the two things a search needs: the FTS5 MATCH expression that finds the units,
 * and a matcher that finds the same words again in a unit's text to highlight them. Both read the same
 * keys (search-keys.ts), so what is highlighted is what was found.
 *
 * The expression is built only from keys this module computed, each written as an FTS5 string
 * ("…", inner quotes doubled): no character of the researcher's input reaches FTS5 as syntax, so `AND`,
 * `"`, `*`, `-`, `NEAR(` or `col:` can neither fail the query nor change its meaning.
 */
import type { TextRange } from '../review/find-term-ranges.js';
import { mergeRanges } from '../review/find-term-ranges.js';
import { keysOfWord, STEM_LANGUAGES, type SearchKeys, type StemLanguage, type WordKeys } from './search-keys.js';
import type { SearchTerm } from './parse-search.js';
import type { Stemmers } from '../coding/stemmers.js';

/** How to compare words. */
export interface SearchMode {
  /** Surface words (case- and diacritic-insensitive) instead of stems. */
  exact: boolean;
  /** A unit needs one of the terms instead of all of them. */
  any: boolean;
  /** Languages whose stems count (telaah.yaml `languages`; both when none is given). */
  languages: readonly string[];
}

/** A compiled search. */
export interface CompiledSearch {
  /** For `search_index MATCH ?`. */
  expression: string;
  /** The stretches of `text` (UTF-16 offsets, sorted, merged) where a term occurs. */
  find(text: string, keys: SearchKeys): TextRange[];
}

/** The index column that holds each kind of key (m006_search). */
const COLUMN: Record<'word' | StemLanguage, string> = { word: 'words', id: 'stems_id', en: 'stems_en' };

/** One way a term can match: the key of each word in one column; a prefix compares the start of the last. */
interface KeyPath {
  key: 'word' | StemLanguage;
  keys: string[];
  prefix: boolean;
}

const ftsString = (text: string): string => `"${text.replaceAll('"', '""')}"`;

function pathsOf(term: SearchTerm, mode: SearchMode, stemmers: Stemmers): KeyPath[] {
  const keys = term.words.map((w) => keysOfWord(w, stemmers));
  if (term.kind === 'prefix') return [{ key: 'word', keys: keys.map((k) => k.word), prefix: true }];
  if (mode.exact) return [{ key: 'word', keys: keys.map((k) => k.word), prefix: false }];
  const languages = STEM_LANGUAGES.filter((l) => mode.languages.length === 0 || mode.languages.includes(l));
  return languages.map((language) => ({ key: language, keys: keys.map((k) => k[language]), prefix: false }));
}

function expressionOf(paths: readonly KeyPath[]): string {
  const parts = paths.map((p) => `${COLUMN[p.key]} : ${ftsString(p.keys.join(' '))}${p.prefix ? ' *' : ''}`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

function matchesAt(words: readonly { keys: WordKeys }[], at: number, path: KeyPath): boolean {
  const last = path.keys.length - 1;
  for (let k = 0; k <= last; k++) {
    const key = words[at + k]!.keys[path.key];
    if (path.prefix && k === last ? !key.startsWith(path.keys[k]!) : key !== path.keys[k]) return false;
  }
  return true;
}

/** Compiles parsed terms (parseSearchWords) for the index and the highlighter. */
export function compileSearch(terms: readonly SearchTerm[], mode: SearchMode, stemmers: Stemmers): CompiledSearch {
  const paths = terms.map((t) => pathsOf(t, mode, stemmers));
  const expression = paths.map(expressionOf).join(mode.any ? ' OR ' : ' AND ');
  return {
    expression,
    find(text, keys) {
      const words = keys.wordsOf(text);
      const found: TextRange[] = [];
      for (const termPaths of paths) {
        for (const path of termPaths) {
          const length = path.keys.length;
          for (let i = 0; i + length <= words.length; i++) {
            if (matchesAt(words, i, path)) found.push({ start: words[i]!.start, end: words[i + length - 1]!.end });
          }
        }
      }
      return mergeRanges(found);
    },
  };
}
