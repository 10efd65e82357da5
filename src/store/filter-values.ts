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
  // Each list is read when first asked for: a check needs one or two, and codes and coders read every coding.
  const once = <T>(read: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= read());
  };
  const codes = once(() => column(db, "SELECT code AS v FROM codings UNION SELECT code AS v FROM review_decisions WHERE code <> '' ORDER BY v"));
  const coders = once(() => listCoders(db));
  const sources = once(() => column(db, 'SELECT name AS v FROM sources ORDER BY name'));
  const attributes = once(() => listParticipantValues(db));
  const sourceAttributes = once(() => listSourceValues(db));
  return {
    get codes() {
      return codes();
    },
    get coders() {
      return coders();
    },
    get sources() {
      return sources();
    },
    get attributes() {
      return attributes();
    },
    get sourceAttributes() {
      return sourceAttributes();
    },
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

/** Whether a key is one of the source columns a filter can name (site, date, type, language). */
export function isSourceColumn(key: string): key is (typeof SOURCE_FILTER_COLUMNS)[number] {
  return (SOURCE_FILTER_COLUMNS as readonly string[]).includes(key);
}

/** Every key a source filter can name: the columns, then the attribute keys sources have. */
export function listSourceKeys(db: Db): string[] {
  const attributes = column(db, 'SELECT DISTINCT j.key AS v FROM sources, json_each(sources.attributes) j ORDER BY v');
  return [...SOURCE_FILTER_COLUMNS, ...attributes.filter((k) => !isSourceColumn(k))];
}

/**
 * Each source's value for one key (a column, or an attribute read in SQL), by source id; sources without
 * one are absent. `type` sits before the text in a source's row; the rest are read past it.
 */
export function listSourceValueById(db: Db, key: string): Map<number, string> {
  const rows = isSourceColumn(key)
    ? db.prepare<[], { id: number; v: string }>(`SELECT id, ${key} AS v FROM sources WHERE ${key} IS NOT NULL`).all()
    : db.prepare<[string], { id: number; v: string }>(`SELECT id, CAST(v AS TEXT) AS v FROM (SELECT id, json_extract(attributes, ?) AS v FROM sources) WHERE v IS NOT NULL`).all(`$."${key.replace(/"/g, '')}"`);
  return new Map(rows.map((r) => [r.id, r.v]));
}

/** The values of participants' and sources' attributes, each read only when first asked for. */
export interface AttributeValues {
  /** Participant attribute keys (with `group`) and their values. */
  participants(): ReadonlyMap<string, readonly string[]>;
  /** Every key a source filter can name. */
  sourceKeys(): ReadonlySet<string>;
  /** The values sources have for a key, sorted. */
  sourceValues(key: string): readonly string[];
  /** Each source's value for a key (see listSourceValueById). */
  sourceValueById(key: string): ReadonlyMap<number, string>;
}

/** Attribute values read from the project when first asked for, each once. */
export function lazyAttributeValues(db: Db): AttributeValues {
  let participants: Map<string, string[]> | undefined;
  let keys: Set<string> | undefined;
  const byId = new Map<string, Map<number, string>>();
  const sourceValueById = (key: string): Map<number, string> => {
    let values = byId.get(key);
    if (!values) byId.set(key, (values = listSourceValueById(db, key)));
    return values;
  };
  return {
    participants: () => (participants ??= listParticipantValues(db)),
    sourceKeys: () => (keys ??= new Set(listSourceKeys(db))),
    sourceValues: (key) => [...new Set(sourceValueById(key).values())].sort(),
    sourceValueById,
  };
}

/** The lazy form of values already read (codings list reads them all at once). */
export function attributeValuesOf(values: FilterValues): Omit<AttributeValues, 'sourceValueById'> {
  return {
    participants: () => values.attributes,
    sourceKeys: () => new Set(values.sourceAttributes.keys()),
    sourceValues: (key) => values.sourceAttributes.get(key) ?? [],
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
