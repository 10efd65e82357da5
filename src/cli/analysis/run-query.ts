/** A query run against a project: its codes read once, evaluated over unit sets, matched codes per unit. */
import { evaluateQuery, type UnitPlaces } from '../../core/analysis/query/evaluate-query.js';
import { codeTerms, type CodeTerm, type QueryNode } from '../../core/analysis/query/query-ast.js';
import { hasUnit, lowerBound, unionAll, type UnitSet } from '../../core/analysis/unit-sets.js';
import { readUnitFacts, type SourceRange } from '../../store/coded-units.js';
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
  const wanted = [...new Set([...families.values()].flat())];
  const byCode = unitsByCode(readScopedUnitIds(project, scope, wanted));
  let universe: UnitSet | undefined;
  const units = evaluateQuery(query, {
    unitsOf: (term: CodeTerm) => unionAll(families.get(term.code)!.flatMap((code) => byCode.get(code) ?? [])),
    universe: () => (universe ??= unionAll([...unitsByCode(readScopedUnitIds(project, scope)).values()])),
    places: (ids) => placesOf(project, scope, ids),
  });
  // The codes shown are those of terms that are not negated: what made the unit match.
  const shown = [...new Set(terms.filter((t) => !t.negated).flatMap(({ term }) => families.get(term.code)!))].sort();
  const codes = Array.from(units, (id) => shown.filter((code) => hasUnit(byCode.get(code) ?? new Float64Array(0), id)));
  return { units, codes };
}

/** The result in the order people read it: by source name, then place in the source. */
export function inReadingOrder(result: QueryResult, sources: readonly SourceRange[]): { ids: Float64Array; codes: string[][] } {
  const byName = [...sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const order: number[] = [];
  for (const source of byName) {
    for (let i = lowerBound(result.units, source.first); i < result.units.length && result.units[i]! <= source.last; i += 1) order.push(i);
  }
  return { ids: Float64Array.from(order, (i) => result.units[i]!), codes: order.map((i) => result.codes[i]!) };
}

/**
 * Where units sit: a sentence's place among its source's sentences is its id's distance from the
 * source's first segment less the turn rows before it (a source's segments are turn, its sentences,
 * next turn, …), a turn's is its number less one.
 */
function placesOf(project: Project, scope: AnalysisScope, ids: UnitSet): UnitPlaces {
  const facts = readUnitFacts(project.db, ids);
  const firstOf = new Map(scope.sources.map((s) => [s.id, s.first]));
  const source = Float64Array.from(facts.sourceId, (id) => firstOf.get(id)!);
  const position =
    scope.unit === 'turn'
      ? Float64Array.from(facts.turn, (turn) => turn - 1)
      : Float64Array.from(ids, (id, i) => id - source[i]! - facts.turn[i]!);
  return { source, position, turn: facts.turnId };
}
