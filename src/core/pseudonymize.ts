/**
 * Replacing participants' real names with pseudonyms at ingest, so real names never reach the store.
 *
 * Why not one combined case-insensitive RegExp: V8 ran it at ~65 MB/s for the 8 names of the sample
 * map and at ~28 MB/s for 200 names, which alone would use up the ingest budget (30 MB/s). Instead
 * the name forms go into a trie of case-folded code units and the text is scanned once: a word start
 * costs a table lookup, and only words that begin like a name walk the trie (~100+ MB/s however
 * many names there are).
 */

import { InputError } from '../errors.js';

/** One row of a pseudonym map: a real name, its pseudonym, and other forms of the name (first name…). */
export interface PseudonymEntry {
  realName: string;
  pseudonym: string;
  variants: string[];
}

/** A place where a real name (or a variant) occurs, as UTF-16 offsets into the text. */
export interface PseudonymMatch {
  start: number;
  end: number;
  /** The map's real name the match belongs to. */
  realName: string;
  /** The text as written (without any honorific before it). */
  matched: string;
}

export interface Pseudonymizer {
  /** `text` with every real name replaced by its pseudonym, and how many were replaced. */
  replace(text: string): { text: string; count: number };
  /** Every occurrence of a real name or variant in `text`, in order. */
  find(text: string): PseudonymMatch[];
}

/**
 * Honorifics a map may put before a name ("Pak Sudarto"). They are stripped for matching: the text's
 * own "Pak"/"Bu"/"Mr." then stays as written and only the name after it is replaced.
 */
const LEADING_HONORIFIC = /^(?:bapak|pak|ibu|bu|mas|mbak|kak|bang|mrs|mr|ms)\.?\s+/i;
const SPACE = 0x20;
const APOSTROPHE = 0x27;

/** One way of writing a person's name, case-folded into code units ready to compare. */
interface Form {
  units: Uint16Array;
  entry: PseudonymEntry;
}

/** Compile a pseudonym map into a matcher; throws InputError when two people share a name form. */
export function compilePseudonymizer(entries: readonly PseudonymEntry[]): Pseudonymizer {
  const index = indexForms(collectForms(entries));
  return {
    replace(text) {
      const hits = scanNames(text, index);
      if (hits.length === 0) return { text, count: 0 };
      const parts: string[] = [];
      let last = 0;
      for (const { start, end, entry } of hits) {
        const matched = text.slice(start, end);
        parts.push(text.slice(last, start), matchCase(matched, entry.pseudonym));
        last = end;
      }
      parts.push(text.slice(last));
      return { text: parts.join(''), count: hits.length };
    },
    find(text) {
      return scanNames(text, index).map(({ start, end, entry }) => ({ start, end, realName: entry.realName, matched: text.slice(start, end) }));
    },
  };
}

/** Every distinct form of every entry (real name and variants, honorifics stripped), validated. */
function collectForms(entries: readonly PseudonymEntry[]): Form[] {
  const byKey = new Map<string, Form>();
  for (const entry of entries) {
    for (const raw of [entry.realName, ...entry.variants]) {
      const text = stripHonorifics(raw.normalize('NFC').trim().replace(/\s+/g, ' '));
      if (text === '') continue;
      if ((text.match(/\p{L}/gu)?.length ?? 0) < 2) {
        throw new InputError(`the name form "${raw}" of "${entry.realName}" is too short to replace safely`, {
          hint: 'Use a variant with at least two letters',
        });
      }
      if (!isWordAt(text, 0)) {
        throw new InputError(`the name form "${raw}" of "${entry.realName}" does not begin with a letter`, {
          hint: 'Write names without quotes or brackets around them',
        });
      }
      const units = foldForm(text);
      const key = String.fromCharCode(...units);
      const seen = byKey.get(key);
      if (seen && seen.entry !== entry) {
        throw new InputError(`"${text}" is a name form of both "${seen.entry.realName}" and "${entry.realName}"`, {
          hint: 'A shared first name cannot be pseudonymized safely; keep it as a variant of one person only, or use full names',
        });
      }
      if (!seen) byKey.set(key, { units, entry });
    }
  }
  return [...byKey.values()];
}

function stripHonorifics(name: string): string {
  let rest = name;
  for (let m = LEADING_HONORIFIC.exec(rest); m !== null; m = LEADING_HONORIFIC.exec(rest)) rest = rest.slice(m[0].length);
  // A "name" that is only an honorific stays as it is.
  return rest === '' ? name : rest;
}

function foldForm(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = foldUnit(text.charCodeAt(i));
  return units;
}

