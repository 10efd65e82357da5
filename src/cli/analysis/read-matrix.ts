/** The units a matrix counts: its codes' units within the filters, whole or split by participant or source. */
import type { CodeUnits } from '../../core/analysis/cooccurrence.js';
import { unitsBySourceValue, unitsByValue, type ValueCodeUnits } from '../../core/analysis/attribute-matrix.js';
import { matrixCodes, type MatrixCode, type MatrixCodeChoice } from '../../core/analysis/matrix-codes.js';
import { unionAll, type UnitSet } from '../../core/analysis/unit-sets.js';
import type { UnitIds } from '../../store/unit-codes.js';
import type { Project } from '../open-project.js';
import { checkCode, readScopedUnitIds, type AnalysisScope } from './scope.js';

/** The matrix's codes (checked) and the units of every code they count, by participant. */
export function readMatrixUnits(project: Project, scope: AnalysisScope, choice: MatrixCodeChoice): { codes: MatrixCode[]; rows: UnitIds[] } {
  for (const code of [...(choice.codes ?? []), ...(choice.code === undefined ? [] : [choice.code])]) checkCode(scope, code);
  const codes = matrixCodes(scope.codebook, scope.known, choice);
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
      if (!family.has(r.code) || r.participantId === null) continue;
      const list = lists.get(r.participantId);
      if (list) list.push(r.ids);
      else lists.set(r.participantId, [r.ids]);
    }
    const byMember = new Map([...lists].map(([id, sets]) => [id, unionAll(sets)]));
    return { code: c.code, label: c.label, category: c.category, depth: c.depth, byValue: unitsByValue(byMember, memberValue) };
  });
  const all = new Set(codes.flatMap((c) => c.family));
  const withoutParticipant = unionAll(rows.filter((r) => r.participantId === null && all.has(r.code)).map((r) => r.ids)).length;
  return { codes: split, withoutParticipant };
}

/** Each matrix code with its units by its sources' value (sources in segment-id order). */
export function codeUnitsBySource(codes: readonly MatrixCode[], rows: readonly UnitIds[], sources: readonly { first: number; last: number; value: string | null }[]): ValueCodeUnits[] {
  return codeUnits(codes, rows).map((c, i) => ({ code: c.code, label: c.label, category: c.category, depth: codes[i]!.depth, byValue: unitsBySourceValue(c.units, sources) }));
}
