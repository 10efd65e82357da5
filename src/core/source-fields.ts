/** `sources set`: reading `key=value` settings and applying them to a source's descriptive fields. */
import { InputError } from '../errors.js';
import { SOURCE_TYPES, type SourceType } from './transcript/types.js';

/** The fields of a source a person may change. */
export interface SourceFields {
  type: SourceType;
  date: string | null;
  site: string | null;
  language: string | null;
  attributes: Record<string, string>;
}

/** One `key=value`; an empty value clears the field or removes the attribute. */
export interface SourceSetting {
  key: string;
  value: string;
}

/** One field that changed, for the message. */
export interface FieldChange {
  key: string;
  before: string | null;
  after: string | null;
}

/** Keys that name what a source is rather than describe it: not attributes, not settable. */
const FIXED = new Map([
  ['name', 'rename a source with `telaah sources rename <old> <new>`'],
  ['file', 'the file is where the source came from; it changes when the source is ingested from another path'],
  ['sha256', 'the hash is of the file as ingested'],
  ['text', 'the text changes when a corrected file is ingested with --replace'],
  ['encoding', 'the encoding is of the file as ingested'],
]);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Parses `key=value` arguments, checking every value before anything is changed. */
export function parseSourceSettings(args: readonly string[]): SourceSetting[] {
  if (args.length === 0) {
    throw new InputError('nothing to set', { hint: 'Give key=value pairs, e.g. `telaah sources set w01 date=2025-03-14 site=Medan`' });
  }
  return args.map((arg) => {
    const eq = arg.indexOf('=');
    const key = eq < 0 ? '' : arg.slice(0, eq).trim();
    if (!key) throw new InputError(`"${arg}" is not key=value`, { hint: 'Write key=value (date=2025-03-14, site=Medan, any attribute), or key= to remove it' });
    const value = arg.slice(eq + 1).trim();
    const fixed = FIXED.get(key);
    if (fixed) throw new InputError(`"${key}" cannot be set`, { hint: fixed.charAt(0).toUpperCase() + fixed.slice(1) });
    checkValue(key, value);
    return { key, value };
  });
}

function checkValue(key: string, value: string): void {
  if (key === 'type' && !(SOURCE_TYPES as readonly string[]).includes(value)) {
    throw new InputError(`type "${value}" is not a source type`, { hint: `Use one of ${SOURCE_TYPES.join(', ')}` });
  }
  if (key === 'date' && value && !isIsoDate(value)) {
    throw new InputError(`date "${value}" is not a valid date`, { hint: 'Write it as YYYY-MM-DD, e.g. date=2025-03-14 (date= removes it)' });
  }
  if (key === 'language' && value && !LANGUAGE.test(value)) {
    throw new InputError(`language "${value}" is not a language code`, { hint: 'Write a code such as id or en (language= removes it)' });
  }
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The fields after the settings (in order; a later one for the same key wins), and what changed. */
export function applySourceSettings(fields: SourceFields, settings: readonly SourceSetting[]): { fields: SourceFields; changes: FieldChange[] } {
  const next: SourceFields = { ...fields, attributes: { ...fields.attributes } };
  for (const { key, value } of settings) {
    if (key === 'type') next.type = value as SourceType;
    else if (key === 'date' || key === 'site' || key === 'language') next[key] = value || null;
    else if (value) next.attributes[key] = value;
    else delete next.attributes[key];
  }
  const changes: FieldChange[] = [];
  for (const key of ['type', 'date', 'site', 'language'] as const) {
    if (next[key] !== fields[key]) changes.push({ key, before: fields[key], after: next[key] });
  }
  for (const key of new Set([...Object.keys(fields.attributes), ...Object.keys(next.attributes)])) {
    const before = fields.attributes[key] ?? null;
    const after = next.attributes[key] ?? null;
    if (before !== after) changes.push({ key, before, after });
  }
  return { fields: next, changes };
}
