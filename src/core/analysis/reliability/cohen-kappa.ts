/**
 * Cohen's kappa for two raters on a nominal scale: (po − pe) / (1 − pe), po the share of units both
 * raters put in the same category, pe the share expected by chance from each rater's own marginals.
 */

/** The contingency table of two raters' labels (rows: the first rater, columns: the second), over `categories` (default: every label either gave, in first-seen order). */
export function crossTabulate<T>(first: readonly T[], second: readonly T[], categories?: readonly T[]): { categories: T[]; table: number[][] } {
  if (first.length !== second.length) throw new RangeError(`${first.length} labels from the first rater but ${second.length} from the second`);
  const cats = categories ? [...categories] : [...new Set([...first, ...second])];
  const index = new Map(cats.map((c, i) => [c, i]));
  const table = cats.map(() => cats.map(() => 0));
  for (let i = 0; i < first.length; i++) {
    const r = index.get(first[i]!);
    const c = index.get(second[i]!);
    // A label outside the given categories is left out, as scikit-learn's `labels=` does.
    if (r !== undefined && c !== undefined) table[r]![c]! += 1;
  }
  return { categories: cats, table };
}

/**
 * Cohen's kappa of a square contingency table. NaN when it is undefined: no units, or pe = 1, which
 * happens only when both raters put every unit in one and the same category (no variation, so agreement
 * cannot be told apart from chance).
 */
export function cohenKappa(table: readonly (readonly number[])[]): number {
  const k = table.length;
  let n = 0;
  let diagonal = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    if (table[i]!.length !== k) throw new RangeError('a contingency table must be square');
    for (let j = 0; j < k; j++) {
      const v = table[i]![j]!;
      n += v;
      rows[i]! += v;
      cols[j]! += v;
      if (i === j) diagonal += v;
    }
  }
  if (n === 0) return NaN;
  const po = diagonal / n;
  let pe = 0;
  for (let i = 0; i < k; i++) pe += (rows[i]! / n) * (cols[i]! / n);
  return pe === 1 ? NaN : (po - pe) / (1 - pe);
}
