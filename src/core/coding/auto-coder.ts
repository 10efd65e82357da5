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
import { createWordSpans, scanWords, WordFormTable, type WordLookup, type WordSpans } from './tokenize.js';

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
  /**
   * What code() finds in text.slice(from, to), without the terms and without slicing: the codes as
   * indexes into `codeIds`, the evidence as UTF-16 offsets into `text`, written over `out`.
   */
  codeSpans(text: string, from: number, to: number, out: AutoSpans): void;
  /** The ids of the codes that can fire, in codebook order: what codeSpans' indexes stand for. */
  readonly codeIds: readonly string[];
}

/** Matches as parallel arrays (entries below `count`), reused from call to call. */
export interface AutoSpans {
  count: number;
  codes: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

/** An empty reusable AutoSpans for codeSpans. */
export function createAutoSpans(capacity = 16): AutoSpans {
  return { count: 0, codes: new Int32Array(capacity), starts: new Int32Array(capacity), ends: new Int32Array(capacity) };
}

/** Compile `codebook` into a coder (throws InputError for a term with no words or a bad regex). */
export function compileCoder(codebook: Codebook, stemmers: Stemmers): AutoCoder {
  return new PatternCoder(compilePatterns(codebook, stemmers));
}

/** A word form memo past this size starts afresh (a corpus rarely has a tenth of it). */
const MEMO_LIMIT = 1_000_000;
const NO_NEGATION = -(2 ** 30);
const NO_TERMS: string[] = [];

/**
 * What one unit found for one code; reset when the code is first touched in a unit. Per-unit state is
 * stamped with the unit's number rather than cleared (clearing arrays for every touched code of every
 * unit cost more than the matching).
 */
class CodeState {
  unit = -1;
  cancelled = false;
  anyStart = -1;
  anyEnd = -1;
  /** The terms that fired, when asked for (a new array per unit that has any: it is handed out). */
  terms: string[] = NO_TERMS;
  readonly allStart: Int32Array;
  readonly allEnd: Int32Array;
  /** The unit each all-slot was filled in: a slot of an earlier unit is empty. */
  readonly allUnit: Int32Array;
  /** Per near-pattern: occurrences as (first word, last word, slot) triples, in order of first word. */
  readonly nearHits: number[][];
  /** Per near-pattern: how many entries of nearHits belong to the unit in nearUnit (none for any other). */
  readonly nearLengths: Int32Array;
  readonly nearUnit: Int32Array;
  readonly nearCounts: Int32Array;
  /**
   * The near-patterns with hits in this unit, in the order first hit (entries below nearTouchedCount):
   * decide() looks at these, not at every near-pattern of the code (a code may have dozens).
   */
  readonly nearTouched: Int32Array;
  nearTouchedCount = 0;

  constructor(readonly def: CompiledCode) {
    this.allStart = new Int32Array(def.allSlotCount);
    this.allEnd = new Int32Array(def.allSlotCount);
    this.allUnit = new Int32Array(def.allSlotCount).fill(-1);
    this.nearHits = def.nears.map(() => []);
    this.nearLengths = new Int32Array(def.nears.length);
    this.nearUnit = new Int32Array(def.nears.length).fill(-1);
    this.nearCounts = new Int32Array(Math.max(0, ...def.nears.map((n) => n.labels.length)));
    this.nearTouched = new Int32Array(def.nears.length);
  }

  reset(unit: number): void {
    this.unit = unit;
    this.cancelled = false;
    this.anyStart = -1;
    this.anyEnd = -1;
    this.terms = NO_TERMS;
    this.nearTouchedCount = 0;
  }

  /** How many entries of nearHits[group] belong to this unit. */
  nearLength(group: number): number {
    return this.nearUnit[group] === this.unit ? this.nearLengths[group]! : 0;
  }

  addTerm(label: string): void {
    if (this.terms === NO_TERMS) this.terms = [label];
    else if (!this.terms.includes(label)) this.terms.push(label);
  }

  addNearHit(group: number, first: number, last: number, slot: number): void {
    const hits = this.nearHits[group]!;
    const at = this.nearLength(group);
    if (at === 0) this.nearTouched[this.nearTouchedCount++] = group;
    this.nearUnit[group] = this.unit;
    if (at === hits.length) hits.push(first, last, slot);
    else {
      hits[at] = first;
      hits[at + 1] = last;
      hits[at + 2] = slot;
    }
    this.nearLengths[group] = at + 3;
  }
}

class PatternCoder implements AutoCoder {
  readonly codeIds: readonly string[];
  private readonly forms: WordFormTable<WordInfo>;
  private readonly spans: WordSpans = createWordSpans();
  /** Each word's info, looked up as the word is scanned (into `infos`). */
  private readonly lookup: WordLookup<WordInfo>;
  private readonly infos: WordInfo[] = [];
  private negated = new Uint8Array(256);
  /** The words that begin a term (fewer than half the words): walkTerms starts only from these. */
  private headWords = new Int32Array(256);
  private headCount = 0;
  private readonly states: CodeState[];
  private readonly regexCodes: number[];
  private touched = new Int32Array(16);
  private touchedCount = 0;
  private unit = 0;
  /** The unit in hand: text.slice(from, to), made only when a regex needs it. */
  private text = '';
  private from = 0;
  private to = 0;
  private unitText: string | null = null;
  /** Whether this unit's matches need their terms (code() does, codeSpans() does not). */
  private wantTerms = false;
  /** The evidence decide() has chosen so far. */
  private bestStart = -1;
  private bestEnd = -1;

