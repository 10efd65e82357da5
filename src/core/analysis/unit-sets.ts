/**
 * Sets of coding units as sorted arrays of their segment ids: query operators and matrices combine them
 * by merging, in time linear in their sizes, without a Set object per unit.
 */

/** Segment ids of units, ascending, each once. */
export type UnitSet = Float64Array;

/** The empty set. */
export const EMPTY_SET: UnitSet = new Float64Array(0);

/** A set from ids in any order, with duplicates. */
export function unitSetOf(ids: Iterable<number>): UnitSet {
  const sorted = Float64Array.from(ids).sort();
  let kept = 0;
  for (let i = 0; i < sorted.length; i += 1) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[kept++] = sorted[i]!;
  return sorted.slice(0, kept);
}

/** Units in a or b. */
export function unionSets(a: UnitSet, b: UnitSet): UnitSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    out[n++] = Math.min(x, y);
    if (x <= y) i += 1;
    if (y <= x) j += 1;
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out.slice(0, n);
}

/** Units in any of the sets. */
export function unionAll(sets: readonly UnitSet[]): UnitSet {
  if (sets.length === 1) return sets[0]!;
  // Many sets: one sort of them all beats merging pairs.
  if (sets.length > 16) {
    const all = new Float64Array(sets.reduce((n, s) => n + s.length, 0));
    let at = 0;
    for (const set of sets) {
      all.set(set, at);
      at += set.length;
    }
    return unitSetOf(all);
  }
  // Few sets: pairwise, smallest first, keeps the merging close to n log k.
  const queue = [...sets].sort((x, y) => x.length - y.length);
  while (queue.length > 1) {
    const merged = unionSets(queue.shift()!, queue.shift()!);
    let at = queue.findIndex((s) => s.length > merged.length);
    if (at === -1) at = queue.length;
    queue.splice(at, 0, merged);
  }
  return queue[0] ?? EMPTY_SET;
}

/** Units in both a and b. */
export function intersectSets(a: UnitSet, b: UnitSet): UnitSet {
  const out = new Float64Array(Math.min(a.length, b.length));
  return out.slice(0, walkShared(a, b, out));
}

/** Units in a but not in b. */
export function subtractSets(a: UnitSet, b: UnitSet): UnitSet {
  const out = new Float64Array(a.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length) {
    const x = a[i]!;
    while (j < b.length && b[j]! < x) j += 1;
    if (j >= b.length || b[j] !== x) out[n++] = x;
    i += 1;
  }
  return out.slice(0, n);
}

/** How many units a and b share (intersectSets without building it). */
export function countShared(a: UnitSet, b: UnitSet): number {
  return walkShared(a, b, null);
}

/** Walks a and b in step and counts the ids they share, writing them to `out` when given. */
function walkShared(a: UnitSet, b: UnitSet, out: UnitSet | null): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      if (out) out[n] = x;
      n += 1;
    }
    if (x <= y) i += 1;
    if (y <= x) j += 1;
  }
  return n;
}

/** The index of the first element >= value (the length when none is). */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the set holds the unit. */
export function hasUnit(set: UnitSet, id: number): boolean {
  const at = lowerBound(set, id);
  return at < set.length && set[at] === id;
}
