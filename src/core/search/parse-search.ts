/**
 * What `telaah search` was asked for, read from its arguments. Each argument is a word, or a phrase
 * when it holds several words (`telaah search "kartu keluarga"`: the shell's quotes make one argument).
 * Double quotes inside an argument delimit phrases and leave the rest single words
 * (`'"kartu keluarga" iuran'`); a word ending in `*` is a prefix of surface words (`daft*`). Nothing
 * else is syntax: AND, OR, NEAR, `-` or `:` are words or nothing, never operators.
 */
import { InputError } from '../../errors.js';
import { lowerWord, tokenize } from '../coding/tokenize.js';

/** One thing to find: a word, adjacent words, or the start of a word. */
export interface SearchTerm {
  kind: 'word' | 'phrase' | 'prefix';
  /** Lower-cased words, in order (one for a word or a prefix). */
  words: string[];
  /** As the researcher wrote it (a phrase in quotes, a prefix with its star), for messages. */
  label: string;
}

/** A prefix shorter than this would gather most of the vocabulary. */
export const MIN_PREFIX = 3;

function wordsOf(text: string): string[] {
  return tokenize(text.normalize('NFC')).map((t) => lowerWord(t.surface));
}

function termOf(words: string[]): SearchTerm | undefined {
  if (words.length === 0) return undefined;
  return words.length === 1 ? { kind: 'word', words, label: words[0]! } : { kind: 'phrase', words, label: `"${words.join(' ')}"` };
}

/** Terms from the part of an argument outside quotes: whitespace separates them. */
function looseTerms(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const chunk of text.split(/\s+/)) {
    if (!chunk) continue;
    const words = wordsOf(chunk);
    if (/\*$/.test(chunk) && words.length === 1) {
      const prefix = words[0]!;
      if ([...prefix].length < MIN_PREFIX) {
        throw new InputError(`the prefix "${chunk}" is too short`, { hint: `Give at least ${MIN_PREFIX} letters before the *, e.g. daft*` });
      }
      terms.push({ kind: 'prefix', words, label: `${prefix}*` });
      continue;
    }
    // A chunk such as BPJS/TK is several words written together: they must stand together.
    const term = termOf(words);
    if (term) terms.push(term);
  }
  return terms;
}

/** The terms of the search arguments; throws InputError when a quote is not closed or nothing is left to find. */
export function parseSearchWords(args: readonly string[]): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const arg of args) {
    if (!arg.includes('"')) {
      const loose = looseTerms(arg);
      // Several words in one argument were quoted for the shell: they are a phrase.
      const phrase = loose.length > 1 && loose.every((t) => t.kind !== 'prefix') ? termOf(loose.flatMap((t) => t.words)) : undefined;
      terms.push(...(phrase ? [phrase] : loose));
      continue;
    }
    const parts = arg.split('"');
    if (parts.length % 2 === 0) {
      throw new InputError(`a double quote in '${arg}' is not closed`, { hint: `Close the phrase with a second " (in the shell: telaah search '"kartu keluarga" iuran')` });
    }
    parts.forEach((part, i) => {
      if (i % 2 === 0) terms.push(...looseTerms(part));
      else {
        const term = termOf(wordsOf(part));
        if (term) terms.push(term);
      }
    });
  }
  if (terms.length === 0) {
    throw new InputError(`nothing to search for in ${args.map((a) => JSON.stringify(a)).join(' ')}`, {
      hint: 'Give at least one word with a letter or digit, e.g. telaah search daftar',
    });
  }
  return terms;
}
