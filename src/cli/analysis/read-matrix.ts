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

/** The matrix's codes (checked) and the units of every code they count (by participant when asked). */
export function readMatrixUnits(project: Project, scope: AnalysisScope, choice: MatrixCodeChoice, byParticipant: boolean): { codes: MatrixCode[]; rows: UnitIds[] } {
  const codes = matrixCodesOf(scope, choice);
  const wanted = [...new Set(codes.flatMap((c) => c.family))];
  return { codes, rows: readScopedUnitIds(project, scope, wanted, byParticipant) };
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
  // One pass over the triples: each goes to the cells of every row whose family holds its code.
  const rowsOfCode = triples.codes.map((code) => codes.flatMap((c, row) => (c.family.includes(code) ? [row] : [])));
  const valueIndex = new Map<string, number>();
  const sourceValue = new Map<number, number>();
  const ids: number[][][] = codes.map(() => []);
  // Which sources each row has units in, as one byte per source id: no hashing per triple.
  const maxSource = triples.member.reduce((max, id) => Math.max(max, id), 0);
  const seen = codes.map(() => new Uint8Array(maxSource + 1));
  for (let i = 0; i < triples.unit.length; i += 1) {
    const rows = rowsOfCode[triples.code[i]!]!;
    if (rows.length === 0) continue;
    const source = triples.member[i]!;
    let v = sourceValue.get(source);
    if (v === undefined) {
      const value = valueOf(source) ?? NO_VALUE;
      v = valueIndex.get(value) ?? valueIndex.size;
      valueIndex.set(value, v);
      sourceValue.set(source, v);
    }
    for (const row of rows) {
      (ids[row]![v] ??= []).push(triples.unit[i]!);
      seen[row]![source] = 1;
    }
  }
  const values = [...valueIndex.keys()];
  return codes.map((c, row) => {
    const members = new Array<number>(values.length).fill(0);
    seen[row]!.forEach((flag, source) => {
      if (flag) members[sourceValue.get(source)!]! += 1;
    });
    const byValue = new Map(ids[row]!.flatMap((list, v) => (list ? [[values[v]!, { units: unitSetOf(list), members: members[v]! }] as const] : [])));
    return { code: c.code, label: c.label, category: c.category, depth: c.depth, byValue };
  });
}
