/** The units a matrix counts: its codes' units within the filters, whole or split by participant or source. */
import type { CodeUnits } from '../../core/analysis/cooccurrence.js';
import { NO_VALUE, unitsByValue, type ValueCodeUnits } from '../../core/analysis/attribute-matrix.js';
import { matrixCodes, type MatrixCode, type MatrixCodeChoice } from '../../core/analysis/matrix-codes.js';
import { unionAll, unitSetOf, type UnitSet } from '../../core/analysis/unit-sets.js';
import type { UnitIds, UnitTriples } from '../../store/unit-ids.js';
import type { Project } from '../open-project.js';
import { checkCode, readScopedUnitIds, type AnalysisScope } from './scope.js';

/** The matrix's codes, each checked. */
export function matrixCodesOf(scope: AnalysisScope, choice: MatrixCodeChoice): MatrixCode[] {
  for (const code of [...(choice.codes ?? []), ...(choice.code === undefined ? [] : [choice.code])]) checkCode(scope, code);
  return matrixCodes(scope.codebook, scope.known, choice);
}

/** The matrix's codes (checked) and the units of every code they count, by participant. */
export function readMatrixUnits(project: Project, scope: AnalysisScope, choice: MatrixCodeChoice): { codes: MatrixCode[]; rows: UnitIds[] } {
  const codes = matrixCodesOf(scope, choice);
  const wanted = [...new Set(codes.flatMap((c) => c.family))];
  return { codes, rows: readScopedUnitIds(project, scope, wanted) };
}

/** Each matrix code with all its units (a unit once, whichever of the code's family it carries). */
export function codeUnits(codes: readonly MatrixCode[], rows: readonly UnitIds[]): CodeUnits[] {
  return codes.map((c) => {
    const family = new Set(c.family);
    return { code: c.code, label: c.label, category: c.category, units: unionAll(rows.filter((r) => family.has(r.code)).map((r) => r.ids)) };
  });
}

/** Each matrix code with its units by participant's value; units with no participant are counted apart. */
export function codeUnitsByParticipant(codes: readonly MatrixCode[], rows: readonly UnitIds[], memberValue: ReadonlyMap<number, string | null>): { codes: ValueCodeUnits[]; withoutParticipant: number } {
  const split = codes.map((c) => {
    const family = new Set(c.family);
    const lists = new Map<number, UnitSet[]>();
    for (const r of rows) {
      if (!family.has(r.code) || r.member === null) continue;
      const list = lists.get(r.member);
      if (list) list.push(r.ids);
      else lists.set(r.member, [r.ids]);
    }
    const byMember = new Map([...lists].map(([id, sets]) => [id, unionAll(sets)]));
    return { code: c.code, label: c.label, category: c.category, depth: c.depth, byValue: unitsByValue(byMember, memberValue) };
  });
  const all = new Set(codes.flatMap((c) => c.family));
  const withoutParticipant = unionAll(rows.filter((r) => r.member === null && all.has(r.code)).map((r) => r.ids)).length;
  return { codes: split, withoutParticipant };
}

/**
 * Each matrix code with its units by the value of their source: per value, the units (each once) and the
 * sources they are in. `valueOf` gives a source's value (null: none).
 */
export function codeUnitsBySource(codes: readonly MatrixCode[], triples: UnitTriples, valueOf: (sourceId: number) => string | null): ValueCodeUnits[] {
  const value = Array.from(triples.member, (source) => valueOf(source) ?? NO_VALUE);
  return codes.map((c) => {
    const family = new Set(c.family.map((code) => triples.codes.indexOf(code)).filter((i) => i >= 0));
    const cells = new Map<string, { ids: number[]; sources: Set<number> }>();
    for (let i = 0; i < triples.unit.length; i += 1) {
      if (!family.has(triples.code[i]!)) continue;
      let cell = cells.get(value[i]!);
      if (!cell) cells.set(value[i]!, (cell = { ids: [], sources: new Set() }));
      cell.ids.push(triples.unit[i]!);
      cell.sources.add(triples.member[i]!);
    }
    const byValue = new Map([...cells].map(([v, cell]) => [v, { units: unitSetOf(cell.ids), members: cell.sources.size }]));
    return { code: c.code, label: c.label, category: c.category, depth: c.depth, byValue };
  });
}
