/**
 * Parses and validates a codebook YAML file (format: docs/codebook.md) into a Codebook, reporting
 * every problem at the line:col of the node or key at fault.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLMap } from 'yaml';
import { didYouMean } from './did-you-mean.js';
import { checkRegexSafety } from './validate-regex.js';
import type { CodeDef, CodePatterns, Codebook, CodebookProblem, Language, NearPattern, PatternTerm } from './types.js';

const LANGUAGES: readonly Language[] = ['id', 'en'];
const TOP_KEYS = ['codebook', 'negation', 'codes'];
const META_KEYS = ['name', 'version', 'languages', 'authors', 'description'];
const NEGATION_KEYS = ['id', 'en', 'window'];
const CODE_KEYS = [
  'id', 'label', 'definition', 'when_to_use', 'when_not_to_use', 'parent', 'required',
  'contrasts', 'patterns', 'examples', 'counterexamples', 'children',
];
const PATTERN_KEYS = ['id', 'en', 'all', 'near', 'not', 'regex', 'fire_when_negated'];
const NEAR_KEYS = ['terms', 'within'];
const DEFAULT_NEGATION: Record<Language, string[]> = {
  id: ['tidak', 'tak', 'nggak', 'ngga', 'gak', 'enggak', 'engga', 'kagak', 'belum', 'bukan', 'jangan', 'tanpa', 'tiada'],
  en: ['not', 'no', 'never', "n't", 'without', 'nobody', 'none'],
};
const DEFAULT_WINDOW = 3;
const ID_SYNTAX = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;
// Deeper nesting than this is a mistake, and the limit keeps recursion far from the stack's end.
const MAX_DEPTH = 64;

/** A key of a YAML mapping and its value (aliases resolved; null when the key has no value). */
interface Field {
  key: unknown;
  value: unknown;
}

/** A code as read, with what is needed to resolve its place in the tree afterwards. */
interface ReadCode {
  def: CodeDef;
  /** The id node (or the code's mapping when it has no id), where messages about the code point. */
  at: unknown;
  idOk: boolean;
  /** The code it is nested under: undefined at the top, null when that code's id is unusable. */
  nestedIn: ReadCode | null | undefined;
  parentField?: { id: string; node: unknown };
  contrastRefs: { id: string; node: unknown }[];
  hasPatterns: boolean;
}

/** Parses codebook YAML; the codebook is returned only when no problem is an error. */
export function parseCodebook(text: string): { codebook?: Codebook; problems: CodebookProblem[] } {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The YAML parser recurses on nesting; absurd depth overflows the stack rather than failing cleanly.
    if (error instanceof RangeError) {
      return { problems: [{ line: 1, col: 1, severity: 'error', message: 'the YAML is nested too deeply to read' }] };
    }
    throw error;
  }
  const reader = new CodebookReader(text, lineCounter, doc);
  const syntax = doc.errors[0];
  if (syntax) {
    reader.error(syntax.pos[0], `YAML syntax: ${syntaxMessage(syntax.code, syntax.message)}`);
    return { problems: reader.problems };
  }
  const codebook = reader.read();
  const problems = reader.problems.sort((a, b) => a.line - b.line || a.col - b.col);
  return problems.some((p) => p.severity === 'error') || !codebook ? { problems } : { codebook, problems };
}

function syntaxMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document; a codebook is one document (remove the extra ---)';
  if (code === 'DUPLICATE_KEY') return 'the same key appears twice in one mapping; keep one';
  return message.split('\n')[0]!;
}

class CodebookReader {
  readonly problems: CodebookProblem[] = [];
  private languages: Language[] = [...LANGUAGES];
  private readonly codes: ReadCode[] = [];
  private readonly seenCodeMaps = new Set<unknown>();

  constructor(
    private readonly source: string,
    private readonly lines: LineCounter,
    private readonly doc: Document,
  ) {}

