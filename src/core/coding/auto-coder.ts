/**
 * The auto-coder: one pass over a unit's words finds every term of every code (the trie from
 * compile-patterns), then each touched code is decided from what was found — `any` terms, `all`
 * groups, `near` windows, `not` cancellations — and regexes are tried on the unit text.
 *
 * Negation: a term occurrence is negated when a negation word stands at most `window` words before its
 * first word with no clause break (`. , ; : ! ? …` or a line break) in between; "Tidak, saya sudah
 * daftar" is not negated, "tidak mau daftar" is. Negated occurrences count for nothing (not for
 * `any`, `all` or `near`, and a regex match whose first word is negated is skipped) unless the code
 * has fireWhenNegated. `not` terms cancel the code wherever they stand, negated or not.
 *
 * Distances: a multi-word term matches consecutive words within one clause; `near … within N` holds
 * when one occurrence of every term starts within N words of the others (counted between first words,
 * punctuation ignored). Evidence runs from the first to the last word of the firing pattern; for a
 * regex it is the match itself.
 */
import type { Codebook } from '../codebook/types.js';
import {
  compilePatterns,
  EMPTY_WORD_INFO,
  USE_ALL,
  USE_ANY,
  USE_NOT,
  type CompiledCode,
  type CompiledPatterns,
  type TermUse,
  type TrieNode,
  type WordInfo,
} from './compile-patterns.js';
import type { Stemmers } from './stemmers.js';
import { createWordSpans, scanWords, WordFormTable, type WordSpans } from './tokenize.js';

/** A code fired on a unit: evidence span as UTF-16 offsets into the unit text, and the terms that fired. */
export interface AutoMatch {
  code: string;
  start: number;
  end: number;
  terms: string[];
}

export interface AutoCoder {
  /** Codes that fire on `text`, in codebook order, each once with its earliest evidence. */
  code(text: string): AutoMatch[];
}

/** Compile `codebook` into a coder (throws InputError for a term with no words or a bad regex). */
export function compileCoder(codebook: Codebook, stemmers: Stemmers): AutoCoder {
  return new PatternCoder(compilePatterns(codebook, stemmers));
}

/** A word form memo past this size starts afresh (a corpus rarely has a tenth of it). */
const MEMO_LIMIT = 1_000_000;
const NO_NEGATION = -(2 ** 30);

/** What one unit found for one code; reset when the code is first touched in a unit. */
class CodeState {
  unit = -1;
  cancelled = false;
  anyStart = -1;
  anyEnd = -1;
  readonly terms: string[] = [];
  readonly allStart: Int32Array;
  readonly allEnd: Int32Array;
  /** Per near-pattern: occurrences as (first word, last word, slot) triples, in order of first word. */
  readonly nearHits: number[][];
  readonly nearCounts: Int32Array;

  constructor(readonly def: CompiledCode) {
    this.allStart = new Int32Array(def.allSlotCount);
    this.allEnd = new Int32Array(def.allSlotCount);
    this.nearHits = def.nears.map(() => []);
    this.nearCounts = new Int32Array(Math.max(0, ...def.nears.map((n) => n.labels.length)));
  }

  reset(unit: number): void {
    this.unit = unit;
    this.cancelled = false;
    this.anyStart = -1;
    this.anyEnd = -1;
    this.terms.length = 0;
    this.allStart.fill(-1);
    for (const hits of this.nearHits) hits.length = 0;
  }

  addTerm(label: string): void {
    if (!this.terms.includes(label)) this.terms.push(label);
  }
}

class PatternCoder implements AutoCoder {
  private readonly forms: WordFormTable<WordInfo>;
  private readonly spans: WordSpans = createWordSpans();
  private infos: WordInfo[] = [];
  private negated = new Uint8Array(256);
  private readonly states: CodeState[];
  private readonly regexCodes: number[];
  private touched: number[] = [];
  private unit = 0;

  constructor(private readonly compiled: CompiledPatterns) {
    this.forms = new WordFormTable((lower) => compiled.describeWord(lower), MEMO_LIMIT);
    this.states = compiled.codes.map((def) => new CodeState(def));
    this.regexCodes = compiled.codes.flatMap((def, c) => (def.regexes.length > 0 ? [c] : []));
  }

  code(text: string): AutoMatch[] {
    this.unit++;
    this.touched.length = 0;
    const count = this.readWords(text);
    if (count < 0 && this.regexCodes.length === 0) return [];
    if (count > 0) this.walkTerms(count);
    for (const c of this.regexCodes) this.touch(c);
    this.touched.sort((a, b) => a - b);
    const matches: AutoMatch[] = [];
    for (const c of this.touched) {
      const match = this.decide(this.states[c]!, text);
      if (match) matches.push(match);
    }
    return matches;
  }

  /** Tokenize, look up each word form and mark negated words; returns -1 when no word begins a term. */
  private readWords(text: string): number {
    const spans = this.spans;
    scanWords(text, spans);
    const count = spans.count;
    // Grown by push: setting .length would make the array holey (slow element access).
    while (this.infos.length < count) this.infos.push(EMPTY_WORD_INFO);
    if (this.negated.length < count) this.negated = new Uint8Array(count * 2);
    const { starts, ends, breaks } = spans;
    const infos = this.infos;
    const negated = this.negated;
    const window = this.compiled.window;
    let lastNegation = NO_NEGATION;
    let anyHead = false;
    for (let k = 0; k < count; k++) {
      const info = this.forms.lookup(text, starts[k]!, ends[k]!);
      infos[k] = info;
      if (breaks[k] === 1) lastNegation = NO_NEGATION;
      negated[k] = k - lastNegation <= window ? 1 : 0;
      if (info.negation) lastNegation = k;
      if (info.heads.length > 0) anyHead = true;
    }
    return anyHead ? count : -1;
  }

