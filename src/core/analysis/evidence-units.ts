/**
 * The counting rule every command shares: one segment counts once per code. Several coders (or an auto
 * coding and a reviewer's accepted copy of it) on one segment are one piece of evidence, and a turn that
 * carries a code absorbs its own sentences that carry it too, so coding a turn and then one of its
 * sentences does not count the same words twice.
 */

import { descendantsIn } from '../codebook/code-tree.js';
import { tallyEvidence } from './evidence-tally.js';

/** Where a piece of evidence sits: a source and a `T` or `T.S` address. */
export interface EvidencePlace {
  source: string;
  segment: string;
}

/** The turn part of a `T` or `T.S` address. */
function turnOf(segment: string): string {
  const dot = segment.indexOf('.');
  return dot === -1 ? segment : segment.slice(0, dot);
}

/**
 * How a row names its place, for foldEvidenceBy: a key for its segment and, for a sentence, the key of
 * its turn (null for a turn or a unit that is not a sentence). Keys must be equal for the same segment.
 */
export interface PlaceKeys<T, K> {
  segment(row: T): K;
  turn(row: T): K | null;
}

/** The part of a Set that foldEvidenceBy uses. */
export interface KeySet<K> {
  has(key: K): boolean;
  add(key: K): void;
}

/**
 * The rows that are distinct pieces of evidence, in their given order: the first row of each segment,
 * leaving out sentences whose whole turn is among the rows. The rule once, for any kind of key (source
 * and address below, segment ids where millions of rows are counted). `sets` are two empty sets to work
 * in; a caller folding millions of integer keys may pass faster ones than Set.
 */
export function foldEvidenceBy<T, K>(rows: readonly T[], keys: PlaceKeys<T, K>, sets: { turns: KeySet<K>; seen: KeySet<K> } = { turns: new Set(), seen: new Set() }): T[] {
  const { turns, seen } = sets;
  for (const row of rows) if (keys.turn(row) === null) turns.add(keys.segment(row));
  const kept: T[] = [];
  for (const row of rows) {
    const key = keys.segment(row);
    if (seen.has(key)) continue;
    seen.add(key);
    const turn = keys.turn(row);
    if (turn !== null && turns.has(turn)) continue;
    kept.push(row);
  }
  return kept;
}

/** Places by source and `T` / `T.S` address. */
const ADDRESS_KEYS: PlaceKeys<EvidencePlace, string> = {
  segment: (row) => `${row.source}\u0000${row.segment}`,
  turn: (row) => (row.segment.includes('.') ? `${row.source}\u0000${turnOf(row.segment)}` : null),
};

/**
 * The rows that are distinct pieces of evidence, in their given order: the first row of each segment,
 * leaving out sentences whose whole turn is among the rows.
 */
export function foldEvidenceUnits<T extends EvidencePlace>(rows: readonly T[]): T[] {
  return foldEvidenceBy<T, string>(rows, ADDRESS_KEYS);
}

/** How many distinct pieces of evidence the rows make (see foldEvidenceUnits). */
export function countEvidenceUnits(rows: readonly EvidencePlace[]): number {
  return foldEvidenceUnits(rows).length;
}

/** A code with its parent, as far as counting needs it. */
export interface CountedCode {
  id: string;
  parent: string | null;
}

/** Evidence per code: `own` for the code alone, `total` with every code below it (each segment once). */
export interface CodeCount {
  own: number;
  total: number;
}

/**
 * Counts per code from evidence rows tagged with their code (see evidence-tally.ts, which this puts the
 * rows into). A category's total folds the evidence of all its descendants together, so a segment coded
 * with two of its codes counts once for it.
 */
export function countEvidenceByCode(codes: readonly CountedCode[], rows: readonly (EvidencePlace & { code: string })[]): Map<string, CodeCount> {
  const ids = new Map<string, number>();
  const idOf = (key: string): number => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const codeIds = [...new Set(rows.map((r) => r.code))];
  const codeIndex = new Map(codeIds.map((id, i) => [id, i]));
  const columns = {
    codes: codeIds,
    length: rows.length,
    segment: rows.map((r) => idOf(`${r.source}\u0000${r.segment}`)),
    turn: rows.map((r) => idOf(`${r.source}\u0000${turnOf(r.segment)}`)),
    source: rows.map((r) => idOf(r.source)),
    participant: rows.map(() => -1),
    code: rows.map((r) => codeIndex.get(r.code)!),
  };
  const counts = new Map<string, CodeCount>();
  for (const [id, tally] of tallyEvidence(codes, columns)) counts.set(id, { own: tally.own.segments, total: tally.total.segments });
  return counts;
}

/** The rows of a code and of every code below it. */
export function collectBelow<T>(id: string, children: ReadonlyMap<string, readonly string[]>, byCode: ReadonlyMap<string, readonly T[]>): T[] {
  const rows: T[] = [];
  // A loop, not push(...rows): spreading more than about 120,000 arguments overflows the stack.
  for (const code of descendantsIn(children, id)) for (const row of byCode.get(code) ?? []) rows.push(row);
  return rows;
}

/**
 * countEvidenceUnits over rows that come one at a time, grouped by source (as `codings list` gives
 * them): only the current source's places are held, so a listing of millions of codings is counted in
 * the memory of its largest source.
 */
export class EvidenceUnitCount {
  private source: string | undefined;
  private rows: EvidencePlace[] = [];
  private done = 0;

  /** Takes one row; a row of another source closes the count of the one before. */
  add(row: EvidencePlace): void {
    if (row.source !== this.source) this.close();
    this.source = row.source;
    this.rows.push({ source: row.source, segment: row.segment });
  }

  /** The count so far, as countEvidenceUnits gives it for all the rows taken. */
  get count(): number {
    return this.done + countEvidenceUnits(this.rows);
  }

  private close(): void {
    this.done += countEvidenceUnits(this.rows);
    this.rows = [];
  }
}
