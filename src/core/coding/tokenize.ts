/**
 * The word tokenizer the auto-coder and its patterns share. A word is a run of Unicode letters, digits
 * and combining marks that starts with a letter or digit; a hyphen or apostrophe between two word
 * characters stays inside it (`ibu-ibu`, `e-KTP`, `don't`, `Jum'at`), and so does a '.' or ',' between
 * two ASCII digits (`35.000`, so an amount is one word and not a clause break). One pass over char
 * codes with an ASCII table; other BMP characters are classified once by regex and cached.
 */

/** A word of the text: `text.slice(start, end) === surface` (UTF-16 offsets). */
export interface Token {
  surface: string;
  /** Lower-cased, with the typographic apostrophe (’) written as ' so both spellings match. */
  lower: string;
  start: number;
  end: number;
}

/**
 * Words as parallel arrays, reused from call to call (the coder's hot path allocates no token objects).
 * Entries below `count` are valid; `breaks[k]` is 1 when a clause break (`. , ; : ! ? …` or a line
 * break) lies between word k-1 (or the start of the text) and word k.
 */
export interface WordSpans {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  breaks: Uint8Array;
}

const WORD = 1; // a letter or digit: starts or continues a word
const MARK = 2; // a combining mark: continues a word, never starts one
const JOINER = 4; // hyphen or apostrophe: kept between two word characters
const DIGIT_SEPARATOR = 8; // '.' or ',': kept between two ASCII digits
const BREAK = 16; // ends a clause for negation and phrases
const DIGIT = 32; // ASCII digit
const KNOWN = 128; // the cache entry has been computed

const ASCII = new Uint8Array(128);
for (let c = 0x30; c <= 0x39; c++) ASCII[c] = WORD | DIGIT;
for (let c = 0x41; c <= 0x5a; c++) ASCII[c] = WORD;
for (let c = 0x61; c <= 0x7a; c++) ASCII[c] = WORD;
ASCII[0x2d] = JOINER; // -
ASCII[0x27] = JOINER; // '
ASCII[0x2e] = BREAK | DIGIT_SEPARATOR; // .
ASCII[0x2c] = BREAK | DIGIT_SEPARATOR; // ,
for (const c of ';:!?\n\r') ASCII[c.charCodeAt(0)] = BREAK;

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const COMBINING_MARK = /\p{M}/u;
/** BMP classes, filled on first sight: 64 KB once instead of a regex test per character. */
const BMP = new Uint8Array(0x10000);
const ASTRAL = new Map<number, number>();

/** Characters whose Unicode category would mislead: emoji presentation selectors are marks (Mn/Me). */
const SPECIAL = new Map<number, number>([
  [0x2019, JOINER], // ’ right single quotation mark, the usual typed apostrophe
  [0x2010, JOINER], // ‐ hyphen
  [0x2011, JOINER], // ‑ non-breaking hyphen
  [0x2026, BREAK], // … ellipsis
  [0x2028, BREAK], // line separator
  [0x2029, BREAK], // paragraph separator
  [0xfe0e, 0], // text presentation selector
  [0xfe0f, 0], // emoji presentation selector
  [0x20e3, 0], // combining enclosing keycap
]);

function classifyCodePoint(cp: number): number {
  const special = SPECIAL.get(cp);
  if (special !== undefined) return special;
  const ch = String.fromCodePoint(cp);
  if (LETTER_OR_NUMBER.test(ch)) return WORD;
  if (COMBINING_MARK.test(ch)) return MARK;
  return 0;
}

function classifyBmp(c: number): number {
  let f = BMP[c]!;
  if (f === 0) {
    f = classifyCodePoint(c) | KNOWN;
    BMP[c] = f;
  }
  return f;
}

function classifyAstral(cp: number): number {
  let f = ASTRAL.get(cp);
  if (f === undefined) {
    f = classifyCodePoint(cp);
    ASTRAL.set(cp, f);
  }
  return f;
}

/** Width in UTF-16 units of the character at i, and its class, packed as class | width << 8. */
function classifyAt(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII[c]! | 256;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classifyAstral((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000) | 512;
  }
  return (classifyBmp(c) & ~KNOWN) | 256;
}

/** An empty reusable WordSpans to pass to scanWords. */
export function createWordSpans(capacity = 256): WordSpans {
  return { count: 0, starts: new Int32Array(capacity), ends: new Int32Array(capacity), breaks: new Uint8Array(capacity) };
}

function growWordSpans(out: WordSpans): void {
  const size = out.starts.length * 2;
  const starts = new Int32Array(size);
  const ends = new Int32Array(size);
  const breaks = new Uint8Array(size);
  starts.set(out.starts);
  ends.set(out.ends);
  breaks.set(out.breaks);
  out.starts = starts;
  out.ends = ends;
  out.breaks = breaks;
}

