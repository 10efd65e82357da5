/** Reads the codebook: (name, version, languages…) and negation: sections of a codebook file. */
import { isMap } from 'yaml';
import type { Field, YamlFieldReader } from './yaml-field-reader.js';
import type { Codebook, Language } from './types.js';

/** Every language a codebook may use, and the default when languages: is absent. */
export const LANGUAGES: readonly Language[] = ['id', 'en'];
const META_KEYS = ['name', 'version', 'languages', 'authors', 'description'];
const NEGATION_KEYS = ['id', 'en', 'window'];
const DEFAULT_NEGATION: Record<Language, string[]> = {
  id: ['tidak', 'tak', 'nggak', 'ngga', 'gak', 'enggak', 'engga', 'kagak', 'belum', 'bukan', 'jangan', 'tanpa', 'tiada'],
  en: ['not', 'no', 'never', "n't", 'without', 'nobody', 'none'],
};
const DEFAULT_WINDOW = 3;

/** The codebook: section as read: everything of a Codebook that is not languages, negation or codes. */
export type CodebookMeta = Omit<Codebook, 'languages' | 'negation' | 'codes'>;

/** Reads codebook:; meta is undefined when name or version is unusable, languages falls back to all. */
export function readCodebookMeta(
  reader: YamlFieldReader,
  field: Field | undefined,
  top: unknown,
): { meta: CodebookMeta | undefined; languages: Language[] } {
  let languages: Language[] = [...LANGUAGES];
  if (!field) {
    reader.error(top, 'the file has no codebook: section; add codebook: with name: and version:');
    return { meta: undefined, languages };
  }
  if (!isMap(field.value)) {
    reader.error(reader.where(field), 'codebook: must be a mapping with name: and version:');
    return { meta: undefined, languages };
  }
  const meta = reader.fields(field.value, META_KEYS, 'codebook:');
  const name = reader.text(meta.get('name'), 'codebook name', true);
  const version = reader.text(meta.get('version'), 'codebook version', true);
  if (!meta.has('name')) reader.error(field.value, 'codebook: has no name; add name: (what the codebook is for)');
  if (!meta.has('version')) reader.error(field.value, 'codebook: has no version; add version: (like 1.0.0)');
  const languagesField = meta.get('languages');
  const list = reader.stringList(languagesField, 'languages');
  if (languagesField && list) {
    const bad = list.filter((l) => !LANGUAGES.includes(l as Language));
    if (bad.length) reader.error(languagesField.value, `unsupported language ${bad.map((b) => `"${b}"`).join(', ')} in languages; supported: id, en`);
    else if (!list.length) reader.error(languagesField.value, 'languages is empty; write [id], [en] or [id, en]');
    else languages = [...new Set(list as Language[])];
  }
  const authors = reader.stringList(meta.get('authors'), 'authors') ?? [];
  const description = reader.text(meta.get('description'), 'description', false) ?? null;
  if (name === undefined || version === undefined) return { meta: undefined, languages };
  return { meta: { name: name.trim(), version: version.trim(), authors, description }, languages };
}

/** Reads negation:, starting from the default words and window for whatever it leaves out. */
export function readNegation(reader: YamlFieldReader, field: Field | undefined): Codebook['negation'] {
  const words: Partial<Record<Language, string[]>> = { id: [...DEFAULT_NEGATION.id], en: [...DEFAULT_NEGATION.en] };
  let window = DEFAULT_WINDOW;
  if (!field || reader.isEmpty(field)) return { words, window };
  if (!isMap(field.value)) {
    reader.error(reader.where(field), 'negation: must be a mapping with id:, en: and window:');
    return { words, window };
  }
  const fields = reader.fields(field.value, NEGATION_KEYS, 'negation:');
  for (const language of LANGUAGES) {
    const list = reader.stringList(fields.get(language), `negation ${language}`);
    const phrase = list?.find((word) => /\s/.test(word.trim()));
    if (phrase !== undefined) {
      // The auto-coder looks one word back at a time, so a negation is a single word.
      reader.error(reader.where(fields.get(language)!), `negation ${language}: "${phrase}" is more than one word; list single words (e.g. tidak, pernah is not needed)`);
    } else if (list) words[language] = list;
  }
  const windowField = fields.get('window');
  if (windowField) {
    const n = reader.positiveInteger(windowField, 'negation window');
    if (n !== undefined) window = n;
  }
  return { words, window };
}
