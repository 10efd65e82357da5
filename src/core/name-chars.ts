/**
 * Character classes for scanning names, cached per UTF-16 code unit: the name scanner runs over every
 * byte of every transcript at ingest, so each class costs a table lookup, not a RegExp.
 */

const SPACE = 0x20;
const APOSTROPHE = 0x27;

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]/u;
/** 1 word character, 0 not, 255 not computed yet. */
const bmpWord = new Uint8Array(0x10000).fill(255);
/** Folded unit + 1, 0 not computed yet. */
const foldCache = new Uint32Array(0x10000);
/** 1 for an ASCII letter or digit, by code unit: the scanning loop's fast path. */
export const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
/** foldTextUnit for ASCII, as a table for the scanning loop. */
export const ASCII_FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_FOLD[c] = foldTextUnit(c);

/** Is the code point at `i` a letter, digit or combining mark? */
export function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ASCII_WORD[c] === 1;
  if (c >= 0xd800 && c <= 0xdfff) {
    const cp = c <= 0xdbff ? text.codePointAt(i)! : i > 0 ? text.codePointAt(i - 1)! : c;
    return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp));
  }
  let w = bmpWord[c]!;
  if (w === 255) bmpWord[c] = w = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
  return w === 1;
}

/** The first half of a surrogate pair. */
export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * How many code units the character at `i` takes: 2 for a surrogate pair, else 1. A lone high surrogate
 * is one unit, so a name right after it is still seen.
 */
export function unitsAt(text: string, i: number): number {
  if (!isHighSurrogate(text.charCodeAt(i))) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** Case-fold one code unit (upper then lower, where each is one unit); every apostrophe becomes "'". */
export function foldUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c === 0x60 ? APOSTROPHE : c;
  const cached = foldCache[c]!;
  if (cached !== 0) return cached - 1;
  let folded = c;
  if (c === 0x2019 || c === 0x2018 || c === 0x02bc) folded = APOSTROPHE;
  else if (c < 0xd800 || c > 0xdfff) {
    const upper = String.fromCharCode(c).toUpperCase();
    const lower = (upper.length === 1 ? upper : String.fromCharCode(c)).toLowerCase();
    if (lower.length === 1) folded = lower.charCodeAt(0);
  }
  foldCache[c] = folded + 1;
  return folded;
}

/** Like foldUnit, but any space is a plain space (the second unit of a form may be one). */
export function foldTextUnit(c: number): number {
  return isSpace(c) ? SPACE : foldUnit(c);
}

/** Exactly JavaScript's `\s`. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

let bmp: string | undefined;
/** Every BMP code unit but the surrogates, in order: classes of all units are found with one RegExp pass over it. */
function bmpUnits(): string {
  if (bmp === undefined) {
    const chunks: string[] = [];
    for (let c = 0; c < 0x10000; c += 0x800) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const units = new Uint16Array(0x800);
      for (let k = 0; k < 0x800; k++) units[k] = c + k;
      chunks.push(String.fromCharCode(...units));
    }
    bmp = chunks.join('');
  }
  return bmp;
}

/** The BMP unit at `i` of bmpUnits(). */
function bmpUnitAt(i: number): number {
  return i < 0xd800 ? i : i + 0x800;
}

let words: Uint8Array | undefined;
/** 1 for each BMP code unit that is a word character by itself (surrogates: 0), computed once. */
export function wordUnits(): Uint8Array {
  if (!words) {
    words = new Uint8Array(0x10000);
    for (const m of bmpUnits().matchAll(/[\p{L}\p{N}\p{M}]+/gu)) for (let i = m.index; i < m.index + m[0].length; i++) words[bmpUnitAt(i)] = 1;
  }
  return words;
}

let folding: Map<number, number[]> | undefined;
/** Every BMP code unit but the surrogates that foldUnit turns into `folded`. */
export function unitsFolding(folded: number): readonly number[] {
  if (!folding) {
    folding = new Map();
    // Only a unit that case mapping changes, or an apostrophe, folds to another (checked against every unit in name-chars.test.ts).
    const changing = new Set([0x60, 0x2018, 0x2019, 0x02bc]);
    for (const m of bmpUnits().matchAll(/\p{Changes_When_Casemapped}/gu)) changing.add(m[0].charCodeAt(0));
    for (const c of changing) {
      const f = foldUnit(c);
      if (f === c) continue;
      const list = folding.get(f);
      if (list) list.push(c);
      else folding.set(f, [c]);
    }
  }
  const others = folding.get(folded) ?? [];
  return folded >= 0xd800 && folded <= 0xdfff ? [] : foldUnit(folded) === folded ? [folded, ...others] : others;
}
