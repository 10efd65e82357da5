/**
 * A rule-based sentence splitter for Indonesian and English transcripts. Intl.Segmenter is correct
 * but runs at ~11 MB/s; this runs a single pass over char codes and only looks closer at candidate
 * boundaries (after . ! ? …), which is where all the rules live.
 */

/** A sentence as UTF-16 offsets into the text: `text.slice(start, end)`, trimmed. */
export interface SentenceRange {
  start: number;
  end: number;
}

const ELLIPSIS = 0x2026;
/** Where a sentence may end: a terminator (. ! ? …) or a line break. */
const CANDIDATE = /[.!?\u2026\n\r]/g;

/** Closing quotes and brackets that stay with the sentence they close. */
const CLOSERS = new Set([0x22, 0x27, 0x29, 0x5d, 0x7d, 0x2019, 0x201d, 0xbb, 0x203a, 0x300d, 0x300f]);
/** Opening quotes and brackets that may start a sentence (straight quotes are both). */
const OPENERS = new Set([0x22, 0x27, 0x28, 0x5b, 0x7b, 0x2018, 0x201c, 0x201e, 0x201a, 0xab, 0x2039, 0x300c, 0x300e, 0xbf, 0xa1]);

/** Tokens before a '.' that do not end a sentence, compared in lower case. */
const ABBREVIATIONS = new Set([
  // Indonesian titles, address forms and common abbreviations
  'bpk', 'sdr', 'sdri', 'dr', 'drs', 'dra', 'prof', 'ir', 'hj', 'ny', 'tn', 'yth',
  'jl', 'rp', 'tgl', 'dll', 'dsb', 'dst', 'dkk', 'hlm', 'kab', 'kec', 'kel',
  'a.n', 'u.p', 's.sos', 'm.si', 's.h',
  // English
  'mr', 'mrs', 'ms', 'st', 'jr', 'e.g', 'i.e', 'etc', 'vs', 'approx',
]);
/**
 * Address forms that are also whole words. "Iya, Pak. Saya sudah daftar." ends a sentence, so after a
 * comma they are taken as a vocative, elsewhere as a title ("Pak. Budi").
 */
const ADDRESS_FORMS = new Set(['pak', 'bu', 'ibu']);
/** Case matters: "No. 5" is an abbreviation, "I said no. Then…" is not. */
const CASE_SENSITIVE_ABBREVIATIONS = ['No'];
const MAX_ABBREVIATION_LENGTH = 12;
/** The longest token in ABBREVIATIONS, ADDRESS_FORMS and CASE_SENSITIVE_ABBREVIATIONS. */
const LONGEST_LISTED = Math.max(...[...ABBREVIATIONS, ...ADDRESS_FORMS, ...CASE_SENSITIVE_ABBREVIATIONS].map((token) => token.length));

const UPPER_OR_DIGIT = /[\p{Lu}\p{Lt}\p{Nd}]/uy;
const LETTER = /\p{L}/uy;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const EMOJI_RUN = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0e\ufe0f\u20e3]+/uy;

/**
 * Start, end pairs of sentences in a typed array that doubles when full: a JS array grown one push at a
 * time was copied over and over (on the bench corpus, a twelfth of what ingest's parsing allocated).
 */
export class SentenceBounds {
  /** The pairs, in values[0, length); the array may be replaced as it grows. */
  values: Int32Array;
  length = 0;

  constructor(capacity = 64) {
    this.values = new Int32Array(Math.max(2, capacity));
  }

  /** Appends one sentence's start and end. */
  push(start: number, end: number): void {
    if (this.length + 2 > this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = start;
    this.values[this.length++] = end;
  }
}

/** Split `text` into sentences (UTF-16 offsets, trimmed, in order, covering every non-space character). */
export function splitSentences(text: string): SentenceRange[] {
  const bounds = new SentenceBounds();
  new SentenceSplitter(text, bounds).run();
  const ranges: SentenceRange[] = [];
  for (let k = 0; k < bounds.length; k += 2) ranges.push({ start: bounds.values[k]!, end: bounds.values[k + 1]! });
  return ranges;
}

/** splitSentences as start, end pairs appended to `into` (no object per sentence); returns how many sentences. */
export function appendSentenceBounds(text: string, into: SentenceBounds): number {
  const before = into.length;
  new SentenceSplitter(text, into).run();
  return (into.length - before) / 2;
}

class SentenceSplitter {
  private readonly n: number;
  /** Start of the current sentence: always a non-space character (or n). */
  private start: number;
  private i: number;

