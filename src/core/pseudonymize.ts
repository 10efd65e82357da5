/**
 * Replacing participants' real names with pseudonyms at ingest, so real names never reach the store.
 *
 * Why not one combined case-insensitive RegExp: V8 ran it at ~65 MB/s for the 8 names of the sample
 * map and at ~28 MB/s for 200 names, which alone would use up the ingest budget (30 MB/s). Instead
 * the name forms go into a trie of case-folded code units and the text is scanned once for word starts
 * that begin like a name, and only those walk the trie (name-scan.ts; ~600 MB/s however many names there are).
 *
 * Which occurrences are names: in prose, a name written all in lower case ("bunga" = flower, "will",
 * "indah" = beautiful) is taken for the common word and left alone, unless an honorific stands before it
 * ("bu indah"); `find` reports it as `possible`. In file names, paths and speaker labels (`anyCase`) case
 * does not matter: "w01-siti" is Siti.
 */

import { InputError } from '../errors.js';
import { isHonorific, stripHonorifics } from './honorifics.js';
import { foldUnit, isSpace, isWordAt } from './name-chars.js';
import { indexForms, scanNames } from './name-scan.js';

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
  /** The text as written (without a clitic or possessive after it). */
  matched: string;
  /** Written all in lower case with no honorific before it: perhaps the common word, not the name. */
  possible: boolean;
}

/** How to replace: `anyCase` for places where a lower-case name is still a name (file names, paths, labels). */
export interface ReplaceOptions {
  anyCase?: boolean;
}

export interface Pseudonymizer {
  /** `text` with every real name replaced by its pseudonym, and how many were replaced. */
  replace(text: string, options?: ReplaceOptions): { text: string; count: number };
  /** Every occurrence of a real name or variant in `text`, in order, whatever its case. */
  find(text: string): PseudonymMatch[];
}

const DOT = 0x2e;

/** A map row made ready to replace with. */
interface Person {
  entry: PseudonymEntry;
  /** The pseudonym without its leading honorifics, for text that already has one ("Bu Siti" → "Bu Sumiati", not "Bu Bu Sumiati"). */
  bare: string;
}

/** One way of writing a person's name, case-folded into code units ready to compare. */
interface Form {
  units: Uint16Array;
  person: Person;
}

/** Compile a pseudonym map into a matcher; throws InputError when two people share a name form. */
export function compilePseudonymizer(entries: readonly PseudonymEntry[]): Pseudonymizer {
  const index = indexForms(collectForms(entries));
  return {
    replace(text, options = {}) {
      const hits = scanNames(text, index);
      if (hits.length === 0) return { text, count: 0 };
      const parts: string[] = [];
      let last = 0;
      let count = 0;
      for (const { start, end, person } of hits) {
        const matched = text.slice(start, end);
        const titled = honorificBefore(text, start);
        if (!options.anyCase && !titled && isAllLowerCase(matched)) continue;
        parts.push(text.slice(last, start), matchCase(matched, titled ? person.bare : person.entry.pseudonym));
        last = end;
        count++;
      }
      if (count === 0) return { text, count };
      parts.push(text.slice(last));
      return { text: parts.join(''), count };
    },
    find(text) {
      return scanNames(text, index).map(({ start, end, person }) => {
        const matched = text.slice(start, end);
        return { start, end, realName: person.entry.realName, matched, possible: isAllLowerCase(matched) && !honorificBefore(text, start) };
      });
    },
  };
}

/**
 * Every distinct form of every entry, validated: each real name and variant as the map writes it and without
 * its leading honorifics. Both, because a leading word may be a title ("Pak Teguh": the text's own "Mas Teguh"
 * keeps its "Mas") or part of the name ("Teh Siew Ling": the whole is replaced where the text has it whole).
 */
function collectForms(entries: readonly PseudonymEntry[]): Form[] {
  const byKey = new Map<string, Form>();
  for (const entry of entries) {
    const person: Person = { entry, bare: stripHonorifics(entry.pseudonym) };
    for (const raw of [entry.realName, ...entry.variants]) {
      const whole = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
      for (const text of new Set([whole, stripHonorifics(whole)])) addForm(byKey, text, raw, person);
    }
  }
  return [...byKey.values()];
}

function addForm(byKey: Map<string, Form>, text: string, raw: string, person: Person): void {
  const { entry } = person;
  if (text === '') return;
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
  if (seen && seen.person.entry !== entry) {
    throw new InputError(`"${text}" is a name form of both "${seen.person.entry.realName}" and "${entry.realName}"`, {
      hint: 'A shared first name cannot be pseudonymized safely; keep it as a variant of one person only, or use full names',
    });
  }
  if (!seen) byKey.set(key, { units, person });
}

function foldForm(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = foldUnit(text.charCodeAt(i));
  return units;
}

/** Does an honorific ("Bu ", "Dr.", "Ibu Hj. ") stand right before `start`? */
function honorificBefore(text: string, start: number): boolean {
  let k = start;
  while (k > 0 && isSpace(text.charCodeAt(k - 1))) k--;
  if (k > 0 && text.charCodeAt(k - 1) === DOT) k--;
  if (k === start) return false;
  let w = k;
  // Every honorific is a short ASCII word.
  while (w > 0 && k - w <= 8 && isAsciiLetter(text.charCodeAt(w - 1))) w--;
  if (w === k || (w > 0 && isWordAt(text, w - 1))) return false;
  return isHonorific(text.slice(w, k));
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** "bunga" is written all in lower case; "Bunga", "BUNGA" and "bunga Citra" are not. */
function isAllLowerCase(s: string): boolean {
  return s === s.toLowerCase() && s !== s.toUpperCase();
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
