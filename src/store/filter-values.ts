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

/** Source fields (site, date, type, language) and attribute keys, with the values each takes (a field's own column wins over an attribute of its name). */
export function listSourceValues(db: Db): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const field of SOURCE_FILTER_COLUMNS) {
    values.set(field, column(db, `SELECT DISTINCT ${field} AS v FROM sources WHERE ${field} IS NOT NULL ORDER BY v`));
  }
  const attributes = db
    .prepare<[], { k: string; v: string }>(`SELECT DISTINCT j.key AS k, CAST(j.value AS TEXT) AS v FROM sources, json_each(sources.attributes) j ORDER BY k, v`)
    .all()
    .filter((pair) => !(SOURCE_FILTER_COLUMNS as readonly string[]).includes(pair.k));
  addPairs(values, attributes);
  return values;
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
