/**
 * Word forms counted straight from the text: one pass finds each word by scanWords' rule and hashes its
 * lower-cased form (lowerWord) as it goes, so every character is read once (and once more to confirm a
 * match) instead of three times (scan, hash, compare). ASCII takes a table lookup per character; any other
 * character goes through scanWords' own classifier, and a word whose lower case is not unit by unit (İ, Σ,
 * astral letters) is sliced and lowered by lowerWord itself. word-tally.test.ts checks the whole against
 * scanWords + lowerWord on random text.
 */
import { lowerWord, WORD_RULE } from './tokenize.js';

const { WORD, MARK, JOINER, DIGIT_SEPARATOR, DIGIT, ASCII, classifyAt, lowerUnit, SLOW, FNV_OFFSET, FNV_PRIME } = WORD_RULE;

/** ASCII lower case, one unit each. */
const LOWER_ASCII = new Uint8Array(128);
/** Per ASCII character: non-zero when it starts a word. */
const STARTS = new Uint8Array(128);
/** Per ASCII character: its lower case when it continues a word, else 0 (no such character is NUL). */
const CONTINUES = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  LOWER_ASCII[c] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
  STARTS[c] = ASCII[c]! & WORD;
  CONTINUES[c] = ASCII[c]! & (WORD | MARK) ? LOWER_ASCII[c]! : 0;
}

/** The lowered unit of a one-unit character, or SLOW. */
function lowered(c: number): number {
  return c < 128 ? LOWER_ASCII[c]! : lowerUnit(c);
}

/** scanWords' class of the character at i, packed with its width (class | width << 8). */
function classOf(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? ASCII[c]! | 256 : classifyAt(text, i, n);
}

function isAsciiDigit(c: number): boolean {
  return c < 128 && (ASCII[c]! & DIGIT) !== 0;
}

/** Hashes stay small integers, so V8 never boxes one. */
const HASH_MASK = 0x3fffffff;

function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h & HASH_MASK;
}

/** A tally as plain data, to send to another thread and merge there: counts[id * columns + column]. */
export interface WordTallyData {
  forms: string[];
  counts: Float64Array<ArrayBuffer>;
  words: number;
}

/** Occurrences of each lower-cased word form, in as many columns as asked (e.g. one per language). */
export class WordTally {
  /** The forms seen, lower-cased, in the order first seen; a form's index is its id. */
  readonly forms: string[] = [];
  /** Every word counted, in all columns. */
  words = 0;
  private counts: Float64Array;
  /** Per slot, the form's id + 1 (0: empty); `hashes` holds its hash. */
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private mask = 1023;

  constructor(private readonly columns = 1) {
    this.counts = new Float64Array(256 * columns);
  }

  /** How often form `id` was counted in `column`. */
  count(id: number, column = 0): number {
    return this.counts[id * this.columns + column]!;
  }

  /** Counts, in `column`, the words of `text` between two UTF-16 offsets (as scanWords on the slice). */
  add(text: string, start: number, end: number, column = 0): void {
    const n = end;
    let words = 0;
    let i = start;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (c < 128) {
        if (STARTS[c] === 0) {
          i += 1;
          continue;
        }
      } else {
        const packed = classifyAt(text, i, n);
        if ((packed & WORD) === 0) {
          i += packed >> 8;
          continue;
        }
      }
      // A word starts at i: take ASCII letters and digits in a tight loop, anything else by scanWords' rule.
      const from = i;
      let h = FNV_OFFSET;
      let slow = false;
      for (;;) {
        while (i < n) {
          c = text.charCodeAt(i);
          const l = c < 128 ? CONTINUES[c]! : 0;
          if (l === 0) break;
          h = Math.imul(h ^ l, FNV_PRIME);
          i += 1;
        }
        if (i >= n) break;
        const packed = c < 128 ? ASCII[c]! | 256 : classifyAt(text, i, n);
        const width = packed >> 8;
        if (
          packed & (WORD | MARK) ||
          (packed & JOINER && i + 1 < n && classOf(text, i + 1, n) & WORD) ||
          (packed & DIGIT_SEPARATOR && i + 1 < n && isAsciiDigit(text.charCodeAt(i - 1)) && isAsciiDigit(text.charCodeAt(i + 1)))
        ) {
          // Joiners and separators are one unit wide; a surrogate pair (width 2) lowers only as a whole.
          const l = width === 1 ? lowered(c) : SLOW;
          if (l === SLOW) slow = true;
          else h = Math.imul(h ^ l, FNV_PRIME);
          i += width;
          continue;
        }
        break;
      }
      words++;
      const id = slow ? this.idOfKey(lowerWord(text.slice(from, i))) : this.idOf(text, from, i, h & HASH_MASK);
      this.counts[id * this.columns + column]! += 1;
    }
    this.words += words;
  }

  /** The tally as plain data (its counts trimmed to the forms seen). */
  data(): WordTallyData {
    return { forms: [...this.forms], counts: this.counts.slice(0, this.forms.length * this.columns), words: this.words };
  }

  /** Adds another tally of as many columns (from data()) to this one. */
  merge(other: WordTallyData): void {
    const { columns } = this;
    other.forms.forEach((form, k) => {
      const id = this.idOfKey(form);
      for (let column = 0; column < columns; column++) this.counts[id * columns + column]! += other.counts[k * columns + column]!;
    });
    this.words += other.words;
  }

  private idOf(text: string, start: number, end: number, h: number): number {
    const { slots, hashes, mask, forms } = this;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]! - 1;
      if (id < 0) return this.insert(lowerWord(text.slice(start, end)), h);
      if (hashes[slot] === h) {
        const key = forms[id]!;
        if (key.length === length && sameLowered(key, text, start)) return id;
      }
    }
  }

  private idOfKey(lower: string): number {
    const h = hashString(lower);
    const { slots, hashes, mask, forms } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]! - 1;
      if (id < 0) return this.insert(lower, h);
      if (hashes[slot] === h && forms[id] === lower) return id;
    }
  }

  private insert(lower: string, h: number): number {
    const id = this.forms.length;
    this.forms.push(lower);
    if ((id + 1) * this.columns > this.counts.length) {
      const counts = new Float64Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    if ((id + 1) * 2 > this.slots.length) this.rehash();
    this.place(id, h);
    return id;
  }

  private place(id: number, h: number): void {
    let slot = h & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = id + 1;
    this.hashes[slot] = h;
  }

  private rehash(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.hashes = new Int32Array(slots.length * 2);
    this.mask = slots.length * 2 - 1;
    for (let slot = 0; slot < slots.length; slot++) if (slots[slot] !== 0) this.place(slots[slot]! - 1, hashes[slot]!);
  }
}

/** Whether `key` equals the lowered units of text from `start` (key.length units; none of them SLOW). */
function sameLowered(key: string, text: string, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (lowered(text.charCodeAt(start + i)) !== key.charCodeAt(i)) return false;
  return true;
}