/** A trie over folded units; a space edge stands for any run of white space in the text. */
interface TrieNode {
  next: Map<number, TrieNode>;
  /** Set when a form ends here. */
  entry: PseudonymEntry | undefined;
}

interface NameIndex {
  root: TrieNode;
  /** A cheap filter in front of the trie: low bytes of a form's first two units; most words fail here. */
  maybe: Uint8Array;
}

function indexForms(forms: Form[]): NameIndex {
  const root: TrieNode = { next: new Map(), entry: undefined };
  const maybe = new Uint8Array(0x10000);
  for (const { units, entry } of forms) {
    maybe[((units[0]! & 0xff) << 8) | (units[1]! & 0xff)] = 1;
    let node = root;
    for (const u of units) {
      let child = node.next.get(u);
      if (!child) node.next.set(u, (child = { next: new Map(), entry: undefined }));
      node = child;
    }
    node.entry = entry;
  }
  return { root, maybe };
}

interface Hit {
  start: number;
  end: number;
  entry: PseudonymEntry;
}

/** Every whole-word occurrence of a form in `text`, left to right, never overlapping. */
function scanNames(text: string, { root, maybe }: NameIndex): Hit[] {
  const hits: Hit[] = [];
  if (root.next.size === 0) return hits;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Between words: look for the next word start.
    let c = text.charCodeAt(i);
    if (!(c < 0x80 ? ASCII_WORD[c] === 1 : isWordAt(text, i))) {
      i += isHighSurrogate(c) ? 2 : 1;
      continue;
    }
    if (i + 1 < n) {
      const next = text.charCodeAt(i + 1);
      const u0 = c < 0x80 ? ASCII_FOLD[c]! : foldUnit(c);
      const u1 = next < 0x80 ? ASCII_FOLD[next]! : foldTextUnit(next);
      if (maybe[((u0 & 0xff) << 8) | (u1 & 0xff)] === 1) {
        const hit = matchLongest(text, i, root);
        if (hit) {
          hits.push(hit);
          // matchLongest checked that no word character follows.
          i = hit.end;
          continue;
        }
      }
    }
    // Inside a word that is not a name: skip to its end.
    i += isHighSurrogate(c) ? 2 : 1;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 0x80) {
        if (ASCII_WORD[c] !== 1) break;
        i++;
      } else {
        if (!isWordAt(text, i)) break;
        i += isHighSurrogate(c) ? 2 : 1;
      }
    }
  }
  return hits;
}

/** The longest form starting at `start` that ends at a word boundary (so "Siti Aminah" beats "Siti"). */
function matchLongest(text: string, start: number, root: TrieNode): Hit | undefined {
  const n = text.length;
  let best: Hit | undefined;
  let node = root;
  let j = start;
  while (j < n) {
    const c = text.charCodeAt(j);
    let child: TrieNode | undefined;
    if (isSpace(c)) {
      child = node.next.get(SPACE);
      do j++;
      while (j < n && isSpace(text.charCodeAt(j)));
    } else {
      child = node.next.get(foldUnit(c));
      j++;
    }
    if (!child) break;
    node = child;
    if (node.entry && (j >= n || !isWordAt(text, j))) best = { start, end: j, entry: node.entry };
  }
  return best;
}

/** The pseudonym in the case style of what it replaces: "SITI" → "SUMIATI", "siti" (a file name) → "sumiati". */
function matchCase(matched: string, pseudonym: string): string {
  if (isAllCapitals(matched)) return pseudonym.toUpperCase();
  if (matched === matched.toLowerCase() && matched !== matched.toUpperCase()) return pseudonym.toLowerCase();
  return pseudonym;
}

/** "SITI AMINAH" (a speaker label) is written in capitals; "Siti" and "siti" are not. */
function isAllCapitals(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

// ---- character classes, cached per UTF-16 code unit ----

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]/u;
/** 1 word character, 0 not, 255 not computed yet. */
const bmpWord = new Uint8Array(0x10000).fill(255);
/** Folded unit + 1, 0 not computed yet. */
const foldCache = new Uint32Array(0x10000);
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
/** foldTextUnit for ASCII, as a table for the scanning loop. */
const ASCII_FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_FOLD[c] = foldTextUnit(c);

/** Is the code point at `i` a letter, digit or combining mark? */
function isWordAt(text: string, i: number): boolean {
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

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Case-fold one code unit (upper then lower, where each is one unit); every apostrophe becomes "'". */
function foldUnit(c: number): number {
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
function foldTextUnit(c: number): number {
  return isSpace(c) ? SPACE : foldUnit(c);
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
