/**
 * What inter-coder agreement is computed from. For every code, each unit is a yes/no judgement per
 * coder (the coder gave the unit the code, or not), or missing for a coder who did not code the unit's
 * source. The tally keeps, per code, how many units showed each pattern of judgements — bounded by codes ×
 * patterns however many units a project has, so a large project is tallied in one streaming pass.
 */

/** Coders as bits: bit i is the i-th named coder. */
export type CoderMask = number;

/** Units with one pattern of judgements on one code. */
export interface JudgementPattern {
  /** The coders who judged these units (coded their source). */
  present: CoderMask;
  /** Those of them who gave the code (a subset of present). */
  yes: CoderMask;
  units: number;
}

/** A code a coder gave a unit (rows come grouped by unit). */
export interface UnitCodeRow {
  /** The unit's source (rows of a source not compared are skipped). */
  sourceId?: number;
  unitId: number;
  code: string;
  coder: string;
}

/** A unit the coders judged differently on at least one compared code. */
export interface UnitDisagreement {
  unitId: number;
  present: CoderMask;
  /** Each compared code some coder gave the unit, with who gave it. */
  codes: Map<string, CoderMask>;
}

/** The number of coders in a mask. */
export function countCoders(mask: CoderMask): number {
  let n = 0;
  for (let m = mask; m > 0; m >>>= 1) n += m & 1;
  return n;
}

/** Tallies judgement patterns per code over the units of the compared sources. */
export class AgreementTally {
  /** Units of the compared sources, by who judged them. */
  private readonly allUnits = new Map<CoderMask, number>();
  /** Units some coder gave a compared code, by who judged them. */
  private readonly codedUnits = new Map<CoderMask, number>();
  /** code → (present · 2²⁰ + yes) → units; the all-no pattern is left implicit (see patterns). */
  private readonly byCode = new Map<string, Map<number, number>>();

  /** Each coder's bit, and whether each code seen so far is compared (asked once per code). */
  private readonly bits: Map<string, CoderMask>;
  private readonly compared = new Map<string, boolean>();

  /** `coders`: the named coders in order (bit i is coders[i]); `includes`: whether a code is compared. */
  constructor(
    readonly coders: readonly string[],
    private readonly includes: (code: string) => boolean,
  ) {
    // A pattern's key (present · 2²⁰ + yes) must stay an exact integer.
    if (coders.length > 20) throw new RangeError('at most 20 coders can be compared at once');
    this.bits = new Map(coders.map((c, i) => [c, 1 << i]));
  }

  /** Adds `units` units of a compared source (all of them, coded or not), judged by the coders in `present`. */
  addUnits(present: CoderMask, units: number): void {
    this.allUnits.set(present, (this.allUnits.get(present) ?? 0) + units);
  }

  /** One source: its units (addUnits) and its rows (addRows), every row judged by `present`. */
  addSource(present: CoderMask, units: number, rows: Iterable<UnitCodeRow>, onDisagreement?: (d: UnitDisagreement) => void): void {
    this.addUnits(present, units);
    this.addRows(rows, () => present, onDisagreement);
  }

  /**
   * Adds the coders' codes on units, each unit's rows together. `presenceOf` gives who judged a row's
   * source (undefined: the source is not compared, and its rows are skipped). Calls `onDisagreement` for
   * each unit the coders who judged it judged differently.
   */
  addRows(rows: Iterable<UnitCodeRow>, presenceOf: (sourceId: number | undefined) => CoderMask | undefined, onDisagreement?: (d: UnitDisagreement) => void): void {
    let unitId = -1;
    let present: CoderMask | undefined;
    // Reused from unit to unit: a large project has millions of units.
    const codes = new Map<string, CoderMask>();
    const flush = (): void => {
      if (codes.size === 0 || present === undefined) return;
      this.codedUnits.set(present, (this.codedUnits.get(present) ?? 0) + 1);
      let differs = false;
      for (const [code, yes] of codes) {
        if (yes !== present) differs = true;
        let patterns = this.byCode.get(code);
        if (!patterns) this.byCode.set(code, (patterns = new Map()));
        const key = present * 2 ** 20 + yes;
        patterns.set(key, (patterns.get(key) ?? 0) + 1);
      }
      // A single coder cannot disagree with anyone.
      if (differs && onDisagreement && countCoders(present) >= 2) onDisagreement({ unitId, present, codes: new Map(codes) });
    };
    for (const row of rows) {
      if (row.unitId !== unitId) {
        flush();
        codes.clear();
        unitId = row.unitId;
        present = presenceOf(row.sourceId);
      }
      if (present === undefined) continue;
      const b = this.bits.get(row.coder);
      if (b === undefined || (b & present) === 0) continue;
      let included = this.compared.get(row.code);
      if (included === undefined) this.compared.set(row.code, (included = this.includes(row.code)));
      if (included) codes.set(row.code, (codes.get(row.code) ?? 0) | b);
    }
    flush();
  }

  /** Every code some coder gave a compared unit. */
  codesSeen(): string[] {
    return [...this.byCode.keys()];
  }

  /** How many units are compared: all units of the compared sources, or only those some coder gave a compared code. */
  unitCount(excludeUncoded: boolean): number {
    let n = 0;
    for (const units of (excludeUncoded ? this.codedUnits : this.allUnits).values()) n += units;
    return n;
  }

  /** How many compared units at least two coders judged (the others are unpairable and count in no statistic). */
  pairableCount(excludeUncoded: boolean): number {
    let n = 0;
    for (const [present, units] of excludeUncoded ? this.codedUnits : this.allUnits) if (countCoders(present) >= 2) n += units;
    return n;
  }

  /** The judgement patterns of one code over the compared units, the units nobody gave it (all no) included. */
  patterns(code: string, excludeUncoded: boolean): JudgementPattern[] {
    const out: JudgementPattern[] = [];
    const counted = this.byCode.get(code) ?? new Map<number, number>();
    for (const [present, total] of excludeUncoded ? this.codedUnits : this.allUnits) {
      let rest = total;
      for (const [key, units] of counted) {
        if (Math.floor(key / 2 ** 20) !== present) continue;
        out.push({ present, yes: key % 2 ** 20, units });
        rest -= units;
      }
      if (rest > 0) out.push({ present, yes: 0, units: rest });
    }
    return out;
  }
}
