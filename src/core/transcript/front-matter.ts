/**
 * YAML front matter (`---` … `---`) at the top of text transcripts and notes, and the metadata keys it shares
 * with the key | value table of Word files.
 */
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { InputError } from '../../errors.js';
import { emptyMeta, SOURCE_TYPES } from './types.js';
import type { DraftMeta, SourceType } from './types.js';

/** One `key: value` of metadata, with where it was written (for messages). */
export interface MetaEntry {
  key: string;
  value: unknown;
  line?: number;
  col?: number;
}

const TYPE_NAMES: Record<string, SourceType> = {
  interview: 'interview',
  wawancara: 'interview',
  fgd: 'fgd',
  'focus group': 'fgd',
  'focus-group': 'fgd',
  'focus group discussion': 'fgd',
  'diskusi kelompok': 'fgd',
  'diskusi kelompok terarah': 'fgd',
  observation: 'observation',
  observasi: 'observation',
  'catatan lapangan': 'observation',
  'field notes': 'observation',
  document: 'document',
  dokumen: 'document',
  doc: 'document',
};

const KEYS: Record<string, 'type' | 'date' | 'site' | 'title' | 'language' | 'participants'> = {
  type: 'type',
  jenis: 'type',
  date: 'date',
  tanggal: 'date',
  site: 'site',
  lokasi: 'site',
  tempat: 'site',
  title: 'title',
  judul: 'title',
  language: 'language',
  bahasa: 'language',
  participants: 'participants',
  peserta: 'participants',
};

const YAML_HINT =
  'front matter is YAML "key: value" lines between two "---" lines; quote values that contain ": " or "#"';

/** Splits YAML front matter off the top of a text file: its metadata, the rest, and the rest's first line number. */
export function parseFrontMatter(input: string): { meta: DraftMeta; body: string; bodyLine: number } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const firstEnd = lineEnd(text, 0);
  if (text.slice(0, firstEnd).trimEnd() !== '---') return { meta: emptyMeta(), body: text, bodyLine: 1 };

  let start = firstEnd + 1;
  let line = 2;
  while (start <= text.length) {
    const end = lineEnd(text, start);
    const content = text.slice(start, end).trimEnd();
    if (content === '---' || content === '...') {
      const meta = readYamlMeta(text.slice(firstEnd + 1, start));
      return { meta, body: text.slice(Math.min(end + 1, text.length)), bodyLine: line + 1 };
    }
    if (end >= text.length) break;
    start = end + 1;
    line++;
  }
  throw new InputError('front matter is not closed: the first line is "---" but no later line is "---" or "..."', {
    line: 1,
    col: 1,
    hint: 'add a line "---" after the metadata, or remove the first line if it is not front matter',
  });
}

/** DraftMeta from metadata entries: known keys (and their Indonesian names) checked, every other key an attribute. */
export function buildDraftMeta(entries: MetaEntry[]): DraftMeta {
  const meta = emptyMeta();
  for (const entry of entries) {
    const rawKey = entry.key.trim();
    const known = KEYS[rawKey.toLowerCase()];
    const where = { line: entry.line, col: entry.col };
    if (entry.value === null || entry.value === undefined) {
      if (known === undefined) meta.attributes[rawKey] = '';
      continue;
    }
    switch (known) {
      case 'type':
        meta.type = readSourceType(entry.value, where);
        break;
      case 'date':
        meta.date = readDate(entry.value, where);
        break;
      case 'participants':
        meta.participants = readList(entry.value);
        break;
      case undefined:
        meta.attributes[rawKey] = stringify(entry.value);
        break;
      default:
        meta[known] = stringify(entry.value);
    }
  }
  return meta;
}

