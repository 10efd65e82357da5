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

/** One unit's codes as the coders gave them, with what the tally needs to find disagreements. */
export interface UnitCodeRow {
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
  /** code → present → yes → units; the all-no pattern is left implicit (see patterns). */
  private readonly byCode = new Map<string, Map<CoderMask, Map<CoderMask, number>>>();

  /** `coders`: the named coders in order (bit i is coders[i]); `includes`: whether a code is compared. */
  constructor(
    readonly coders: readonly string[],
    private readonly includes: (code: string) => boolean,
  ) {
    // Masks are 32-bit integers under JavaScript's bit operators.
    if (coders.length > 30) throw new RangeError('at most 30 coders can be compared at once');
  }

  /**
   * Adds one source: its `units` (all of them, coded or not), judged by the coders in `present`, and its
   * rows in unit order. Calls `onDisagreement` for each unit the present coders judged differently.
   */
  addSource(present: CoderMask, units: number, rows: Iterable<UnitCodeRow>, onDisagreement?: (d: UnitDisagreement) => void): void {
    this.allUnits.set(present, (this.allUnits.get(present) ?? 0) + units);
    const bit = new Map(this.coders.map((c, i) => [c, 1 << i]));
    let unitId = -1;
    let codes = new Map<string, CoderMask>();
    const flush = (): void => {
      if (codes.size === 0) return;
      this.codedUnits.set(present, (this.codedUnits.get(present) ?? 0) + 1);
      let differs = false;
      for (const [code, yes] of codes) {
        if (yes !== present) differs = true;
        let byPresent = this.byCode.get(code);
        if (!byPresent) this.byCode.set(code, (byPresent = new Map()));
        let byYes = byPresent.get(present);
        if (!byYes) byPresent.set(present, (byYes = new Map()));
        byYes.set(yes, (byYes.get(yes) ?? 0) + 1);
      }
      // A single coder cannot disagree with anyone.
      if (differs && countCoders(present) >= 2 && onDisagreement) onDisagreement({ unitId, present, codes });
    };
    for (const row of rows) {
      if (row.unitId !== unitId) {
        flush();
        unitId = row.unitId;
        codes = new Map();
      }
      const b = bit.get(row.coder);
      if (b === undefined || (b & present) === 0 || !this.includes(row.code)) continue;
      codes.set(row.code, (codes.get(row.code) ?? 0) | b);
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
    const byPresent = this.byCode.get(code);
    for (const [present, total] of excludeUncoded ? this.codedUnits : this.allUnits) {
      let rest = total;
      for (const [yes, units] of byPresent?.get(present) ?? []) {
        out.push({ present, yes, units });
        rest -= units;
      }
      if (rest > 0) out.push({ present, yes: 0, units: rest });
    }
    return out;
  }
}