/** A memo scanWords looks each word up in as it finds it (the auto-coder's word forms): the word is read once. */
export interface WordLookup<V> {
  table: WordFormTable<V>;
  /** Entry k is set to word k's value; grown with `filler` as needed. */
  values: V[];
  filler: V;
}

/**
 * Find the words of `text` into `out` (overwritten; its arrays grow as needed). With `from` and `to`,
 * the words of text.slice(from, to), exactly, at their offsets in `text` (no slice is made). With `lookup`,
 * each word's value in its table too, into lookup.values.
 */
export function scanWords<V>(text: string, out: WordSpans, from = 0, to = text.length, lookup?: WordLookup<V>): void {
  const n = to;
  let count = 0;
  let pendingBreak = 0;
  let i = from;
  while (i < n) {
    let packed = classifyAt(text, i, n);
    if ((packed & WORD) === 0) {
      if (packed & BREAK) pendingBreak = 1;
      i += packed >> 8;
      continue;
    }
    const start = i;
    // With a lookup, the word's units lowered as lowerWord would, hashed as WordFormTable hashes a form
    // (a word with an astral character, or a lower case not one unit per unit, is looked up by its range).
    let h = FNV_OFFSET;
    let hashed = lookup !== undefined && packed >> 8 === 1;
    if (hashed) {
      const l = lowerOf(text.charCodeAt(i));
      if (l === SLOW) hashed = false;
      else h = Math.imul(h ^ l, FNV_PRIME);
    }
    i += packed >> 8;
    while (i < n) {
      // Most word characters are ASCII letters and digits: taken here without the general classification.
      const c = text.charCodeAt(i);
      if (c < 128 && (ASCII[c]! & WORD) !== 0) {
        if (hashed) h = Math.imul(h ^ (c >= 0x41 && c <= 0x5a ? c + 32 : c), FNV_PRIME);
        i++;
        continue;
      }
      packed = classifyAt(text, i, n);
      if (packed & (WORD | MARK)) {
        // Astral characters (two units) are looked up the slow way.
        if (packed >> 8 !== 1) hashed = false;
      } else if (packed & JOINER && i + 1 < n && classifyAt(text, i + 1, n) & WORD) {
        // kept: a joiner between two word characters
      } else if (
        packed & DIGIT_SEPARATOR &&
        i + 1 < n &&
        isAsciiDigit(text.charCodeAt(i - 1)) &&
        isAsciiDigit(text.charCodeAt(i + 1))
      ) {
        // kept: a separator between two digits
      } else {
        break;
      }
      if (hashed) {
        const l = lowerOf(text.charCodeAt(i));
        if (l === SLOW) hashed = false;
        else h = Math.imul(h ^ l, FNV_PRIME);
      }
      i += packed >> 8;
    }
    if (count === out.starts.length) growWordSpans(out);
    out.starts[count] = start;
    out.ends[count] = i;
    out.breaks[count] = pendingBreak;
    if (lookup !== undefined) {
      // Here the word's units are still at hand: a second pass over the words to look them up cost ~8% of coding.
      const values = lookup.values;
      if (count === values.length) values.push(lookup.filler);
      values[count] = hashed ? lookup.table.lookupHashed(text, start, i, h) : lookup.table.lookup(text, start, i);
    }
    pendingBreak = 0;
    count++;
  }
  out.count = count;
}

/** A unit as lowerWord lowers it (SLOW where it cannot be done unit by unit). */
function lowerOf(c: number): number {
  return c < 128 ? (c >= 0x41 && c <= 0x5a ? c + 32 : c) : lowerUnit(c);
}

function isAsciiDigit(c: number): boolean {
  return c < 128 && (ASCII[c]! & DIGIT) !== 0;
}

/** The form words are compared in: lower case, ’ as '. */
export function lowerWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('\u2019') ? lower.replaceAll('\u2019', "'") : lower;
}

const SLOW = -1;
/**
 * Per UTF-16 unit, its lower-case unit + 1 (0: not computed yet), or SLOW where lowerWord does not
 * map unit by unit: a lower case longer than one unit (İ), the context-dependent final sigma (Σ),
 * and surrogates (astral letters have case too).
 */
const LOWER_UNIT = new Int32Array(0x10000);

