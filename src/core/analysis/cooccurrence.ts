/** Co-occurrence of codes: how many units carry both, and the Jaccard index of their unit sets. */
import { countShared, type UnitSet } from './unit-sets.js';
import type { MatrixCode } from './matrix-codes.js';

/** A matrix code with the units it counts. */
export interface CodeUnits extends Omit<MatrixCode, 'family' | 'depth'> {
  units: UnitSet;
}

/** `matrix cooccurrence --json`. */
export interface CooccurrenceMatrix {
  codes: { code: string; label: string; category: boolean; units: number }[];
  /** counts[i][j]: units carrying both code i and code j (on the diagonal: units carrying code i). */
  counts: number[][];
  /** jaccard[i][j]: units with both over units with either, to 3 decimals (0 when neither has any). */
  jaccard: number[][];
}

/** Counts and Jaccard indices for every pair of codes (symmetric; each pair merged once). */
export function cooccurrenceMatrix(codes: readonly CodeUnits[]): CooccurrenceMatrix {
  const n = codes.length;
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const jaccard = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    for (let j = i; j < n; j += 1) {
      const both = i === j ? codes[i]!.units.length : countShared(codes[i]!.units, codes[j]!.units);
      const either = codes[i]!.units.length + codes[j]!.units.length - both;
      counts[i]![j] = counts[j]![i] = both;
      jaccard[i]![j] = jaccard[j]![i] = either === 0 ? 0 : Math.round((both / either) * 1000) / 1000;
    }
  }
  return { codes: codes.map((c) => ({ code: c.code, label: c.label, category: c.category, units: c.units.length })), counts, jaccard };
}
