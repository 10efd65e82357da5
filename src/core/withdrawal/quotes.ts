/**
 * Finding a withdrawn participant's words quoted elsewhere: in memos, coding memos, the audit trail's
 * arguments and stored codebooks. A quote is a run of at least QUOTE_WORDS of their words in a row, or
 * one of their short sentences or turns whole (at least SHORT_WORDS words), compared case- and
 * punctuation-blind. Shorter runs are everyday phrases anyone says ("saya tidak tahu").
 */

/** Words in a row that make a quote. */
export const QUOTE_WORDS = 5;
/** A whole turn or sentence this short (and no shorter) is still a quote. */
export const SHORT_WORDS = 3;
/** What a quote is replaced with. */
export const WITHDRAWN_MARK = '[withdrawn]';

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

interface Word {
  key: string;
  start: number;
  end: number;
}

function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ key: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

/** The withdrawn participant's words, ready to find quotes of them. */
export class QuoteFinder {
  /** Word runs by length: QUOTE_WORDS-long windows of every passage, and whole short passages. */
  private readonly runs = new Map<number, Set<string>>();

  /** `passages`: their turns and sentences, as text. */
  constructor(passages: Iterable<string>) {
    for (const passage of passages) {
      const keys = words(passage).map((w) => w.key);
      if (keys.length >= QUOTE_WORDS) for (let i = 0; i + QUOTE_WORDS <= keys.length; i += 1) this.add(keys.slice(i, i + QUOTE_WORDS));
      else if (keys.length >= SHORT_WORDS) this.add(keys);
    }
  }

  private add(keys: string[]): void {
    let set = this.runs.get(keys.length);
    if (!set) this.runs.set(keys.length, (set = new Set()));
    set.add(keys.join(' '));
  }

  /** True when there is nothing to look for. */
  get empty(): boolean {
    return this.runs.size === 0;
  }

  /** The text with every quote of their words replaced by WITHDRAWN_MARK, and how many quotes went. */
  scrub(text: string): { text: string; quotes: number } {
    if (this.empty) return { text, quotes: 0 };
    const found = words(text);
    const spans: { start: number; end: number }[] = [];
    for (const [length, set] of this.runs) {
      for (let i = 0; i + length <= found.length; i += 1) {
        const key = found.slice(i, i + length).map((w) => w.key).join(' ');
        if (set.has(key)) spans.push({ start: found[i]!.start, end: found[i + length - 1]!.end });
      }
    }
    if (spans.length === 0) return { text, quotes: 0 };
    spans.sort((a, b) => a.start - b.start);
    // Overlapping windows of one long quote become one span; so do spans only spaces or sentence
    // punctuation apart (not quotes, brackets or dashes: two quoted items in a YAML list stay two).
    const merged: { start: number; end: number }[] = [];
    for (const span of spans) {
      const last = merged.at(-1);
      if (last && (span.start <= last.end || /^[ .,;:!?…]*$/u.test(text.slice(last.end, span.start)))) last.end = Math.max(last.end, span.end);
      else merged.push({ ...span });
    }
    let out = '';
    let at = 0;
    for (const span of merged) {
      out += text.slice(at, span.start) + WITHDRAWN_MARK;
      at = span.end;
    }
    return { text: out + text.slice(at), quotes: merged.length };
  }
}
