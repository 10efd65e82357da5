/** Reads a code's patterns: mapping (per-language terms, all, near, not, regex) and its terms. */
import { isMap, isScalar } from 'yaml';
import { LANGUAGES } from './read-codebook-header.js';
import { checkRegexSafety } from './validate-regex.js';
import { nodeOffset, scalarText, type Field, type YamlFieldReader } from './yaml-field-reader.js';
import type { CodePatterns, Language, NearPattern, PatternTerm } from './types.js';

const PATTERN_KEYS = ['id', 'en', 'all', 'near', 'not', 'regex', 'fire_when_negated'];
const NEAR_KEYS = ['terms', 'within'];

/** Patterns that fire nothing: what a code without patterns: has. */
export function emptyPatterns(): CodePatterns {
  return { any: {}, all: [], near: [], not: [], regex: [], fireWhenNegated: false };
}

/** Reads patterns: of the code named by `where`; terms in a language the codebook does not use are warned about. */
export function readPatterns(reader: YamlFieldReader, field: Field, where: string, languages: readonly Language[]): CodePatterns {
  const patterns = emptyPatterns();
  if (!isMap(field.value)) {
    reader.error(reader.where(field), 'patterns: must be a mapping with id:, en:, all:, near:, not: or regex:');
    return patterns;
  }
  const fields = reader.fields(field.value, PATTERN_KEYS, `the patterns of ${where}`);
  for (const language of LANGUAGES) {
    const list = fields.get(language);
    if (!list) continue;
    const terms = readTerms(reader, list, `patterns ${language}`);
    if (!languages.includes(language)) {
      reader.warn(list.key, `patterns ${language}: are not used because codebook languages is [${languages.join(', ')}]`);
    } else if (terms) patterns.any[language] = terms;
  }
  const all = fields.get('all');
  if (all) {
    for (const group of readNonEmptyList(reader, all, 'patterns all') ?? []) {
      const terms = readTerms(reader, { key: all.key, value: reader.deref(group) }, 'each group of all');
      if (terms) patterns.all.push(terms);
    }
  }
  const near = fields.get('near');
  if (near) {
    for (const item of readNonEmptyList(reader, near, 'patterns near') ?? []) {
      const found = readNear(reader, reader.deref(item), near);
      if (found) patterns.near.push(found);
    }
  }
  const not = fields.get('not');
  if (not) patterns.not = readTerms(reader, not, 'patterns not') ?? [];
  const regex = fields.get('regex');
  if (regex) {
    for (const item of readNonEmptyList(reader, regex, 'patterns regex') ?? []) {
      const node = reader.deref(item);
      const source = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
      const why = source === undefined ? 'each regex must be text (quote it with single quotes)' : checkRegexSafety(source);
      if (why) reader.error(node ?? regex.value, source === undefined ? why : `regex refused: ${why}`);
      else patterns.regex.push({ source: source!, flags: 'i', ...reader.position(nodeOffset(node)) });
    }
  }
  patterns.fireWhenNegated = reader.bool(fields.get('fire_when_negated'), 'fire_when_negated') ?? false;
  const fires = LANGUAGES.some((l) => fields.has(l)) || fields.has('all') || fields.has('near') || fields.has('regex');
  if (!fires) reader.error(field.key, `the patterns of ${where} have nothing that can fire the code; add id:, en:, all:, near: or regex:`);
  return patterns;
}

function readNear(reader: YamlFieldReader, node: unknown, near: Field): NearPattern | undefined {
  if (!isMap(node)) {
    reader.error(node ?? near.value, 'each item of near must be a mapping like { terms: [kartu, keluar], within: 5 }');
    return undefined;
  }
  const fields = reader.fields(node, NEAR_KEYS, 'near');
  const termsField = fields.get('terms');
  const withinField = fields.get('within');
  if (!termsField) reader.error(node, 'near needs terms: (two or more terms)');
  if (!withinField) reader.error(node, 'near needs within: (how many words apart, like within: 5)');
  const terms = termsField ? readTerms(reader, termsField, 'near terms') : undefined;
  if (terms && terms.length < 2) reader.error(termsField!.value, 'near needs at least two terms');
  const within = withinField ? reader.positiveInteger(withinField, 'within') : undefined;
  return terms && within !== undefined ? { terms, within } : undefined;
}

function readNonEmptyList(reader: YamlFieldReader, field: Field, what: string): unknown[] | undefined {
  const items = reader.list(field, what);
  if (items && items.length === 0) reader.error(field.value, `${what} is an empty list; add terms or remove the key`);
  return items;
}

/** A list of terms; undefined when it is not a usable list. */
function readTerms(reader: YamlFieldReader, field: Field, what: string): PatternTerm[] | undefined {
  const items = readNonEmptyList(reader, field, what);
  if (!items) return undefined;
  const terms: PatternTerm[] = [];
  for (const item of items) {
    const node = reader.deref(item);
    const term = readTerm(reader, node, field);
    if (term) terms.push(term);
  }
  return terms;
}

/** One term: `word`, `two words` (stems), `"exact phrase"` or `prefix*`. */
function readTerm(reader: YamlFieldReader, node: unknown, field: Field): PatternTerm | undefined {
  if (node === null) return undefined; // an alias without anchor, already reported
  const raw = scalarText(node);
  const at = node ?? field.value;
  if (raw === undefined && !(isScalar(node) && node.value === null)) {
    reader.error(at, 'each term must be text (a word, a phrase, "an exact phrase" or prefix*)');
    return undefined;
  }
  const text = (raw ?? '').trim().replace(/\s+/g, ' ');
  const fail = (message: string): undefined => void reader.error(at, message);
  if (!text) return fail('empty term; write a word or remove the item');
  const place = reader.position(nodeOffset(at));
  if (text.startsWith('"')) {
    if (text.length < 2 || !text.endsWith('"')) return fail(`unclosed quote in term ${JSON.stringify(text)}; an exact phrase is written '"kartu peserta"'`);
    const inner = text.slice(1, -1).trim();
    if (!inner) return fail('empty exact phrase; write words between the quotes');
    if (inner.includes('"')) return fail(`a quote inside the exact phrase ${JSON.stringify(text)}; quotes only wrap the whole phrase`);
    if (inner.includes('*')) return fail(`a * inside the exact phrase ${JSON.stringify(text)}; exact phrases have no wildcards`);
    return { text: inner, kind: 'exact', ...place };
  }
  if (text.includes('"')) return fail(`a quote inside the term ${JSON.stringify(text)}; for an exact phrase wrap the whole term: '"kartu peserta"'`);
  if (text.endsWith('*')) {
    const prefix = text.slice(0, -1);
    if (!prefix || prefix.includes('*') || prefix.includes(' ')) {
      return fail(`bad prefix term ${JSON.stringify(text)}; a prefix is one word followed by * (like daftar*)`);
    }
    return { text: prefix, kind: 'prefix', ...place };
  }
  if (text.includes('*')) return fail(`a * in the middle of ${JSON.stringify(text)}; * may only end a single word (like daftar*)`);
  return { text, kind: 'stem', ...place };
}