function lowerUnit(c: number): number {
  let l = LOWER_UNIT[c]!;
  if (l === 0) {
    const lower = lowerWord(String.fromCharCode(c));
    const slow = lower.length !== 1 || c === 0x3a3 || (c >= 0xd800 && c <= 0xdfff);
    l = slow ? SLOW : lower.charCodeAt(0) + 1;
    LOWER_UNIT[c] = l;
  }
  return l === SLOW ? SLOW : l - 1;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * A memo keyed by the lower-cased form (lowerWord) of a range of a text, looked up without slicing or
 * lower-casing the range: the hash and the comparison lower each unit through a table. Only a miss
 * builds the key string. (String.prototype.toLowerCase on a two-byte unit, i.e. any text with a
 * dash or an emoji, costs more than the rest of the coder.)
 */
export class WordFormTable<V> {
  private keys: (string | undefined)[];
  private values: (V | undefined)[];
  private hashes: Int32Array;
  private mask: number;
  private size = 0;

  /** `describe` makes the value for a lower-cased form; past `limit` forms the table starts afresh. */
  constructor(
    private readonly describe: (lower: string) => V,
    private readonly limit = 1_000_000,
  ) {
    this.keys = new Array<string | undefined>(1024).fill(undefined);
    this.values = new Array<V | undefined>(1024).fill(undefined);
    this.hashes = new Int32Array(1024);
    this.mask = 1023;
  }

  /** The value for lowerWord(text.slice(start, end)). */
  lookup(text: string, start: number, end: number): V {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      const l = c < 128 ? (c >= 0x41 && c <= 0x5a ? c + 32 : c) : lowerUnit(c);
      if (l === SLOW) return this.lookupKey(lowerWord(text.slice(start, end)));
      h = Math.imul(h ^ l, FNV_PRIME);
    }
    const length = end - start;
    const { keys, hashes, mask } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const key = keys[slot];
      if (key === undefined) return this.insert(lowerWord(text.slice(start, end)), h);
      if (hashes[slot] === h && key.length === length && sameLowered(key, text, start)) return this.values[slot]!;
    }
  }

  /** The value for lowerWord(text.slice(start, end)), whose lowered units hash to `h` as scanWords hashes them. */
  lookupHashed(text: string, start: number, end: number, h: number): V {
    const length = end - start;
    const { keys, hashes, mask } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const key = keys[slot];
      if (key === undefined) return this.insert(lowerWord(text.slice(start, end)), h);
      if (hashes[slot] === h && key.length === length && sameLowered(key, text, start)) return this.values[slot]!;
    }
  }

  private lookupKey(lower: string): V {
    const h = hashString(lower);
    const { keys, hashes, mask } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const key = keys[slot];
      if (key === undefined) return this.insert(lower, h);
      if (hashes[slot] === h && key === lower) return this.values[slot]!;
    }
  }

  private insert(lower: string, h: number): V {
    const value = this.describe(lower);
    if (this.size >= this.limit) this.reset(1024);
    else if ((this.size + 1) * 2 > this.keys.length) this.rehash();
    this.place(lower, h, value);
    this.size++;
    return value;
  }

  private place(key: string, h: number, value: V): void {
    let slot = h & this.mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.keys[slot] = key;
    this.values[slot] = value;
    this.hashes[slot] = h;
  }

  private reset(capacity: number): void {
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
  }

  private rehash(): void {
    const { keys, values, hashes } = this;
    this.reset(keys.length * 2);
    for (let slot = 0; slot < keys.length; slot++) {
      const key = keys[slot];
      if (key !== undefined) {
        this.place(key, hashes[slot]!, values[slot]!);
        this.size++;
      }
    }
  }
}

/** Whether `key` equals the lowered units of text from `start` (key.length units; no SLOW units there). */
function sameLowered(key: string, text: string, start: number): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = text.charCodeAt(start + i);
    const l = c < 128 ? (c >= 0x41 && c <= 0x5a ? c + 32 : c) : lowerUnit(c);
    if (l !== key.charCodeAt(i)) return false;
  }
  return true;
}

/** Split `text` into words with their UTF-16 offsets and lower-cased forms. */
export function tokenize(text: string): Token[] {
  const spans = createWordSpans(Math.max(16, text.length >> 3));
  scanWords(text, spans);
  const tokens: Token[] = new Array(spans.count);
  for (let k = 0; k < spans.count; k++) {
    const start = spans.starts[k]!;
    const end = spans.ends[k]!;
    const surface = text.slice(start, end);
    tokens[k] = { surface, lower: lowerWord(surface), start, end };
  }
  return tokens;
}

/**
 * scanWords' character rule, for a scanner that applies it in a pass of its own (word-tally.ts counts
 * words while it finds them): the class bits, the ASCII table and `classifyAt` (class | width << 8).
 */
export const WORD_RULE = { WORD, MARK, JOINER, DIGIT_SEPARATOR, DIGIT, ASCII, classifyAt } as const;
