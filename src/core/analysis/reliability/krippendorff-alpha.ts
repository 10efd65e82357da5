/**
 * Krippendorff's alpha for nominal data, any number of coders, missing values allowed: 1 − Do/De from
 * the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", section C).
 * Units with fewer than 2 values are unpairable and contribute nothing.
 */

/** Reliability data as per-unit counts of each value: how many coders gave the unit each value. */
export type ValueCounts = readonly (readonly number[])[];

/**
 * Per-unit value counts of `data` (rows: coders, columns: units; null: the coder did not code the unit),
 * over `values` (default: every value given, in first-seen order).
 */
export function valueCountsOf<T>(data: readonly (readonly (T | null)[])[], values?: readonly T[]): { values: T[]; counts: number[][] } {
  const domain = values ? [...values] : [...new Set(data.flat().filter((v): v is T => v !== null))];
  const index = new Map(domain.map((v, i) => [v, i]));
  const units = Math.max(0, ...data.map((row) => row.length));
  const counts = Array.from({ length: units }, () => domain.map(() => 0));
  for (const row of data) {
    row.forEach((v, u) => {
      if (v === null) return;
      const i = index.get(v);
      if (i === undefined) throw new RangeError(`value ${String(v)} is not in the value domain`);
      counts[u]![i]! += 1;
    });
  }
  return { values: domain, counts };
}

/**
 * The coincidence matrix o[c][k]: for every unit with m ≥ 2 values, each ordered pair of values from two
 * different coders adds 1/(m − 1). Row i of `counts` weighs `times[i]` units (default 1).
 */
export function coincidenceMatrix(counts: ValueCounts, times?: readonly number[]): number[][] {
  const k = Math.max(0, ...counts.map((row) => row.length));
  const o = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  counts.forEach((row, i) => {
    const w = times?.[i] ?? 1;
    const m = row.reduce((a, b) => a + b, 0);
    if (m < 2 || w === 0) return;
    for (let c = 0; c < row.length; c++) {
      if (row[c] === 0) continue;
      for (let d = 0; d < row.length; d++) {
        const pairs = c === d ? row[c]! * (row[c]! - 1) : row[c]! * row[d]!;
        o[c]![d]! += (w * pairs) / (m - 1);
      }
    }
  });
  return o;
}

/** Nominal alpha of a coincidence matrix. NaN when undefined: no pairable values, or all of them one value (no variation). */
export function alphaOfCoincidences(o: readonly (readonly number[])[]): number {
  const marginals = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = marginals.reduce((a, b) => a + b, 0);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < o.length; c++) {
    for (let d = 0; d < o.length; d++) {
      if (c === d) continue;
      observed += o[c]![d]!;
      expected += marginals[c]! * marginals[d]!;
    }
  }
  if (n <= 1 || expected === 0) return NaN;
  return 1 - ((n - 1) * observed) / expected;
}

/** Nominal alpha of per-unit value counts (rows weighing `times[i]` units). */
export function nominalAlphaOfCounts(counts: ValueCounts, times?: readonly number[]): number {
  return alphaOfCoincidences(coincidenceMatrix(counts, times));
}

/** Nominal alpha of reliability data (rows: coders, columns: units; null: missing). */
export function nominalAlpha<T>(data: readonly (readonly (T | null)[])[]): number {
  return nominalAlphaOfCounts(valueCountsOf(data).counts);
}