function readYamlMeta(yamlText: string): DraftMeta {
  const simple = readSimpleYaml(yamlText);
  if (simple !== null) return buildDraftMeta(simple);
  const counter = new LineCounter();
  // The YAML starts on file line 2, so every position the library reports is one line further down in the file.
  const at = (offset: number): { line: number; col: number } => {
    const pos = counter.linePos(offset);
    return { line: pos.line + 1, col: pos.col };
  };
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error !== undefined) {
    throw new InputError(`invalid YAML in front matter: ${error.message}`, { ...at(error.pos[0]), hint: YAML_HINT });
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return emptyMeta();
  if (!isMap(root)) {
    throw new InputError('front matter must be "key: value" lines', { ...at(root.range?.[0] ?? 0), hint: YAML_HINT });
  }
  const entries: MetaEntry[] = [];
  for (const pair of root.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || key.value === null || typeof key.value === 'object') {
      throw new InputError('front matter keys must be plain words', { ...at(key?.range?.[0] ?? 0), hint: YAML_HINT });
    }
    let value: unknown;
    try {
      const node = pair.value as Node | null;
      value = node === null ? null : node.toJS(doc, { maxAliasCount: 100 });
    } catch (err) {
      // Unresolved or runaway aliases surface only when the value is built.
      throw new InputError(`invalid YAML in front matter: ${(err as Error).message}`, {
        ...at(key.range?.[0] ?? 0),
        hint: YAML_HINT,
        cause: err,
      });
    }
    const where = at(key.range?.[0] ?? 0);
    entries.push({ key: String(key.value), value, line: where.line, col: where.col });
  }
  return buildDraftMeta(entries);
}

const SIMPLE_KEY = /^([A-Za-z_][\w -]*?)[ \t]*:(?:[ \t]+(.*))?$/;
// A plain value the YAML core schema reads as the same string we would: no indicator first, no
// comment, no nested mapping, and not something it would type (numbers other than plain whole
// numbers, booleans, null).
const PLAIN_VALUE = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^#]*$/;
const TYPED_VALUE = /^(?:[-+]?\d+|0o[0-7]+|0x[\da-f]+|[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:e[-+]?\d+)?|[-+]?\.inf|\.nan|true|false|null|~)$/i;
const PLAIN_NUMBER = /^(?:0|[1-9]\d{0,14})$/;
const DATE_VALUE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The usual front matter — `key: value` lines and `[a, b]` lists of plain words — read without the
 * YAML library, which costs ~100 µs a file (a tenth of ingest time on small transcripts). Anything
 * else returns null and goes to the library, so the result is always what YAML would give.
 */
function readSimpleYaml(yamlText: string): MetaEntry[] | null {
  const entries: MetaEntry[] = [];
  const seen = new Set<string>();
  const lines = yamlText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    const m = SIMPLE_KEY.exec(line);
    if (m === null) return null;
    const key = m[1]!;
    if (seen.has(key)) return null;
    seen.add(key);
    const raw = (m[2] ?? '').trimEnd();
    let value: unknown;
    if (raw === '') value = null;
    else if (raw.startsWith('[')) {
      if (!raw.endsWith(']')) return null;
      const inner = raw.slice(1, -1).trim();
      const items = inner === '' ? [] : inner.split(',').map((item) => item.trim());
      if (items.some((item) => !PLAIN_VALUE.test(item) || item.includes(': ') || (TYPED_VALUE.test(item) && !PLAIN_NUMBER.test(item)))) return null;
      value = items;
    } else {
      if (!PLAIN_VALUE.test(raw) || raw.includes(': ') || raw.endsWith(':')) return null;
      if (TYPED_VALUE.test(raw) && !PLAIN_NUMBER.test(raw) && !DATE_VALUE.test(raw)) return null;
      value = raw;
    }
    entries.push({ key, value, line: i + 2, col: 1 });
  }
  return entries;
}

function readSourceType(value: unknown, where: { line?: number; col?: number }): SourceType {
  const name = String(value).trim().toLowerCase().replace(/\s+/g, ' ');
  const type = TYPE_NAMES[name];
  if (type !== undefined) return type;
  throw new InputError(`unknown source type "${String(value)}": use one of ${SOURCE_TYPES.join(', ')}`, {
    ...where,
    hint: 'Indonesian names work too: wawancara, diskusi kelompok, observasi, dokumen',
  });
}

function readDate(value: unknown, where: { line?: number; col?: number }): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const text = String(value).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  if (m !== null) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const check = new Date(Date.UTC(y, mo - 1, d));
    if (check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d) {
      return text.slice(0, 10);
    }
  }
  throw new InputError(`invalid date "${text}": write it as YYYY-MM-DD`, { ...where, hint: 'for example 2024-03-12' });
}

function readList(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(stringify) : stringify(value).split(/[,;\n]/);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

function stringify(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(stringify).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).trim();
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}