  constructor(
    private readonly text: string,
    /** Start and end of each sentence found. */
    private readonly bounds: SentenceBounds,
  ) {
    this.n = text.length;
    this.start = skipSpaces(text, 0);
    this.i = this.start;
  }

  run(): void {
    const { text, n } = this;
    while (this.i < n) {
      // The hot part: V8's RegExp skips ordinary characters ~3x faster than a loop over char codes.
      CANDIDATE.lastIndex = this.i;
      if (!CANDIDATE.test(text)) break;
      const i = CANDIDATE.lastIndex - 1;
      if (isLineBreak(text.charCodeAt(i))) this.atNewline(i);
      else this.atTerminator(i);
    }
    if (this.start < n) this.bounds.push(this.start, trimEnd(text, n));
  }

  /** A blank line (possibly holding spaces) always ends a sentence; a single line break is a space. */
  private atNewline(i: number): void {
    const { text, n } = this;
    let j = i + 1;
    if (text.charCodeAt(i) === 0x0d && text.charCodeAt(j) === 0x0a) j++;
    while (j < n && isHorizontalSpace(text.charCodeAt(j))) j++;
    if (j < n && isLineBreak(text.charCodeAt(j))) this.endSentence(trimEnd(text, i), skipSpaces(text, j));
    else this.i = j;
  }

  private atTerminator(i: number): void {
    const { text, n } = this;
    let j = i;
    let strong = false;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x21 || c === 0x3f) strong = true;
      else if (c !== 0x2e && c !== ELLIPSIS) break;
    }
    let k = j;
    while (k < n && CLOSERS.has(text.charCodeAt(k))) k++;
    this.i = k;
    // Only a boundary when followed by a space: not "3.5", "Rp16.800", "bpjs.go.id".
    if (k >= n || !isSpace(text.charCodeAt(k))) return;
    // Punctuation alone ("... Iya") is not a sentence.
    if (i === this.start) return;
    const afterAbbreviation = j === i + 1 && text.charCodeAt(i) === 0x2e && isAbbreviationBefore(text, i);
    // A quote closed after ?/! followed by lower case continues: '"Kenapa?" tanya dia.'
    const anyLetter = strong && k === j;

    let end = k;
    let m = k;
    for (;;) {
      const lineBreaks = countLineBreaks(text, m);
      m = skipSpaces(text, m);
      if (m >= n) {
        this.i = n;
        return;
      }
      if (lineBreaks >= 2) return this.endSentence(end, m);
      if (text.charCodeAt(m) < 0x80) break;
      // Emoji after the punctuation belong to the sentence they react to: "Senang! 😀 Terus…"
      EMOJI_RUN.lastIndex = m;
      if (!EMOJI_RUN.test(text)) break;
      const e = EMOJI_RUN.lastIndex;
      if (e >= n || !isSpace(text.charCodeAt(e))) {
        this.i = e;
        return;
      }
      end = e;
      m = e;
    }
    if (!afterAbbreviation && startsSentence(text, m, anyLetter)) this.endSentence(end, m);
    else this.i = m;
  }

  private endSentence(end: number, next: number): void {
    this.bounds.push(this.start, end);
    this.start = next;
    this.i = next;
  }
}

/** Does the character at `m` begin a sentence (upper case, digit, opening quote, or any letter after ?/!)? */
function startsSentence(text: string, m: number, anyLetter: boolean): boolean {
  const c = text.charCodeAt(m);
  if (c < 0x80) {
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) return true;
    if (c >= 0x61 && c <= 0x7a) return anyLetter;
    return OPENERS.has(c);
  }
  if (OPENERS.has(c)) return true;
  UPPER_OR_DIGIT.lastIndex = m;
  if (UPPER_OR_DIGIT.test(text)) return true;
  LETTER.lastIndex = m;
  return anyLetter && LETTER.test(text);
}

