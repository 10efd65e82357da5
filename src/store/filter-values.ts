import type { Db } from './open.js';

/** The values a filter can take in this project, for "did you mean" when one is mistyped. */
export interface FilterValues {
  /** Codes that appear in codings or review decisions. */
  codes: string[];
  /** Coders of codings and review decisions. */
  coders: string[];
  sources: string[];
  /** Participant attribute keys (with `group`) and the values each takes. */
  attributes: Map<string, string[]>;
}

/** Participant attribute keys (with `group`) and the values each takes. */
export function listAttributeValues(db: Db): Map<string, string[]> {
  const groups = db
    .prepare<[], { v: string }>('SELECT DISTINCT grp AS v FROM participants WHERE grp IS NOT NULL ORDER BY grp')
    .all()
    .map((r) => r.v);
  const attributes = new Map<string, string[]>([['group', groups]]);
  const pairs = db
    .prepare<[], { k: string; v: string }>(`SELECT DISTINCT j.key AS k, CAST(j.value AS TEXT) AS v FROM participants, json_each(participants.attributes) j ORDER BY k, v`)
    .all();
  for (const { k, v } of pairs) {
    const list = attributes.get(k);
    if (list) list.push(v);
    else attributes.set(k, [v]);
  }
  return attributes;
}

/** Every code, coder, source and participant attribute value the project holds. */
export function listFilterValues(db: Db): FilterValues {
  const column = (sql: string): string[] =>
    db
      .prepare<[], { v: string }>(sql)
      .all()
      .map((r) => r.v);
  const attributes = listAttributeValues(db);
  return {
    codes: column('SELECT code AS v FROM codings UNION SELECT code AS v FROM review_decisions WHERE code <> \'\' ORDER BY v'),
    coders: column('SELECT coder AS v FROM codings UNION SELECT coder AS v FROM review_decisions ORDER BY v'),
    sources: column('SELECT name AS v FROM sources ORDER BY name'),
    attributes,
  };
}
