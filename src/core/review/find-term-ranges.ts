/**
 * Why a code fired, shown as marks in the unit's text: the evidence span and every word that matches
 * one of the terms the auto-coder reported (AutoMatch.terms, written as compile-patterns' describeTerm
 * writes them: `word`, `"exact phrase"`, `prefix*`, `/regex/`). Stem terms are compared on Indonesian
 * and English stems both, as the label does not say which language list it came from.
 */
import type { Stemmers } from '../coding/stemmers.js';
import { tokenize, type Token } from '../coding/tokenize.js';

/** A stretch of a text in UTF-16 offsets, end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** Where the terms occur in `text`, with `span` (the evidence) added; sorted and merged. */
export function findTermRanges(text: string, terms: readonly string[], stemmers: Stemmers, span?: TextRange): TextRange[] {
  const tokens = tokenize(text);
  const ranges: TextRange[] = span && span.end > span.start ? [span] : [];
  for (const term of terms) ranges.push(...findTerm(text, tokens, term, stemmers));
  return mergeRanges(ranges);
}

/** Sorted ranges with overlapping and touching ones joined. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

type WordTest = (token: Token) => boolean;

function findTerm(text: string, tokens: readonly Token[], term: string, stemmers: Stemmers): TextRange[] {
  if (term.length > 2 && term.startsWith('/') && term.endsWith('/')) return findRegex(text, term.slice(1, -1));
  let tests: WordTest[];
  if (term.length > 2 && term.startsWith('"') && term.endsWith('"')) {
    tests = tokenize(term.slice(1, -1)).map((w) => (t) => t.lower === w.lower);
  } else if (term.endsWith('*')) {
    const words = tokenize(term.replace(/\*+$/, ''));
    tests = words.map((w, k) => (k === words.length - 1 ? (t) => t.lower.startsWith(w.lower) : (t) => t.lower === w.lower));
  } else {
    tests = tokenize(term).map((w) => {
      const id = stemmers.id(w.lower);
      const en = stemmers.en(w.lower);
      return (t) => t.lower === w.lower || stemmers.id(t.lower) === id || stemmers.en(t.lower) === en;
    });
  }
  if (tests.length === 0) return [];
  const found: TextRange[] = [];
  for (let i = 0; i + tests.length <= tokens.length; i++) {
    if (tests.every((test, k) => test(tokens[i + k]!))) found.push({ start: tokens[i]!.start, end: tokens[i + tests.length - 1]!.end });
  }
  return found;
}

function findRegex(text: string, source: string): TextRange[] {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, 'giu');
  } catch {
    // A label from an older codebook may not compile any more; the evidence span still shows.
    return [];
  }
  const found: TextRange[] = [];
  for (const m of text.matchAll(pattern)) if (m[0].length > 0) found.push({ start: m.index, end: m.index + m[0].length });
  return found;
}
