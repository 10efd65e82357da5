/**
 * Reads the codes: list, nested children included, into codes whose place in the tree is resolved
 * afterwards (resolve-code-tree.ts), once every id is known.
 */
import { isAlias, isMap, isScalar, type YAMLMap } from 'yaml';
import { LANGUAGES } from './read-codebook-header.js';
import { emptyPatterns, readPatterns } from './read-patterns.js';
import { nodeOffset, scalarText, type Field, type YamlFieldReader } from './yaml-field-reader.js';
import type { CodeDef, Language } from './types.js';

const CODE_KEYS = [
  'id', 'label', 'definition', 'when_to_use', 'when_not_to_use', 'parent', 'required',
  'contrasts', 'patterns', 'examples', 'counterexamples', 'children', 'color',
];
const COLOR_SYNTAX = /^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;
const ID_SYNTAX = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;
// Deeper nesting than this is a mistake, and the limit keeps recursion far from the stack's end.
const MAX_DEPTH = 64;

/** A code as read, with what is needed to resolve its place in the tree afterwards. */
export interface ReadCode {
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

interface CodesState {
  reader: YamlFieldReader;
  languages: readonly Language[];
  codes: ReadCode[];
  seenCodeMaps: Set<unknown>;
}

/** Reads the items of codes: (and their children) in file order; parents and contrasts are left unresolved. */
export function readCodes(reader: YamlFieldReader, items: unknown[], languages: readonly Language[]): ReadCode[] {
  const state: CodesState = { reader, languages, codes: [], seenCodeMaps: new Set() };
  readCodeList(state, items, undefined, 0);
  return state.codes;
}

function readCodeList(state: CodesState, items: unknown[], nestedIn: ReadCode | null | undefined, depth: number): void {
  const { reader } = state;
  for (const raw of items) {
    const node = reader.deref(raw);
    if (!isMap(node)) {
      if (node !== null || !isAlias(raw)) reader.error(node ?? raw, 'each code must be a mapping starting with - id: …');
      continue;
    }
    if (state.seenCodeMaps.has(node)) {
      reader.error(raw, 'this alias repeats a code; write each code once');
      continue;
    }
    state.seenCodeMaps.add(node);
    readCode(state, node, nestedIn, depth);
  }
}

function readCode(state: CodesState, map: YAMLMap, nestedIn: ReadCode | null | undefined, depth: number): void {
  const { reader } = state;
  const idPair = map.items.find((pair) => isScalar(pair.key) && pair.key.value === 'id');
  // The id names the code in messages about its other keys, so peek at it before reading them.
  const name = scalarText(idPair?.value)?.trim();
  const where = name ? `code "${name}"` : 'this code';
  const fields = reader.fields(map, CODE_KEYS, where);
  const idField = fields.get('id');
  const idText = idField ? reader.text(idField, 'id', true)?.trim() : undefined;
  const idOk = idText !== undefined && checkId(reader, idText, idField!);
  if (!idPair) reader.error(map, 'this code has no id; add id: (like role/educator)');
  const def: CodeDef = {
    id: idOk ? idText! : '',
    parent: null,
    label: readLabel(state, fields.get('label'), where),
    definition: reader.text(fields.get('definition'), `definition of ${where}`, true)?.trim() ?? '',
    whenToUse: reader.text(fields.get('when_to_use'), 'when_to_use', false)?.trim() || null,
    whenNotToUse: reader.text(fields.get('when_not_to_use'), 'when_not_to_use', false)?.trim() || null,
    examples: reader.stringList(fields.get('examples'), 'examples') ?? [],
    counterexamples: reader.stringList(fields.get('counterexamples'), 'counterexamples') ?? [],
    patterns: emptyPatterns(),
    required: reader.bool(fields.get('required'), 'required') ?? false,
    contrasts: [],
    line: reader.position(nodeOffset(idField?.key ?? map)).line,
  };
  if (!fields.has('definition')) reader.error(map, `${where} has no definition; add definition: (what the code means)`);
  const colorField = fields.get('color');
  // `color: #46AA00` unquoted is an empty value and a comment: say so rather than "empty".
  const unquoted = colorField && (colorField.value === null || (isScalar(colorField.value) && colorField.value.value === null));
  if (unquoted) reader.error(colorField.key, `the color of ${where} is empty: quote it, color: "#46AA00" (an unquoted # starts a YAML comment)`);
  const color = colorField && !unquoted ? reader.text(colorField, 'color', true)?.trim() : undefined;
  if (color !== undefined && COLOR_SYNTAX.test(color)) def.color = color;
  else if (color !== undefined) reader.error(colorField!.value, `the color of ${where} must be written #RRGGBB or #RGB (like "#46AA00"), not "${color}"`);
  const code: ReadCode = { def, at: idField?.value ?? map, idOk, nestedIn, contrastRefs: [], hasPatterns: false };
  const parentField = fields.get('parent');
  const parentId = parentField ? reader.text(parentField, 'parent', true)?.trim() : undefined;
  if (parentField && parentId) code.parentField = { id: parentId, node: parentField.value };
  const contrasts = fields.get('contrasts');
  if (contrasts) {
    for (const item of reader.list(contrasts, 'contrasts') ?? []) {
      const node = reader.deref(item);
      const id = scalarText(node)?.trim();
      if (id) code.contrastRefs.push({ id, node });
      else reader.error(node ?? contrasts.value, 'each item of contrasts must be a code id');
    }
  }
  const patterns = fields.get('patterns');
  if (patterns) {
    def.patterns = readPatterns(reader, patterns, where, state.languages);
    code.hasPatterns = true;
  }
  if (nestedIn && idOk && !def.id.startsWith(`${nestedIn.def.id}/`)) {
    const last = def.id.slice(def.id.lastIndexOf('/') + 1);
    reader.error(idField!.value, `${where} is nested under "${nestedIn.def.id}", so its id must start with "${nestedIn.def.id}/" (like "${nestedIn.def.id}/${last}")`);
  }
  state.codes.push(code);
  const children = fields.get('children');
  if (!children || reader.isEmpty(children)) return;
  if (depth + 1 >= MAX_DEPTH) {
    reader.error(children.key, `codes are nested more than ${MAX_DEPTH} levels deep`);
    return;
  }
  const items = reader.list(children, 'children');
  if (items) readCodeList(state, items, idOk ? code : null, depth + 1);
}

function checkId(reader: YamlFieldReader, id: string, field: Field): boolean {
  if (ID_SYNTAX.test(id)) return true;
  const fixed = id.toLowerCase().replace(/[\s_]+/g, '-').replace(/[^a-z0-9/-]/g, '').replace(/\/+/g, '/').replace(/^[-/]+|[-/]+$/g, '');
  const hint = ID_SYNTAX.test(fixed) ? `; write "${fixed}"` : '';
  reader.error(field.value, `invalid code id "${id}": use lowercase letters, digits and -, with / between levels (like barrier/documentation)${hint}`);
  return false;
}

function readLabel(state: CodesState, field: Field | undefined, where: string): Partial<Record<Language, string>> {
  const { reader } = state;
  const label: Partial<Record<Language, string>> = {};
  if (!field) return label;
  if (isMap(field.value)) {
    const byLanguage = reader.fields(field.value, LANGUAGES, `the label of ${where}`);
    for (const language of LANGUAGES) {
      const text = reader.text(byLanguage.get(language), `label ${language}`, true)?.trim();
      if (text) label[language] = text;
    }
    return label;
  }
  const text = reader.text(field, `label of ${where}`, true)?.trim();
  if (text) for (const language of state.languages) label[language] = text;
  return label;
}
