/** "Did you mean …?" suggestions for mistyped keys and code ids. */

/** Edit distance with adjacent transpositions counted as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  // Three rolling rows instead of a full matrix: keys and ids are short, but this runs per candidate.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/**
 * Rank of one candidate for `wanted` (lower is closer), or undefined when it is not worth suggesting.
 * A whole last segment beats a prefix, which beats a substring, which beats a near spelling, so
 * `educator` finds `role/educator` before `role/educators-network` and `edcuator` still finds it.
 */
function rankCandidate(wanted: string, candidate: string): number | undefined {
  const c = candidate.toLowerCase();
  if (c === wanted) return 0;
  const last = c.slice(c.lastIndexOf('/') + 1);
  if (last === wanted) return 1;
  // A tiny fraction of the length difference orders equal-kind matches by closeness.
  const spread = Math.abs(c.length - wanted.length) / 1000;
  if (wanted.length >= 2 && (c.startsWith(wanted) || last.startsWith(wanted))) return 2 + spread;
  if (wanted.length >= 3 && c.includes(wanted)) return 3 + spread;
  // About one edit in four characters: enough for typos, few enough that unrelated words stay out.
  const full = editDistance(wanted, c);
  const segment = editDistance(wanted, last);
  const fullOk = full <= Math.max(1, Math.floor(Math.max(wanted.length, c.length) / 4));
  const segmentOk = segment <= Math.max(1, Math.floor(Math.max(wanted.length, last.length) / 4));
  if (fullOk || segmentOk) return 4 + Math.min(fullOk ? full : Infinity, segmentOk ? segment : Infinity) + spread;
  return undefined;
}

/** Up to `n` candidates close to `wanted` (same last segment, prefix, substring or a near spelling), closest first. */
export function closest(wanted: string, candidates: readonly string[], n = 3): string[] {
  const w = wanted.trim().toLowerCase();
  if (!w || n <= 0) return [];
  const ranked: { candidate: string; rank: number; order: number }[] = [];
  const seen = new Set<string>();
  candidates.forEach((candidate, order) => {
    if (seen.has(candidate)) return;
    seen.add(candidate);
    const rank = rankCandidate(w, candidate);
    if (rank !== undefined) ranked.push({ candidate, rank, order });
  });
  ranked.sort((x, y) => x.rank - y.rank || x.order - y.order);
  return ranked.slice(0, n).map((r) => r.candidate);
}

/** `; did you mean "a" or "b"?` for a message, or '' when nothing is close. */
export function didYouMean(wanted: string, candidates: readonly string[], n = 2): string {
  const found = closest(wanted, candidates, n).map((c) => `"${c}"`);
  if (!found.length) return '';
  const list = found.length === 1 ? found[0] : `${found.slice(0, -1).join(', ')} or ${found[found.length - 1]}`;
  return `; did you mean ${list}?`;
}
