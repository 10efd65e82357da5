import type { Db } from './open.js';

/** A participant attribute (or `group`), or a source field or attribute, equal to a value. */
export interface AttributeFilter {
  on: 'participant' | 'source';
  key: string;
  value: string;
}

/** The values a filter can take in this project, for "did you mean" when one is mistyped. */
export interface FilterValues {
  /** Codes that appear in codings or review decisions. */
  codes: string[];
  /** Coders of codings and review decisions. */
  coders: string[];
  sources: string[];
  /** Participant attribute keys (with `group`) and the values each takes. */
  attributes: Map<string, string[]>;
  /** Source fields (site, date, type, language) and attribute keys, and the values each takes. */
  sourceAttributes: Map<string, string[]>;
}

/** Every code, coder, source, participant attribute value and source attribute value the project holds. */
export function listFilterValues(db: Db): FilterValues {
  return {
    codes: column(db, "SELECT code AS v FROM codings UNION SELECT code AS v FROM review_decisions WHERE code <> '' ORDER BY v"),
    coders: listCoders(db),
    sources: column(db, 'SELECT name AS v FROM sources ORDER BY name'),
    attributes: listParticipantValues(db),
    sourceAttributes: listSourceValues(db),
  };
}

/** Coders of codings and review decisions. */
export function listCoders(db: Db): string[] {
  return column(db, 'SELECT coder AS v FROM codings UNION SELECT coder AS v FROM review_decisions ORDER BY v');
}

/** Participant attribute keys (with `group`) and the values each takes. */
export function listParticipantValues(db: Db): Map<string, string[]> {
  const values = new Map<string, string[]>([['group', column(db, 'SELECT DISTINCT grp AS v FROM participants WHERE grp IS NOT NULL ORDER BY grp')]]);
  addPairs(values, db.prepare<[], { k: string; v: string }>(`SELECT DISTINCT j.key AS k, CAST(j.value AS TEXT) AS v FROM participants, json_each(participants.attributes) j ORDER BY k, v`).all());
  return values;
}

/** The source columns a filter can name besides the attributes. */
export const SOURCE_FILTER_COLUMNS = ['site', 'date', 'type', 'language'] as const;

/**
 * Each source's fields a filter can name: site, date, type, language and its attributes (a field's own
 * column wins over an attribute of its name), by source id. One pass over sources: these columns sit
 * after the text in each row, so every read of them walks the text's pages.
 */
export function listSourceFields(db: Db): Map<number, Record<string, string>> {
  const fields = new Map<number, Record<string, string>>();
  const rows = db.prepare<[], { id: number; site: string | null; date: string | null; type: string; language: string | null; attributes: string }>(
    'SELECT id, site, date, type, language, attributes FROM sources',
  );
  for (const r of rows.iterate()) {
    const record: Record<string, string> = {};
    for (const [key, value] of Object.entries(JSON.parse(r.attributes) as Record<string, unknown>)) if (value !== null && value !== undefined) record[key] = String(value);
    for (const key of SOURCE_FILTER_COLUMNS) {
      if (r[key] !== null) record[key] = r[key];
      else delete record[key];
    }
    fields.set(r.id, record);
  }
  return fields;
}

/** Source fields (site, date, type, language) and attribute keys, with the values each takes, sorted. */
export function listSourceValues(db: Db, fields: ReadonlyMap<number, Record<string, string>> = listSourceFields(db)): Map<string, string[]> {
  const values = new Map<string, Set<string>>(SOURCE_FILTER_COLUMNS.map((key) => [key, new Set<string>()]));
  for (const record of fields.values()) {
    for (const [key, value] of Object.entries(record)) {
      const set = values.get(key);
      if (set) set.add(value);
      else values.set(key, new Set([value]));
    }
  }
  return new Map([...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, set]) => [key, [...set].sort()]));
}

/** The values of participants' and sources' attributes, each read only when first asked for. */
export interface AttributeValues {
  participants(): ReadonlyMap<string, readonly string[]>;
  sources(): ReadonlyMap<string, readonly string[]>;
  /** Each source's fields (see listSourceFields). */
  sourceFields(): ReadonlyMap<number, Record<string, string>>;
}

/** Attribute values read from the project when first asked for, each once. */
export function lazyAttributeValues(db: Db): AttributeValues {
  let participants: Map<string, string[]> | undefined;
  let sources: Map<string, string[]> | undefined;
  let fields: Map<number, Record<string, string>> | undefined;
  const sourceFields = (): Map<number, Record<string, string>> => (fields ??= listSourceFields(db));
  return {
    participants: () => (participants ??= listParticipantValues(db)),
    sources: () => (sources ??= listSourceValues(db, sourceFields())),
    sourceFields,
  };
}

function column(db: Db, sql: string): string[] {
  return db.prepare<[], string>(sql).pluck().all();
}

function addPairs(values: Map<string, string[]>, pairs: readonly { k: string; v: string }[]): void {
  for (const { k, v } of pairs) {
    const list = values.get(k);
    if (list) list.push(v);
    else values.set(k, [v]);
  }
}
