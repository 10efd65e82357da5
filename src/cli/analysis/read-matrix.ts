/** The units a matrix counts: its codes' units within the filters, whole or split by participant or source. */
import { attributeMatrix, attributeValues, NO_VALUE, unitsByValue, type AttributeMatrix, type ValueCodeUnits } from '../../core/analysis/attribute-matrix.js';
import { cooccurrenceMatrix, type CodeUnits, type CooccurrenceMatrix } from '../../core/analysis/cooccurrence.js';
import { matrixCodes, type MatrixCode, type MatrixCodeChoice } from '../../core/analysis/matrix-codes.js';
import { unionAll, unitSetOf, type UnitSet } from '../../core/analysis/unit-sets.js';
import type { MatrixBase } from '../../report/matrix.js';
import { groupUnitIds, type UnitIds, type UnitTriples } from '../../store/unit-ids.js';
import { resolveAttributeKey } from '../coding-filters.js';
import type { Project } from '../open-project.js';
import { checkCode, openAnalysisScope, participantValue, readScopedTriples, readScopedUnitIds, type AnalysisOptions, type AnalysisScope } from './scope.js';

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

/** What `matrix attributes --by KEY` asks for. */
export interface AttributeMatrixOptions extends AnalysisOptions, MatrixCodeChoice {
  by: string;
}

/** The framework matrix with what went into it (for the quotes of `--cell quotes`). */
export interface AttributeMatrixRead {
  scope: AnalysisScope;
  /** The key as `--by` names it in output: `site`, or `source.site` for a source's. */
  byName: string;
  base: MatrixBase;
  codes: MatrixCode[];
  triples: UnitTriples;
  /** Each participant (or source) the filters keep, with its value or null. */
  memberValue: Map<number, string | null>;
  matrix: AttributeMatrix;
  /** Coded units without a participant (left out when grouping by a participant attribute). */
  withoutParticipant: number;
}

/**
 * Codes against the values of a participant or source attribute (`matrix attributes`, `export csv --what
 * matrix`): the filters and codes checked, the units read, and the matrix counted. `lengths` reads the
 * units' lengths too (for choosing the shortest quotes).
 */
export function readAttributeMatrix(project: Project, opts: AttributeMatrixOptions, lengths: boolean): AttributeMatrixRead {
  const scope = openAnalysisScope(project, opts);
  const by = resolveAttributeKey(opts.by, scope.values);
  const base: MatrixBase = by.on === 'participant' ? 'participants' : 'sources';
  const codes = matrixCodesOf(scope, { codes: opts.codes, code: opts.code, categories: opts.categories });
  const triples = readScopedTriples(project, scope, [...new Set(codes.flatMap((c) => c.family))], by.on, lengths);
  // Members are the participants (or sources) the filters keep; each has its value, or none.
  const memberValue = new Map<number, string | null>();
  let withoutParticipant = 0;
  let split: ValueCodeUnits[];
  if (by.on === 'participant') {
    const kept = scope.keptParticipants === null ? null : new Set(scope.keptParticipants);
    for (const p of scope.participants) if (kept === null || kept.has(p.id)) memberValue.set(p.id, participantValue(p, by.key));
    ({ codes: split, withoutParticipant } = codeUnitsByParticipant(codes, groupUnitIds(triples, 'participant'), memberValue));
  } else {
    // The source type is in the list already; other fields are read for this key alone.
    const byId = by.key === 'type' ? new Map(scope.sources().map((s) => [s.id, s.type as string])) : scope.values.sourceValueById(by.key);
    const kept = scope.keptSources === null ? null : new Set(scope.keptSources);
    for (const s of scope.sources()) if (kept === null || kept.has(s.id)) memberValue.set(s.id, byId.get(s.id) ?? null);
    split = codeUnitsBySource(codes, triples, (id) => memberValue.get(id) ?? null);
  }
  const matrix = attributeMatrix(split, attributeValues(memberValue));
  return { scope, byName: by.on === 'participant' ? by.key : `source.${by.key}`, base, codes, triples, memberValue, matrix, withoutParticipant };
}

/** Codes against codes (`matrix cooccurrence`, `export csv --what matrix --matrix cooccurrence`): filters and codes checked, units counted. */
export function readCooccurrenceMatrix(project: Project, opts: AnalysisOptions & MatrixCodeChoice): { scope: AnalysisScope; matrix: CooccurrenceMatrix } {
  const scope = openAnalysisScope(project, opts);
  const { codes, rows } = readMatrixUnits(project, scope, { codes: opts.codes, code: opts.code, categories: opts.categories }, false);
  return { scope, matrix: cooccurrenceMatrix(codeUnits(codes, rows)) };
}