  private walkTerms(count: number): void {
    const infos = this.infos;
    for (let i = 0; i < count; i++) {
      const heads = infos[i]!.heads;
      for (let h = 0; h < heads.length; h++) this.walk(heads[h]!, i, i, count);
    }
  }

  /** Follow the trie from `node` (which matched words first..last) as far as the next words allow. */
  private walk(node: TrieNode, first: number, last: number, count: number): void {
    if (node.uses !== null) this.record(node.uses, first, last);
    const next = last + 1;
    if (node.next === null || next >= count || this.spans.breaks[next] === 1) return;
    const matchers = this.infos[next]!.matchers;
    for (let m = 0; m < matchers.length; m++) {
      const child = node.next.get(matchers[m]!);
      if (child !== undefined) this.walk(child, first, next, count);
    }
  }

  private record(uses: TermUse[], first: number, last: number): void {
    const negated = this.negated[first] === 1;
    for (let u = 0; u < uses.length; u++) {
      const use = uses[u]!;
      const state = this.touch(use.code);
      if (use.kind === USE_NOT) {
        state.cancelled = true;
      } else if (negated && !state.def.fireWhenNegated) {
        continue;
      } else if (use.kind === USE_ANY) {
        if (state.anyStart < 0) {
          state.anyStart = first;
          state.anyEnd = last;
        }
        state.addTerm(use.label);
      } else if (use.kind === USE_ALL) {
        if (state.allStart[use.slot]! < 0) {
          state.allStart[use.slot] = first;
          state.allEnd[use.slot] = last;
        }
      } else {
        state.nearHits[use.group]!.push(first, last, use.slot);
      }
    }
  }

  private touch(c: number): CodeState {
    const state = this.states[c]!;
    if (state.unit !== this.unit) {
      state.reset(this.unit);
      this.touched.push(c);
    }
    return state;
  }

  /** The code's match on this unit, if any evidence survived: earliest span, every term that fired. */
  private decide(state: CodeState, text: string): AutoMatch | null {
    if (state.cancelled) return null;
    const { starts, ends } = this.spans;
    const def = state.def;
    let start = -1;
    let end = -1;
    const consider = (s: number, e: number): void => {
      if (start < 0 || s < start || (s === start && e < end)) {
        start = s;
        end = e;
      }
    };
    if (state.anyStart >= 0) consider(starts[state.anyStart]!, ends[state.anyEnd]!);
    def.allGroups.forEach((labels, g) => {
      const offset = def.allOffsets[g]!;
      let first = Infinity;
      let last = -1;
      for (let k = offset; k < offset + labels.length; k++) {
        if (state.allStart[k]! < 0) return;
        first = Math.min(first, state.allStart[k]!);
        last = Math.max(last, state.allEnd[k]!);
      }
      consider(starts[first]!, ends[last]!);
      for (const label of labels) state.addTerm(label);
    });
    def.nears.forEach((near, n) => {
      const window = findNearWindow(state.nearHits[n]!, near.labels.length, near.within, state.nearCounts);
      if (window === null) return;
      consider(starts[window[0]]!, ends[window[1]]!);
      for (const label of near.labels) state.addTerm(label);
    });
    for (const regex of def.regexes) {
      const span = this.findRegex(regex.pattern, text, def.fireWhenNegated);
      if (span === null) continue;
      consider(span[0], span[1]);
      state.addTerm(regex.label);
    }
    return start < 0 ? null : { code: def.id, start, end, terms: state.terms.slice() };
  }

  /** The first match of `pattern` in `text` whose first word is not negated (or any, when allowed). */
  private findRegex(pattern: RegExp, text: string, fireWhenNegated: boolean): [number, number] | null {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const matchEnd = m.index + m[0].length;
      if (m[0].length === 0) {
        // Step a whole code point: under 'u', V8 moves a lastIndex inside a surrogate pair back to its start.
        const pair = (text.codePointAt(m.index) ?? 0) > 0xffff;
        pattern.lastIndex = m.index + (pair ? 2 : 1);
        continue;
      }
      if (fireWhenNegated) return [m.index, matchEnd];
      const word = this.firstWordEndingAfter(m.index);
      if (word < 0 || this.spans.starts[word]! >= matchEnd || this.negated[word] === 0) return [m.index, matchEnd];
    }
    return null;
  }

  private firstWordEndingAfter(offset: number): number {
    const { count, ends } = this.spans;
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo < count ? lo : -1;
  }
}

/**
 * The first window of `hits` (first word, last word, slot triples sorted by first word) that holds
 * every slot with first words at most `within` apart; returns its first and last word.
 */
function findNearWindow(hits: number[], slots: number, within: number, counts: Int32Array): [number, number] | null {
  counts.fill(0);
  let have = 0;
  let left = 0;
  for (let right = 0; right < hits.length; right += 3) {
    const slot = hits[right + 2]!;
    if (counts[slot] === 0) have++;
    counts[slot] = counts[slot]! + 1;
    while (hits[right]! - hits[left]! > within) {
      const dropped = hits[left + 2]!;
      counts[dropped] = counts[dropped]! - 1;
      if (counts[dropped] === 0) have--;
      left += 3;
    }
    if (have < slots) continue;
    // Drop leading duplicates so the evidence starts at a word the window needs.
    while (counts[hits[left + 2]!]! > 1) {
      const dropped = hits[left + 2]!;
      counts[dropped] = counts[dropped]! - 1;
      left += 3;
    }
    let last = 0;
    for (let k = left; k <= right; k += 3) last = Math.max(last, hits[k + 1]!);
    return [hits[left]!, last];
  }
  return null;
}
