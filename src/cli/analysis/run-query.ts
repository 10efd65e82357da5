/** A query run against a project: its codes read once, evaluated over unit sets, matched codes per unit. */
import { evaluateQuery, needsUniverse, type UnitPlaces } from '../../core/analysis/query/evaluate-query.js';
import { codeTerms, type CodeTerm, type QueryNode } from '../../core/analysis/query/query-ast.js';
import { hasUnit, unionAll, type UnitSet } from '../../core/analysis/unit-sets.js';
import { listSourceRanges, readUnitFacts, type SourceRef } from '../../store/coded-units.js';
import type { Project } from '../open-project.js';
import { checkCode, familyOf, readScopedUnitIds, unitsByCode, type AnalysisScope } from './scope.js';

/** The matching units and, per unit (in the same order), the codes of the query's terms it carries. */
export interface QueryResult {
  units: UnitSet;
  codes: string[][];
}

/** Checks the query's codes, then evaluates it within the scope. */
export function runQuery(project: Project, scope: AnalysisScope, query: QueryNode): QueryResult {
  const terms = codeTerms(query);
  for (const { term } of terms) checkCode(scope, term.code, term.col === undefined ? undefined : { col: term.col });
  const families = new Map(terms.map(({ term }) => [term.code, familyOf(scope, term.code)]));
  // A query that lists every coded unit reads every code once; others read only their own codes.
  const all = needsUniverse(query);
  const byCode = unitsByCode(readScopedUnitIds(project, scope, all ? undefined : [...new Set([...families.values()].flat())], false));
  let universe: UnitSet | undefined;
  const units = evaluateQuery(query, {
    unitsOf: (term: CodeTerm) => unionAll(families.get(term.code)!.flatMap((code) => byCode.get(code) ?? [])),
    universe: () => (universe ??= unionAll([...byCode.values()])),
    places: (ids) => placesOf(project, scope, ids),
  });
  // The codes shown are those of terms that are not negated: what made the unit match.
  const shown = [...new Set(terms.filter((t) => !t.negated).flatMap(({ term }) => families.get(term.code)!))].sort();
  const codes = Array.from(units, (id) => shown.filter((code) => hasUnit(byCode.get(code) ?? new Float64Array(0), id)));
  return { units, codes };
}

/**
 * The result in the order people read it: by source name, then place in the source. Each unit's source
 * comes from its segment row, or, for more units than sources, from the sources' id ranges.
 */
export function inReadingOrder(project: Project, result: QueryResult, sources: readonly SourceRef[]): { ids: Float64Array; codes: string[][] } {
  const rank = new Map(sources.map((s, i) => [s.id, i]));
  const units = result.units;
  const sourceRank = new Float64Array(units.length);
  if (units.length > sources.length) {
    let i = 0;
    for (const range of listSourceRanges(project.db)) {
      while (i < units.length && units[i]! < range.first) i += 1;
      for (; i < units.length && units[i]! <= range.last; i += 1) sourceRank[i] = rank.get(range.id)!;
    }
  } else {
    readUnitFacts(project.db, units).sourceId.forEach((id, i) => (sourceRank[i] = rank.get(id)!));
  }
  const order = Uint32Array.from(units, (_, i) => i).sort((a, b) => sourceRank[a]! - sourceRank[b]! || units[a]! - units[b]!);
  return { ids: Float64Array.from(order, (i) => units[i]!), codes: Array.from(order, (i) => result.codes[i]!) };
}

/**
 * Where units sit. A sentence's place in its source, less a constant per source, is its id less its turn
 * number: a source's segments are turn 1, its sentences, turn 2, … in consecutive ids, so every turn row
 * before a sentence takes one id. A turn's place is its number.
 */
function placesOf(project: Project, scope: AnalysisScope, ids: UnitSet): UnitPlaces {
  const facts = readUnitFacts(project.db, ids);
  const position = scope.unit === 'turn' ? facts.turn : Float64Array.from(ids, (id, i) => id - facts.turn[i]!);
  return { source: facts.sourceId, position, turn: facts.turnId };
}
