/**
 * Word forms counted straight from the text, for `stats words`: one pass finds each word by scanWords'
 * rule and, as it goes, packs the word's lower-cased ASCII characters six bits each into three integers,
 * which ARE the key (15 characters fit), so a word is read once and looked up without slicing, lower-casing
 * or comparing text. A word with any other character, or longer, is sliced and lowered by lowerWord and
 * found by its string. ASCII takes a table lookup per character; any other character goes through
 * scanWords' own classifier. word-tally.test.ts checks the whole against scanWords + lowerWord.
 */
import { lowerWord, WORD_RULE } from './tokenize.js';

const { WORD, MARK, JOINER, DIGIT_SEPARATOR, DIGIT, ASCII, classifyAt } = WORD_RULE;

/** Per ASCII character a word can hold: a code (1-63) for its lower case; 0 for any other character. */
const SYMBOL = new Uint8Array(128);
/** Per ASCII character: non-zero when it starts a word. */
const STARTS = new Uint8Array(128);
/** Per ASCII character: its SYMBOL when it continues a word by itself (letters, digits), else 0. */
const CONTINUES = new Uint8Array(128);
{
  const codes = new Map<number, number>();
  for (let c = 0; c < 128; c++) {
    if ((ASCII[c]! & (WORD | MARK | JOINER | DIGIT_SEPARATOR)) === 0) continue;
    const lower = c >= 0x41 && c <= 0x5a ? c + 32 : c;
    if (!codes.has(lower)) codes.set(lower, codes.size + 1);
    SYMBOL[c] = codes.get(lower)!;
    STARTS[c] = ASCII[c]! & WORD;
    CONTINUES[c] = ASCII[c]! & (WORD | MARK) ? SYMBOL[c]! : 0;
  }
  if (codes.size > 63) throw new Error('word-tally: more ASCII word characters than six bits can code');
}
/** Characters a packed key holds: three integers of five six-bit codes each. */
const PACKED = 15;
const LOW30 = 0x3fffffff;

/** scanWords' class of the character at i, packed with its width (class | width << 8). */
function classOf(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? ASCII[c]! | 256 : classifyAt(text, i, n);
}

function isAsciiDigit(c: number): boolean {
  return c < 128 && (ASCII[c]! & DIGIT) !== 0;
}

function slotOf(k0: number, k1: number, k2: number, mask: number): number {
  const h = Math.imul(k0 ^ Math.imul(k1, 0x9e3779b1) ^ Math.imul(k2, 0x85ebca6b), 0xc2b2ae35);
  return (h ^ (h >>> 15)) & mask;
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
  private readonly ids = new Map<string, number>();
  private counts: Float64Array<ArrayBuffer>;
  /** Open addressing from packed key (k0, k1, k2) to form id + 1 (0: empty slot). */
  private k0 = new Int32Array(1024);
  private k1 = new Int32Array(1024);
  private k2 = new Int32Array(1024);
  private slots = new Int32Array(1024);
  private used = 0;

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
      // A word starts at i: ASCII letters and digits in a tight loop, anything else by scanWords' rule.
      const from = i;
      let k0 = 0;
      let k1 = 0;
      let k2 = 0;
      let ascii = true;
      for (;;) {
        while (i < n) {
          c = text.charCodeAt(i);
          const code = c < 128 ? CONTINUES[c]! : 0;
          if (code === 0) break;
          k2 = (k2 << 6) | (k1 >>> 24);
          k1 = ((k1 << 6) | (k0 >>> 24)) & LOW30;
          k0 = ((k0 << 6) | code) & LOW30;
          i += 1;
        }
        if (i >= n) break;
        const packed = c < 128 ? ASCII[c]! | 256 : classifyAt(text, i, n);
        if (
          packed & (WORD | MARK) ||
          (packed & JOINER && i + 1 < n && classOf(text, i + 1, n) & WORD) ||
          (packed & DIGIT_SEPARATOR && i + 1 < n && isAsciiDigit(text.charCodeAt(i - 1)) && isAsciiDigit(text.charCodeAt(i + 1)))
        ) {
          if (c < 128) {
            k2 = (k2 << 6) | (k1 >>> 24);
            k1 = ((k1 << 6) | (k0 >>> 24)) & LOW30;
            k0 = ((k0 << 6) | SYMBOL[c]!) & LOW30;
          } else {
            ascii = false;
          }
          i += packed >> 8;
          continue;
        }
        break;
      }
      words++;
      const id = ascii && i - from <= PACKED ? this.idOfPacked(text, from, i, k0, k1, k2 & LOW30) : this.idOf(lowerWord(text.slice(from, i)));
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
      const id = this.idOf(form);
      for (let column = 0; column < columns; column++) this.counts[id * columns + column]! += other.counts[k * columns + column]!;
    });
    this.words += other.words;
  }

  /** The id of an ASCII word of at most PACKED characters, by its packed key. */
  private idOfPacked(text: string, start: number, end: number, k0: number, k1: number, k2: number): number {
    const mask = this.slots.length - 1;
    for (let slot = slotOf(k0, k1, k2, mask); ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]! - 1;
      if (id < 0) {
        const found = this.idOf(lowerWord(text.slice(start, end)));
        this.place(k0, k1, k2, found);
        return found;
      }
      if (this.k0[slot] === k0 && this.k1[slot] === k1 && this.k2[slot] === k2) return id;
    }
  }

  /** The id of a lower-cased form, new if it was never seen. */
  private idOf(lower: string): number {
    let id = this.ids.get(lower);
    if (id === undefined) {
      id = this.forms.length;
      this.forms.push(lower);
      this.ids.set(lower, id);
      if ((id + 1) * this.columns > this.counts.length) {
        const counts = new Float64Array(this.counts.length * 2);
        counts.set(this.counts);
        this.counts = counts;
      }
    }
    return id;
  }

  private place(k0: number, k1: number, k2: number, id: number): void {
    if ((this.used + 1) * 2 > this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    let slot = slotOf(k0, k1, k2, mask);
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.k0[slot] = k0;
    this.k1[slot] = k1;
    this.k2[slot] = k2;
    this.slots[slot] = id + 1;
    this.used++;
  }

  private grow(): void {
    const { k0, k1, k2, slots } = this;
    const size = slots.length * 2;
    this.k0 = new Int32Array(size);
    this.k1 = new Int32Array(size);
    this.k2 = new Int32Array(size);
    this.slots = new Int32Array(size);
    this.used = 0;
    for (let slot = 0; slot < slots.length; slot++) if (slots[slot] !== 0) this.place(k0[slot]!, k1[slot]!, k2[slot]!, slots[slot]! - 1);
  }
}
