/**
 * Fleiss' kappa (1971): agreement of a fixed number of raters per subject on a nominal scale, from how
 * many raters put each subject in each category (raters need not be the same people across subjects).
 */

/**
 * Fleiss' kappa of `counts` (rows: subjects, columns: categories), each row weighing `times[i]` subjects
 * (default 1). Every subject must have the same number of ratings, at least 2. NaN when undefined: no
 * subjects, or every rating in one category (chance agreement 1).
 */
export function fleissKappa(counts: readonly (readonly number[])[], times?: readonly number[]): number {
  let subjects = 0;
  let raters = -1;
  let sumP = 0;
  const totals: number[] = [];
  counts.forEach((row, i) => {
    const w = times?.[i] ?? 1;
    if (w === 0) return;
    const m = row.reduce((a, b) => a + b, 0);
    if (raters === -1) raters = m;
    else if (m !== raters) throw new RangeError(`Fleiss' kappa needs the same number of ratings per subject (${raters} and ${m})`);
    if (m < 2) throw new RangeError("Fleiss' kappa needs at least 2 ratings per subject");
    let agreeingPairs = 0;
    row.forEach((n, j) => {
      agreeingPairs += n * (n - 1);
      totals[j] = (totals[j] ?? 0) + w * n;
    });
    sumP += (w * agreeingPairs) / (m * (m - 1));
    subjects += w;
  });
  if (subjects === 0) return NaN;
  const pBar = sumP / subjects;
  let pe = 0;
  for (const t of totals) pe += (t / (subjects * raters)) ** 2;
  return pe === 1 ? NaN : (pBar - pe) / (1 - pe);
}
