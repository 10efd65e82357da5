/**
 * The framework matrix: codes against the values of an attribute (site, group, worker category, …).
 * Each cell counts the units coded, the members (participants, or sources) whose units they are, and
 * what share of the members with that value that is.
 */
import { unionAll, type UnitSet } from './unit-sets.js';
import type { MatrixCode } from './matrix-codes.js';

/** The column of members without a value for the attribute. */
export const NO_VALUE = '(none)';

/** A code with its units split by member (participant or source id). */
export interface MemberCodeUnits extends Omit<MatrixCode, 'family'> {
  byMember: ReadonlyMap<number, UnitSet>;
}

/** The units of a cell, and how many members (participants or sources) they come from. */
export interface ValueUnits {
  units: UnitSet;
  members: number;
}

/** A code with its units split by attribute value. */
export interface ValueCodeUnits extends Omit<MatrixCode, 'family'> {
  byValue: ReadonlyMap<string, ValueUnits>;
}

/** One cell: units coded, members whose units they are, and that as a share of the value's members. */
export interface AttributeCell {
  value: string;
  units: number;
  members: number;
  /** Whole percent of the value's members; null when no member has the value. */
  percent: number | null;
}

/** A column: a value and how many members have it (the denominator of its percentages). */
export interface AttributeValue {
  value: string;
  members: number;
}

/** The matrix, codes as rows. */
export interface AttributeMatrix {
  values: AttributeValue[];
  codes: { code: string; label: string; category: boolean; depth: number; cells: AttributeCell[] }[];
}

/**
 * The values members have, in order (NO_VALUE last), each with its number of members: the denominators.
 * `memberValue` holds every member that counts (those the filters keep), with null for no value.
 */
export function attributeValues(memberValue: ReadonlyMap<number, string | null>): AttributeValue[] {
  const counts = new Map<string, number>();
  for (const value of memberValue.values()) counts.set(value ?? NO_VALUE, (counts.get(value ?? NO_VALUE) ?? 0) + 1);
  return [...counts]
    .map(([value, members]) => ({ value, members }))
    .sort((a, b) => Number(a.value === NO_VALUE) - Number(b.value === NO_VALUE) || a.value.localeCompare(b.value));
}

/** A code's units per value (members' units together; members not in `memberValue` left out). */
export function unitsByValue(byMember: ReadonlyMap<number, UnitSet>, memberValue: ReadonlyMap<number, string | null>): Map<string, ValueUnits> {
  const sets = new Map<string, UnitSet[]>();
  for (const [member, units] of byMember) {
    if (!memberValue.has(member) || units.length === 0) continue;
    const value = memberValue.get(member) ?? NO_VALUE;
    const list = sets.get(value);
    if (list) list.push(units);
    else sets.set(value, [units]);
  }
  return new Map([...sets].map(([value, list]) => [value, { units: unionAll(list), members: list.length }]));
}

/** The matrix of codes against the values; a NO_VALUE column only when some code has units there. */
export function attributeMatrix(codes: readonly ValueCodeUnits[], values: readonly AttributeValue[]): AttributeMatrix {
  const shown = values.filter((v) => v.value !== NO_VALUE || codes.some((c) => c.byValue.has(NO_VALUE)));
  return {
    values: shown,
    codes: codes.map((code) => ({
      code: code.code,
      label: code.label,
      category: code.category,
      depth: code.depth,
      cells: shown.map(({ value, members: total }) => {
        const cell = code.byValue.get(value);
        const members = cell?.members ?? 0;
        return { value, units: cell?.units.length ?? 0, members, percent: total === 0 ? null : Math.round((members / total) * 100) };
      }),
    })),
  };
}

/**
 * The best quotes of one cell among the units offered to it, kept as they come (k is small; a cell can
 * hold a hundred thousand units): the shortest of at least `minLength` code points (a quote needs a few
 * words to say anything), then the shortest of the rest; ties go to the earlier unit; a unit offered
 * twice counts once.
 */
export class QuotePicker {
  private readonly best: { id: number; short: boolean; length: number }[] = [];

  constructor(
    private readonly k: number,
    private readonly minLength: number,
  ) {}

  /** Considers a unit of the given length. */
  offer(id: number, length: number): void {
    if (this.k <= 0) return;
    const unit = { id, short: length < this.minLength, length };
    const best = this.best;
    if (best.length === this.k && !before(unit, best[this.k - 1]!)) return;
    if (best.some((b) => b.id === id)) return;
    let at = best.length;
    while (at > 0 && before(unit, best[at - 1]!)) at -= 1;
    best.splice(at, 0, unit);
    if (best.length > this.k) best.pop();
  }

  /** The chosen units, best first. */
  ids(): number[] {
    return this.best.map((b) => b.id);
  }
}

/** Whether quote a goes before quote b: long enough first, then shorter, then earlier. */
function before(a: { id: number; short: boolean; length: number }, b: { id: number; short: boolean; length: number }): boolean {
  if (a.short !== b.short) return b.short;
  return a.length !== b.length ? a.length < b.length : a.id < b.id;
}
