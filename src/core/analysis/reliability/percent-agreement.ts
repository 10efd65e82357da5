/**
 * Percent agreement: the share of pairable units (two or more values) on which every coder who coded
 * the unit gave the same value. With two coders it is the diagonal of their contingency table over n.
 */
import type { ValueCounts } from './krippendorff-alpha.js';

/** The share (0–1) of pairable units whose values all agree; row i weighs `times[i]` units. NaN when no unit is pairable. */
export function percentAgreement(counts: ValueCounts, times?: readonly number[]): number {
  let pairable = 0;
  let agreed = 0;
  counts.forEach((row, i) => {
    const w = times?.[i] ?? 1;
    const m = row.reduce((a, b) => a + b, 0);
    if (m < 2) return;
    pairable += w;
    if (row.some((n) => n === m)) agreed += w;
  });
  return pairable === 0 ? NaN : agreed / pairable;
}
