/**
 * The counting rule every command shares: one segment counts once per code. Several coders (or an auto
 * coding and a reviewer's accepted copy of it) on one segment are one piece of evidence, and a turn that
 * carries a code absorbs its own sentences that carry it too, so coding a turn and then one of its
 * sentences does not count the same words twice.
 */

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
 * The rows that are distinct pieces of evidence, in their given order: the first row of each segment,
 * leaving out sentences whose whole turn is among the rows.
 */
export function foldEvidenceUnits<T extends EvidencePlace>(rows: readonly T[]): T[] {
  const turns = new Set<string>();
  for (const row of rows) if (!row.segment.includes('.')) turns.add(`${row.source}\u0000${row.segment}`);
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const row of rows) {
    const key = `${row.source}\u0000${row.segment}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (row.segment.includes('.') && turns.has(`${row.source}\u0000${turnOf(row.segment)}`)) continue;
    kept.push(row);
  }
  return kept;
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
  const visited = new Set<string>();
  const visit = (current: string): void => {
    // The guard keeps a hand-built code list with a cycle from looping; parsed codebooks have none.
    if (visited.has(current)) return;
    visited.add(current);
    rows.push(...(byCode.get(current) ?? []));
    for (const child of children.get(current) ?? []) visit(child);
  };
  visit(id);
  return rows;
}