  error(where: unknown, message: string): void {
    this.report(where, message, 'error');
  }

  warn(where: unknown, message: string): void {
    this.report(where, message, 'warning');
  }

  private report(where: unknown, message: string, severity: 'error' | 'warning'): void {
    const offset = typeof where === 'number' ? where : nodeOffset(where);
    this.problems.push({ ...this.position(offset), message, severity });
  }

  /** 1-based line and column (in code points) of a character offset. */
  private position(offset: number): { line: number; col: number } {
    const at = Math.max(0, Math.min(offset, this.source.length));
    const { line } = this.lines.linePos(at);
    let col = 1;
    for (let i = this.lines.lineStarts[line - 1] ?? 0; i < at; i += 1) {
      const c = this.source.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) col += 1;
    }
    return { line, col };
  }

  read(): Codebook | undefined {
    const top = this.deref(this.doc.contents);
    if (top === null || top === undefined) {
      this.error(0, 'the codebook file is empty; start it with codebook: (name, version) and codes:');
      return undefined;
    }
    if (!isMap(top)) {
      this.error(top, 'a codebook file is a mapping with codebook:, negation: and codes:');
      return undefined;
    }
    const fields = this.fields(top, TOP_KEYS, 'the codebook file');
    const meta = this.readMeta(fields.get('codebook'), top);
    const negation = this.readNegation(fields.get('negation'));
    const codesField = fields.get('codes');
    if (!codesField) this.error(top, 'the codebook has no codes:; add a list of codes, each with id: and definition:');
    else if (this.isEmpty(codesField)) this.error(codesField.key, 'codes: is empty; add at least one code');
    else {
      const list = this.list(codesField, 'codes');
      if (list && list.length === 0) this.error(codesField.value, 'codes: is empty; add at least one code');
      if (list) this.readCodes(list, undefined, 0);
    }
    const ordered = this.resolveTree();
    if (!meta) return undefined;
    return { ...meta, languages: this.languages, negation, codes: ordered };
  }

  // ----- generic YAML helpers -----

  /** Resolves an alias to its node; an alias without an anchor is reported and read as missing. */
  private deref(node: unknown): unknown {
    if (!isAlias(node)) return node;
    const target = node.resolve(this.doc);
    if (target === undefined) this.error(node, `*${node.source} refers to no anchor &${node.source} above it`);
    return target ?? null;
  }

  /** The keys of a mapping; unknown keys are reported with the nearest known one. */
  private fields(map: YAMLMap, known: readonly string[], where: string): Map<string, Field> {
    const found = new Map<string, Field>();
    for (const pair of map.items) {
      const name = isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : undefined;
      if (name === undefined) {
        this.error(pair.key ?? map, `a key in ${where} is not a plain word; keys are names like ${known[0]}:`);
        continue;
      }
      if (!known.includes(name)) {
        const hint = didYouMean(name, known, 1) || `; known keys: ${known.join(', ')}`;
        this.error(pair.key, `unknown key "${name}" in ${where}${hint}`);
        continue;
      }
      const value = this.deref(pair.value);
      // An alias without an anchor was reported by deref; reading its key as absent avoids a second message.
      if (value !== null || !isAlias(pair.value)) found.set(name, { key: pair.key, value });
    }
    return found;
  }

  /** Where a value is, or its key when the value is missing. */
  private where(field: Field): unknown {
    return this.isEmpty(field) ? field.key : field.value;
  }

  private isEmpty(field: Field): boolean {
    return field.value === null || field.value === undefined || (isScalar(field.value) && field.value.value === null);
  }

  /** A text value; numbers and booleans keep the text as written (version: 1.10 stays "1.10"). */
  private text(field: Field | undefined, what: string, required: boolean): string | undefined {
    if (!field || this.isEmpty(field)) {
      if (field && required) this.error(field.key, `${what} is empty; write it after the colon`);
      return undefined;
    }
    const value = scalarText(field.value);
    if (value === undefined) this.error(field.value, `${what} must be text, not a list or mapping`);
    else if (required && !value.trim()) this.error(this.where(field), `${what} is empty; write it after the colon`);
    return value;
  }

  private bool(field: Field | undefined, what: string): boolean | undefined {
    if (!field) return undefined;
    if (isScalar(field.value) && typeof field.value.value === 'boolean') return field.value.value;
    this.error(this.where(field), `${what} must be true or false`);
    return undefined;
  }

  private list(field: Field, what: string): unknown[] | undefined {
    if (isSeq(field.value)) return field.value.items;
    this.error(this.where(field), `${what} must be a list (- item lines or [a, b])`);
    return undefined;
  }

  private stringList(field: Field | undefined, what: string): string[] | undefined {
    if (!field) return undefined;
    const items = this.list(field, what);
    if (!items) return undefined;
    const out: string[] = [];
    for (const raw of items) {
      const item = this.deref(raw);
      const value = scalarText(item);
      if (value === undefined || !value.trim()) this.error(item ?? field.value, `each item of ${what} must be non-empty text`);
      else out.push(value.trim());
    }
    return out;
  }

  // ----- codebook: and negation: -----

  private readMeta(field: Field | undefined, top: unknown): Omit<Codebook, 'languages' | 'negation' | 'codes'> | undefined {
    if (!field) {
      this.error(top, 'the file has no codebook: section; add codebook: with name: and version:');
      return undefined;
    }
    if (!isMap(field.value)) {
      this.error(this.where(field), 'codebook: must be a mapping with name: and version:');
      return undefined;
    }
    const meta = this.fields(field.value, META_KEYS, 'codebook:');
    const name = this.text(meta.get('name'), 'codebook name', true);
    const version = this.text(meta.get('version'), 'codebook version', true);
    if (!meta.has('name')) this.error(field.value, 'codebook: has no name; add name: (what the codebook is for)');
    if (!meta.has('version')) this.error(field.value, 'codebook: has no version; add version: (like 1.0.0)');
    const languages = meta.get('languages');
    const list = this.stringList(languages, 'languages');
    if (languages && list) {
      const bad = list.filter((l) => !LANGUAGES.includes(l as Language));
      if (bad.length) this.error(languages.value, `unsupported language ${bad.map((b) => `"${b}"`).join(', ')} in languages; supported: id, en`);
      else if (!list.length) this.error(languages.value, 'languages is empty; write [id], [en] or [id, en]');
      else this.languages = [...new Set(list as Language[])];
    }
    const authors = this.stringList(meta.get('authors'), 'authors') ?? [];
    const description = this.text(meta.get('description'), 'description', false) ?? null;
    if (name === undefined || version === undefined) return undefined;
    return { name: name.trim(), version: version.trim(), authors, description };
  }

  private readNegation(field: Field | undefined): Codebook['negation'] {
    const words: Partial<Record<Language, string[]>> = { id: [...DEFAULT_NEGATION.id], en: [...DEFAULT_NEGATION.en] };
    let window = DEFAULT_WINDOW;
    if (!field || this.isEmpty(field)) return { words, window };
    if (!isMap(field.value)) {
      this.error(this.where(field), 'negation: must be a mapping with id:, en: and window:');
      return { words, window };
    }
    const fields = this.fields(field.value, NEGATION_KEYS, 'negation:');
    for (const language of LANGUAGES) {
      const list = this.stringList(fields.get(language), `negation ${language}`);
      const phrase = list?.find((word) => /\s/.test(word.trim()));
      if (phrase !== undefined) {
        // The auto-coder looks one word back at a time, so a negation is a single word.
        this.error(this.where(fields.get(language)!), `negation ${language}: "${phrase}" is more than one word; list single words (e.g. tidak, pernah is not needed)`);
      } else if (list) words[language] = list;
    }
    const windowField = fields.get('window');
    if (windowField) {
      const n = this.positiveInteger(windowField, 'negation window');
      if (n !== undefined) window = n;
    }
    return { words, window };
  }

  private positiveInteger(field: Field, what: string): number | undefined {
    const v = isScalar(field.value) ? field.value.value : undefined;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return v;
    this.error(this.where(field), `${what} must be a whole number of words, 1 or more`);
    return undefined;
  }

  // ----- codes -----

  private readCodes(items: unknown[], nestedIn: ReadCode | null | undefined, depth: number): void {
    for (const raw of items) {
      const node = this.deref(raw);
      if (!isMap(node)) {
        if (node !== null || !isAlias(raw)) this.error(node ?? raw, 'each code must be a mapping starting with - id: …');
        continue;
      }
      if (this.seenCodeMaps.has(node)) {
        this.error(raw, 'this alias repeats a code; write each code once');
        continue;
      }
      this.seenCodeMaps.add(node);
      this.readCode(node, nestedIn, depth);
    }
  }

  private readCode(map: YAMLMap, nestedIn: ReadCode | null | undefined, depth: number): void {
    const idPair = map.items.find((pair) => isScalar(pair.key) && pair.key.value === 'id');
    // The id names the code in messages about its other keys, so peek at it before reading them.
    const name = scalarText(idPair?.value)?.trim();
    const where = name ? `code "${name}"` : 'this code';
    const fields = this.fields(map, CODE_KEYS, where);
    const idField = fields.get('id');
    const idText = idField ? this.text(idField, 'id', true)?.trim() : undefined;
    const idOk = idText !== undefined && this.checkId(idText, idField!);
    if (!idPair) this.error(map, 'this code has no id; add id: (like role/educator)');
    const def: CodeDef = {
      id: idOk ? idText! : '',
      parent: null,
      label: this.readLabel(fields.get('label'), where),
      definition: this.text(fields.get('definition'), `definition of ${where}`, true)?.trim() ?? '',
      whenToUse: this.text(fields.get('when_to_use'), 'when_to_use', false)?.trim() || null,
      whenNotToUse: this.text(fields.get('when_not_to_use'), 'when_not_to_use', false)?.trim() || null,
      examples: this.stringList(fields.get('examples'), 'examples') ?? [],
      counterexamples: this.stringList(fields.get('counterexamples'), 'counterexamples') ?? [],
      patterns: emptyPatterns(),
      required: this.bool(fields.get('required'), 'required') ?? false,
      contrasts: [],
      line: this.position(nodeOffset(idField?.key ?? map)).line,
    };
    if (!fields.has('definition')) this.error(map, `${where} has no definition; add definition: (what the code means)`);
    const code: ReadCode = { def, at: idField?.value ?? map, idOk, nestedIn, contrastRefs: [], hasPatterns: false };
    const parentField = fields.get('parent');
    const parentId = parentField ? this.text(parentField, 'parent', true)?.trim() : undefined;
    if (parentField && parentId) code.parentField = { id: parentId, node: parentField.value };
    const contrasts = fields.get('contrasts');
    if (contrasts) {
      for (const item of this.list(contrasts, 'contrasts') ?? []) {
        const node = this.deref(item);
        const id = scalarText(node)?.trim();
        if (id) code.contrastRefs.push({ id, node });
        else this.error(node ?? contrasts.value, 'each item of contrasts must be a code id');
      }
    }
    const patterns = fields.get('patterns');
    if (patterns) {
      def.patterns = this.readPatterns(patterns, where);
      code.hasPatterns = true;
    }
    if (nestedIn && idOk && !def.id.startsWith(`${nestedIn.def.id}/`)) {
      const last = def.id.slice(def.id.lastIndexOf('/') + 1);
      this.error(idField!.value, `${where} is nested under "${nestedIn.def.id}", so its id must start with "${nestedIn.def.id}/" (like "${nestedIn.def.id}/${last}")`);
    }
    this.codes.push(code);
    const children = fields.get('children');
    if (!children || this.isEmpty(children)) return;
    if (depth + 1 >= MAX_DEPTH) {
      this.error(children.key, `codes are nested more than ${MAX_DEPTH} levels deep`);
      return;
    }
    const items = this.list(children, 'children');
    if (items) this.readCodes(items, idOk ? code : null, depth + 1);
  }

  private checkId(id: string, field: Field): boolean {
    if (ID_SYNTAX.test(id)) return true;
    const fixed = id.toLowerCase().replace(/[\s_]+/g, '-').replace(/[^a-z0-9/-]/g, '').replace(/\/+/g, '/').replace(/^[-/]+|[-/]+$/g, '');
    const hint = ID_SYNTAX.test(fixed) ? `; write "${fixed}"` : '';
    this.error(field.value, `invalid code id "${id}": use lowercase letters, digits and -, with / between levels (like barrier/documentation)${hint}`);
    return false;
  }

  private readLabel(field: Field | undefined, where: string): Partial<Record<Language, string>> {
    const label: Partial<Record<Language, string>> = {};
    if (!field) return label;
    if (isMap(field.value)) {
      const byLanguage = this.fields(field.value, LANGUAGES, `the label of ${where}`);
      for (const language of LANGUAGES) {
        const text = this.text(byLanguage.get(language), `label ${language}`, true)?.trim();
        if (text) label[language] = text;
      }
      return label;
    }
    const text = this.text(field, `label of ${where}`, true)?.trim();
    if (text) for (const language of this.languages) label[language] = text;
    return label;
  }

  // ----- patterns -----

  private readPatterns(field: Field, where: string): CodePatterns {
    const patterns = emptyPatterns();
    if (!isMap(field.value)) {
      this.error(this.where(field), 'patterns: must be a mapping with id:, en:, all:, near:, not: or regex:');
      return patterns;
    }
    const fields = this.fields(field.value, PATTERN_KEYS, `the patterns of ${where}`);
    for (const language of LANGUAGES) {
      const list = fields.get(language);
      if (!list) continue;
      const terms = this.terms(list, `patterns ${language}`);
      if (!this.languages.includes(language)) {
        this.warn(list.key, `patterns ${language}: are not used because codebook languages is [${this.languages.join(', ')}]`);
      } else if (terms) patterns.any[language] = terms;
    }
    const all = fields.get('all');
    if (all) {
      for (const group of this.nonEmptyList(all, 'patterns all') ?? []) {
        const terms = this.terms({ key: all.key, value: this.deref(group) }, 'each group of all');
        if (terms) patterns.all.push(terms);
      }
    }
    const near = fields.get('near');
    if (near) {
      for (const item of this.nonEmptyList(near, 'patterns near') ?? []) {
        const found = this.readNear(this.deref(item), near);
        if (found) patterns.near.push(found);
      }
    }
    const not = fields.get('not');
    if (not) patterns.not = this.terms(not, 'patterns not') ?? [];
    const regex = fields.get('regex');
    if (regex) {
      for (const item of this.nonEmptyList(regex, 'patterns regex') ?? []) {
        const node = this.deref(item);
        const source = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
        const why = source === undefined ? 'each regex must be text (quote it with single quotes)' : checkRegexSafety(source);
        if (why) this.error(node ?? regex.value, source === undefined ? why : `regex refused: ${why}`);
        else patterns.regex.push({ source: source!, flags: 'i', ...this.position(nodeOffset(node)) });
      }
    }
    patterns.fireWhenNegated = this.bool(fields.get('fire_when_negated'), 'fire_when_negated') ?? false;
    const fires = LANGUAGES.some((l) => fields.has(l)) || fields.has('all') || fields.has('near') || fields.has('regex');
    if (!fires) this.error(field.key, `the patterns of ${where} have nothing that can fire the code; add id:, en:, all:, near: or regex:`);
    return patterns;
  }

  private readNear(node: unknown, near: Field): NearPattern | undefined {
    if (!isMap(node)) {
      this.error(node ?? near.value, 'each item of near must be a mapping like { terms: [kartu, keluar], within: 5 }');
      return undefined;
    }
    const fields = this.fields(node, NEAR_KEYS, 'near');
    const termsField = fields.get('terms');
    const withinField = fields.get('within');
    if (!termsField) this.error(node, 'near needs terms: (two or more terms)');
    if (!withinField) this.error(node, 'near needs within: (how many words apart, like within: 5)');
    const terms = termsField ? this.terms(termsField, 'near terms') : undefined;
    if (terms && terms.length < 2) this.error(termsField!.value, 'near needs at least two terms');
    const within = withinField ? this.positiveInteger(withinField, 'within') : undefined;
    return terms && within !== undefined ? { terms, within } : undefined;
  }

  private nonEmptyList(field: Field, what: string): unknown[] | undefined {
    const items = this.list(field, what);
    if (items && items.length === 0) this.error(field.value, `${what} is an empty list; add terms or remove the key`);
    return items;
  }

  /** A list of terms; undefined when it is not a usable list. */
  private terms(field: Field, what: string): PatternTerm[] | undefined {
    const items = this.nonEmptyList(field, what);
    if (!items) return undefined;
    const terms: PatternTerm[] = [];
    for (const item of items) {
      const node = this.deref(item);
      const term = this.readTerm(node, field);
      if (term) terms.push(term);
    }
    return terms;
  }

  /** One term: `word`, `two words` (stems), `"exact phrase"` or `prefix*`. */
  private readTerm(node: unknown, field: Field): PatternTerm | undefined {
    if (node === null) return undefined; // an alias without anchor, already reported
    const raw = scalarText(node);
    const at = node ?? field.value;
    if (raw === undefined && !(isScalar(node) && node.value === null)) {
      this.error(at, 'each term must be text (a word, a phrase, "an exact phrase" or prefix*)');
      return undefined;
    }
    const text = (raw ?? '').trim().replace(/\s+/g, ' ');
    const fail = (message: string): undefined => void this.error(at, message);
    if (!text) return fail('empty term; write a word or remove the item');
    const place = this.position(nodeOffset(at));
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

  // ----- the tree -----

  /** Sets parents, reports duplicates, unknown parents, cycles and contrasts, and orders the codes. */
  private resolveTree(): CodeDef[] {
    const byId = new Map<string, ReadCode>();
    const unique: ReadCode[] = [];
    for (const code of this.codes) {
      if (!code.idOk) continue;
      const first = byId.get(code.def.id);
      if (first) {
        this.error(code.at, `duplicate code id "${code.def.id}" (first defined at line ${first.def.line}); ids must be unique`);
        continue;
      }
      byId.set(code.def.id, code);
      unique.push(code);
    }
    const ids = [...byId.keys()];
    for (const code of unique) code.def.parent = this.resolveParent(code, byId, ids);
    this.reportCycles(unique, byId);
    for (const code of unique) {
      for (const ref of code.contrastRefs) {
        if (ref.id === code.def.id) this.error(ref.node, `${code.def.id} cannot contrast with itself; remove it from contrasts`);
        else if (!byId.has(ref.id)) {
          this.error(ref.node, `unknown code "${ref.id}" in contrasts${didYouMean(ref.id, ids.filter((other) => other !== code.def.id))}`);
        }
        else if (!code.def.contrasts.includes(ref.id)) code.def.contrasts.push(ref.id);
      }
    }
    const withChildren = new Set(unique.map((c) => c.def.parent).filter((p) => p !== null));
    for (const code of unique) {
      const leaf = !withChildren.has(code.def.id);
      if (leaf && !code.hasPatterns) this.warn(code.at, `code "${code.def.id}" has no patterns and no children, so it can only be applied by hand`);
      if (leaf && code.def.examples.length === 0) this.warn(code.at, `code "${code.def.id}" has no examples; add examples: so \`telaah codebook test\` can check it`);
    }
    return orderParentsFirst(unique.map((c) => c.def));
  }

  private resolveParent(code: ReadCode, byId: Map<string, ReadCode>, ids: string[]): string | null {
    const id = code.def.id;
    const explicit = code.parentField;
    if (code.nestedIn !== undefined) {
      const nested = code.nestedIn?.def.id ?? null;
      if (explicit && nested && explicit.id !== nested) {
        this.error(explicit.node, `parent: "${explicit.id}" contradicts the nesting: this code is under "${nested}"; remove parent:`);
      }
      return nested;
    }
    if (explicit) {
      if (!byId.has(explicit.id)) {
        const others = ids.filter((other) => other !== id);
        this.error(explicit.node, `unknown parent "${explicit.id}": parent: must be the id of another code${didYouMean(explicit.id, others)}`);
        return null;
      }
      if (id.includes('/') && !id.startsWith(`${explicit.id}/`)) {
        this.error(code.at, `code "${id}" has parent: "${explicit.id}", so its id must start with "${explicit.id}/"`);
      }
      return explicit.id;
    }
    const slash = id.lastIndexOf('/');
    if (slash < 0) return null;
    const prefix = id.slice(0, slash);
    if (byId.has(prefix)) return prefix;
    this.error(code.at, `unknown parent "${prefix}" of "${id}": add a code with id ${prefix}, or nest this code under its parent${didYouMean(prefix, ids.filter((other) => other !== id))}`);
    return null;
  }

  /** Cycles can only come from parent: keys; each is reported once, at the first parent: in it. */
  private reportCycles(codes: ReadCode[], byId: Map<string, ReadCode>): void {
    const done = new Set<string>();
    for (const start of codes) {
      const path: string[] = [];
      let current: string | null = start.def.id;
      while (current !== null && !done.has(current) && !path.includes(current)) {
        path.push(current);
        current = byId.get(current)?.def.parent ?? null;
      }
      if (current !== null && path.includes(current)) {
        const cycle = path.slice(path.indexOf(current));
        const members = codes.filter((c) => cycle.includes(c.def.id) && c.parentField);
        const at = members[0]?.parentField?.node ?? start.at;
        this.error(at, `parent: makes a cycle (${[...cycle, current].join(' → ')}); a code cannot be under its own descendant`);
        for (const id of cycle) byId.get(id)!.def.parent = null;
      }
      for (const id of path) done.add(id);
    }
  }
}

/** File order, except that a code whose parent comes later in the file moves to just after it. */
function orderParentsFirst(codes: CodeDef[]): CodeDef[] {
  const ordered: CodeDef[] = [];
  const placed = new Set<string>();
  const waiting = new Map<string, CodeDef[]>();
  const place = (code: CodeDef): void => {
    ordered.push(code);
    placed.add(code.id);
    const children = waiting.get(code.id) ?? [];
    waiting.delete(code.id);
    for (const child of children) place(child);
  };
  for (const code of codes) {
    if (code.parent === null || placed.has(code.parent)) place(code);
    else waiting.set(code.parent, [...(waiting.get(code.parent) ?? []), code]);
  }
  return ordered;
}

function emptyPatterns(): CodePatterns {
  return { any: {}, all: [], near: [], not: [], regex: [], fireWhenNegated: false };
}

function nodeOffset(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range ? range[0] : 0;
}

/** The text of a scalar as written; numbers and booleans keep their source (1.10, not 1.1). */
function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number' || typeof node.value === 'boolean' || typeof node.value === 'bigint') {
    return node.source ?? String(node.value);
  }
  return undefined;
}