  constructor(private readonly compiled: CompiledPatterns) {
    this.codeIds = compiled.codes.map((def) => def.id);
    this.forms = new WordFormTable((lower) => compiled.describeWord(lower), MEMO_LIMIT);
    // Grown by push with a filler: setting .length would make the array holey (slow element access).
    this.lookup = { table: this.forms, values: this.infos, filler: EMPTY_WORD_INFO };
    this.states = compiled.codes.map((def) => new CodeState(def));
    this.regexCodes = compiled.codes.flatMap((def, c) => (def.regexes.length > 0 ? [c] : []));
  }

  code(text: string): AutoMatch[] {
    const matches: AutoMatch[] = [];
    if (!this.find(text, 0, text.length, true)) return matches;
    const touched = this.touched;
    for (let t = 0; t < this.touchedCount; t++) {
      const state = this.states[touched[t]!]!;
      if (this.decide(state)) matches.push({ code: state.def.id, start: this.bestStart, end: this.bestEnd, terms: state.terms === NO_TERMS ? [] : state.terms });
    }
    return matches;
  }

  codeSpans(text: string, from: number, to: number, out: AutoSpans): void {
    out.count = 0;
    if (!this.find(text, from, to, false)) return;
    const touched = this.touched;
    for (let t = 0; t < this.touchedCount; t++) {
      const c = touched[t]!;
      if (!this.decide(this.states[c]!)) continue;
      if (out.count === out.codes.length) growAutoSpans(out);
      out.codes[out.count] = c;
      out.starts[out.count] = this.bestStart;
      out.ends[out.count] = this.bestEnd;
      out.count++;
    }
  }

  /** Reads the unit's words and walks the terms; false when no code can fire. The touched codes end up in codebook order. */
  private find(text: string, from: number, to: number, wantTerms: boolean): boolean {
    this.unit++;
    this.touchedCount = 0;
    this.text = text;
    this.from = from;
    this.to = to;
    this.unitText = null;
    this.wantTerms = wantTerms;
    const count = this.readWords(text, from, to);
    if (count < 0 && this.regexCodes.length === 0) return false;
    if (count > 0) this.walkTerms(count);
    for (const c of this.regexCodes) this.touch(c);
    sortPrefix(this.touched, this.touchedCount);
    return this.touchedCount > 0;
  }

  /** Tokenize, look up each word form and mark negated words; returns -1 when no word begins a term. */
  private readWords(text: string, from: number, to: number): number {
    const spans = this.spans;
    scanWords(text, spans, from, to, this.lookup);
    const count = spans.count;
    if (this.negated.length < count) {
      this.negated = new Uint8Array(count * 2);
      this.headWords = new Int32Array(count * 2);
    }
    const breaks = spans.breaks;
    const infos = this.infos;
    const negated = this.negated;
    const headWords = this.headWords;
    const window = this.compiled.window;
    let lastNegation = NO_NEGATION;
    let heads = 0;
    for (let k = 0; k < count; k++) {
      const info = infos[k]!;
      if (breaks[k] === 1) lastNegation = NO_NEGATION;
      negated[k] = k - lastNegation <= window ? 1 : 0;
      if (info.negation) lastNegation = k;
      if (info.heads.length > 0) headWords[heads++] = k;
    }
    this.headCount = heads;
    return heads > 0 ? count : -1;
  }

  private walkTerms(count: number): void {
    const infos = this.infos;
    const headWords = this.headWords;
    for (let w = 0; w < this.headCount; w++) {
      const i = headWords[w]!;
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
        if (this.wantTerms) state.addTerm(use.label);
      } else if (use.kind === USE_ALL) {
        if (state.allUnit[use.slot] !== this.unit) {
          state.allUnit[use.slot] = this.unit;
          state.allStart[use.slot] = first;
          state.allEnd[use.slot] = last;
        }
      } else {
        state.addNearHit(use.group, first, last, use.slot);
      }
    }
  }