/** Is the '.' at `dot` the end of an abbreviation, an initial ("A. Yani") or a list number at a line start? */
function isAbbreviationBefore(text: string, dot: number): boolean {
  // Most words before a full stop are longer than any listed token and end in more than three letters, so
  // they are no abbreviation, dotted or not: told from the last LONGEST_LISTED + 1 characters alone.
  if (dot > LONGEST_LISTED && endsInLetters(text, dot, LONGEST_LISTED + 1)) return false;
  let b = dot;
  let dotted = false;
  while (b > 0 && dot - b < MAX_ABBREVIATION_LENGTH) {
    const c = text.charCodeAt(b - 1);
    if (isAsciiLetter(c)) b--;
    else if (c === 0x2e) {
      b--;
      dotted = true;
    } else break;
  }
  if (b === dot) return isListNumberBefore(text, dot);
  if (b > 0 && isWordCharAt(text, b - 1)) return false;
  const length = dot - b;
  // Longer than any listed token (with a dot in its last seven characters): only a dotted one could match.
  if (length > LONGEST_LISTED) return dotted && isDottedAbbreviation(text, b, dot);
  if (length === 1) {
    const c = text.charCodeAt(b);
    return c >= 0x41 && c <= 0x5a;
  }
  // Compared as numbers: a slice and its lower case per full stop were a tenth of ingest's allocation.
  // An array, not a Set: iterating a Set per full stop cost more than the rest of the test.
  for (let k = 0; k < CASE_SENSITIVE_ABBREVIATIONS.length; k++) {
    const token = CASE_SENSITIVE_ABBREVIATIONS[k]!;
    if (token.length === length && text.startsWith(token, b)) return true;
  }
  const kind = LISTED_KEYS.get(tokenKey(text, b, dot));
  if (kind === ADDRESS_FORM) return !isAfterComma(text, b);
  return kind === ABBREVIATION || (dotted && isDottedAbbreviation(text, b, dot));
}

/** Are the `n` characters before `end` all ASCII letters? */
function endsInLetters(text: string, end: number, n: number): boolean {
  for (let k = end - n; k < end; k++) if (!isAsciiLetter(text.charCodeAt(k))) return false;
  return true;
}

/**
 * A token of ASCII letters and dots, at most LONGEST_LISTED long, as a number that ignores case: five bits
 * a character (letters 1-26, the dot 27), so different tokens never share one.
 */
function tokenKey(text: string, from: number, to: number): number {
  let key = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    key = key * 32 + (c === 0x2e ? 27 : (c | 0x20) - 0x60);
  }
  return key;
}

const ABBREVIATION = 1;
const ADDRESS_FORM = 2;
/** The listed tokens by tokenKey: one lookup per full stop tells an abbreviation, an address form or neither. */
const LISTED_KEYS = new Map<number, number>([
  ...[...ABBREVIATIONS].map((token): [number, number] => [tokenKey(token, 0, token.length), ABBREVIATION]),
  ...[...ADDRESS_FORMS].map((token): [number, number] => [tokenKey(token, 0, token.length), ADDRESS_FORM]),
]);

/** "S.Kom", "a.l", "s.d", "Ph.D": short letter groups (1-3) joined by dots, in text[from, to). */
function isDottedAbbreviation(text: string, from: number, to: number): boolean {
  let group = 0;
  let dots = 0;
  for (let k = from; k < to; k++) {
    if (text.charCodeAt(k) !== 0x2e) group++;
    else if (group < 1 || group > 3) return false;
    else {
      group = 0;
      dots++;
    }
  }
  return dots > 0 && group >= 1 && group <= 3;
}

/** "1. Daftar dulu" at the start of a line is a list item, not a sentence "1.". */
function isListNumberBefore(text: string, dot: number): boolean {
  let d = dot;
  while (d > 0 && dot - d < 4 && isAsciiDigit(text.charCodeAt(d - 1))) d--;
  if (d === dot || dot - d > 3) return false;
  while (d > 0 && isHorizontalSpace(text.charCodeAt(d - 1))) d--;
  return d === 0 || isLineBreak(text.charCodeAt(d - 1));
}

function isAfterComma(text: string, b: number): boolean {
  while (b > 0 && isHorizontalSpace(text.charCodeAt(b - 1))) b--;
  return b > 0 && text.charCodeAt(b - 1) === 0x2c;
}

function isWordCharAt(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  if (c < 0x80) return isAsciiLetter(c) || isAsciiDigit(c);
  if (c >= 0xdc00 && c <= 0xdfff && index > 0) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(index - 1) ?? c));
  return WORD_CHAR.test(String.fromCharCode(c));
}

function countLineBreaks(text: string, from: number): number {
  let count = 0;
  for (let m = from; m < text.length; m++) {
    const c = text.charCodeAt(m);
    if (!isSpace(c)) break;
    // CRLF counts once, at its LF.
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(m + 1) !== 0x0a)) count++;
  }
  return count;
}

function skipSpaces(text: string, from: number): number {
  let m = from;
  while (m < text.length && isSpace(text.charCodeAt(m))) m++;
  return m;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Exactly JavaScript's `\s`. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

function isHorizontalSpace(c: number): boolean {
  return !isLineBreak(c) && isSpace(c);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
