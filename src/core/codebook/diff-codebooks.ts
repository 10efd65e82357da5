/** What changed in the codes between two versions of a codebook. */
import type { CodeDef, CodePatterns, Codebook, PatternTerm } from './types.js';

export interface CodebookDiff {
  /** Ids only in the second codebook, in its order. */
  added: string[];
  /** Ids only in the first codebook, in its order. */
  removed: string[];
  /** Ids in both whose definition changed, in the second codebook's order, with the YAML keys that differ. */
  changed: { id: string; fields: string[] }[];
}

/**
 * Codes added, removed and changed from `a` to `b`. Changed fields are named as in the YAML
 * (`when_to_use`, `patterns.not`); positions in the file are ignored, so moving a code is no change,
 * and `contrasts` is compared as a set.
 */
export function diffCodebooks(a: Codebook, b: Codebook): CodebookDiff {
  const before = new Map(a.codes.map((code) => [code.id, code]));
  const after = new Set(b.codes.map((code) => code.id));
  const added: string[] = [];
  const changed: { id: string; fields: string[] }[] = [];
  for (const code of b.codes) {
    const old = before.get(code.id);
    if (!old) {
      added.push(code.id);
      continue;
    }
    const fields = changedFields(old, code);
    if (fields.length) changed.push({ id: code.id, fields });
  }
  const removed = a.codes.filter((code) => !after.has(code.id)).map((code) => code.id);
  return { added, removed, changed };
}

function changedFields(a: CodeDef, b: CodeDef): string[] {
  const fields: string[] = [];
  const check = (name: string, x: unknown, y: unknown): void => {
    if (JSON.stringify(x) !== JSON.stringify(y)) fields.push(name);
  };
  check('label', sortedEntries(a.label), sortedEntries(b.label));
  check('definition', a.definition, b.definition);
  check('when_to_use', a.whenToUse, b.whenToUse);
  check('when_not_to_use', a.whenNotToUse, b.whenNotToUse);
  check('parent', a.parent, b.parent);
  const pa = comparablePatterns(a.patterns);
  const pb = comparablePatterns(b.patterns);
  for (const key of Object.keys(pa) as (keyof typeof pa)[]) check(`patterns.${key}`, pa[key], pb[key]);
  check('examples', a.examples, b.examples);
  check('counterexamples', a.counterexamples, b.counterexamples);
  check('required', a.required, b.required);
  check('contrasts', [...a.contrasts].sort(), [...b.contrasts].sort());
  return fields;
}

function sortedEntries(record: object): [string, unknown][] {
  return Object.entries(record)
    .filter(([, value]) => value !== undefined)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
}

/** Patterns keyed by their YAML names, without file positions. */
function comparablePatterns(p: CodePatterns) {
  const terms = (list: PatternTerm[] | undefined) => (list ?? []).map((t) => [t.kind, t.text]);
  return {
    id: terms(p.any.id),
    en: terms(p.any.en),
    all: p.all.map(terms),
    near: p.near.map((n) => [terms(n.terms), n.within]),
    not: terms(p.not),
    regex: p.regex.map((r) => [r.source, r.flags]),
    fire_when_negated: p.fireWhenNegated,
  };
}