  private touch(c: number): CodeState {
    const state = this.states[c]!;
    if (state.unit !== this.unit) {
      state.reset(this.unit);
      if (this.touchedCount === this.touched.length) {
        const grown = new Int32Array(this.touched.length * 2);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[this.touchedCount++] = c;
    }
    return state;
  }

  /** Whether the code fires on this unit: its earliest evidence into bestStart/bestEnd, every term that fired into state.terms. */
  private decide(state: CodeState): boolean {
    if (state.cancelled) return false;
    const { starts, ends } = this.spans;
    const def = state.def;
    this.bestStart = -1;
    this.bestEnd = -1;
    if (state.anyStart >= 0) this.consider(starts[state.anyStart]!, ends[state.anyEnd]!);
    const groups = def.allGroups;
    for (let g = 0; g < groups.length; g++) {
      const offset = def.allOffsets[g]!;
      const labels = groups[g]!;
      let first = 0x7fffffff;
      let last = -1;
      let complete = true;
      for (let k = offset; k < offset + labels.length; k++) {
        if (state.allUnit[k] !== this.unit) {
          complete = false;
          break;
        }
        if (state.allStart[k]! < first) first = state.allStart[k]!;
        if (state.allEnd[k]! > last) last = state.allEnd[k]!;
      }
      if (!complete) continue;
      this.consider(starts[first]!, ends[last]!);
      if (this.wantTerms) for (const label of labels) state.addTerm(label);
    }
    const nears = def.nears;
    const nearTouched = state.nearTouched;
    // In pattern order, so the terms come out as they always have (a unit touches a few near-patterns).
    sortPrefix(nearTouched, state.nearTouchedCount);
    for (let t = 0; t < state.nearTouchedCount; t++) {
      const n = nearTouched[t]!;
      const near = nears[n]!;
      if (!findNearWindow(state.nearHits[n]!, state.nearLengths[n]!, near.labels.length, near.within, state.nearCounts)) continue;
      this.consider(starts[nearWindow[0]!]!, ends[nearWindow[1]!]!);
      if (this.wantTerms) for (const label of near.labels) state.addTerm(label);
    }
    for (const regex of def.regexes) {
      if (!this.findRegex(regex.pattern, def.fireWhenNegated)) continue;
      this.consider(this.regexStart, this.regexEnd);
      if (this.wantTerms) state.addTerm(regex.label);
    }
    return this.bestStart >= 0;
  }

  private consider(s: number, e: number): void {
    if (this.bestStart < 0 || s < this.bestStart || (s === this.bestStart && e < this.bestEnd)) {
      this.bestStart = s;
      this.bestEnd = e;
    }
  }

  private regexStart = 0;
  private regexEnd = 0;

  /** The first match of `pattern` in the unit whose first word is not negated (or any, when allowed), into regexStart/regexEnd. */
  private findRegex(pattern: RegExp, fireWhenNegated: boolean): boolean {
    const text = (this.unitText ??= this.from === 0 && this.to === this.text.length ? this.text : this.text.slice(this.from, this.to));
    const base = this.from;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const matchEnd = m.index + m[0].length;
      if (m[0].length === 0) {
        // Step a whole code point: under 'u', V8 moves a lastIndex inside a surrogate pair back to its start.
        const pair = (text.codePointAt(m.index) ?? 0) > 0xffff;
        pattern.lastIndex = m.index + (pair ? 2 : 1);
        continue;
      }
      this.regexStart = base + m.index;
      this.regexEnd = base + matchEnd;
      if (fireWhenNegated) return true;
      const word = this.firstWordEndingAfter(base + m.index);
      if (word < 0 || this.spans.starts[word]! >= base + matchEnd || this.negated[word] === 0) return true;
    }
    return false;
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

/** Sorts the first `count` entries of `values` (insertion sort: a handful, mostly in order already). */
function sortPrefix(values: Int32Array, count: number): void {
  for (let i = 1; i < count; i++) {
    const v = values[i]!;
    let j = i - 1;
    while (j >= 0 && values[j]! > v) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = v;
  }
}

function growAutoSpans(out: AutoSpans): void {
  const size = out.codes.length * 2;
  for (const key of ['codes', 'starts', 'ends'] as const) {
    const grown = new Int32Array(size);
    grown.set(out[key]);
    out[key] = grown;
  }
}

/** Where findNearWindow puts the window it found: its first and last word. */
const nearWindow = new Int32Array(2);

/**
 * The first window of the first `length` entries of `hits` (first word, last word, slot triples sorted
 * by first word) that holds every slot with first words at most `within` apart: false when there is
 * none, else true with its first and last word in nearWindow.
 */
function findNearWindow(hits: number[], length: number, slots: number, within: number, counts: Int32Array): boolean {
  // Each slot needs an occurrence of its own: most touched codes have one term of a pair in the unit.
  if (length < slots * 3) return false;
  for (let k = 0; k < slots; k++) counts[k] = 0;
  let have = 0;
  let left = 0;
  for (let right = 0; right < length; right += 3) {
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
    nearWindow[0] = hits[left]!;
    nearWindow[1] = last;
    return true;
  }
  return false;
}
