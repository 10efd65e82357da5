/**
 * Code frequencies for `telaah stats`: per code of the codebook (a category with every code below it),
 * how many segments, sources and participants its evidence stands on, overall and per coder or origin.
 * Counting is tallyEvidence's, the shared rule: a segment counts once per code and a coded turn
 * absorbs its own coded sentences, so the segment numbers are codebook show's and triangulate's.
 */
import { childrenOf } from '../codebook/code-tree.js';
import { compareOrigins, type CodingColumns } from './coding-columns.js';
import { tallyEvidence, type EvidenceTally } from './evidence-tally.js';
import type { CountedCode } from './evidence-units.js';

/** Coded segments, and the distinct sources and participants they come from. */
export interface FrequencyCell {
  segments: number;
  sources: number;
  participants: number;
}

/** One code's row: a category rolls up the codes below it. */
export interface CodeFrequency extends FrequencyCell {
  code: string;
  label: string;
  category: boolean;
  /** 0 for a top-level code, 1 for a code under it, … */
  depth: number;
  /** Per coder or origin (the keys of CodeFrequencies.groups), when split. */
  by: Record<string, FrequencyCell>;
}

/** The code table: rows in codebook order, with the column groups of a split. */
export interface CodeFrequencies {
  by: CodeSplit | null;
  /** Coders or origins with counted codings, in order (empty without a split). */
  groups: string[];
  codes: CodeFrequency[];
}

/** What a code table can be split by. */
export type CodeSplit = 'coder' | 'origin';

/** A codebook code, as the table needs it. */
export interface FrequencyCode extends CountedCode {
  label: string;
}

/** Counts every code of `codes` from the codings that count (columns.counts), split by coder or origin when asked. */
export function countCodeFrequencies(codes: readonly FrequencyCode[], columns: CodingColumns, by: CodeSplit | null = null): CodeFrequencies {
  const groupOf = by === 'coder' ? columns.coder : by === 'origin' ? columns.origin : null;
  const groupNames = by === 'coder' ? columns.coders : columns.origins;
  const groups = groupOf ? groupsWithCodings(columns, groupOf, groupNames, by!) : [];
  const cell = (tally: EvidenceTally | undefined): FrequencyCell => ({ segments: tally?.segments ?? 0, sources: tally?.sources ?? 0, participants: tally?.participants ?? 0 });
  const all = tallyEvidence(codes, columns, columns.counts);
  const split = groups.map((g) => {
    const keep = new Uint8Array(columns.length);
    for (let i = 0; i < columns.length; i++) keep[i] = columns.counts[i]! & (groupOf![i] === g ? 1 : 0);
    return { name: groupNames[g]!, tallies: tallyEvidence(codes, columns, keep) };
  });
  const children = childrenOf(codes);
  const depths = depthsOf(codes);
  return {
    by,
    groups: split.map((s) => s.name),
    codes: codes.map((code) => ({
      code: code.id,
      label: code.label,
      category: (children.get(code.id)?.length ?? 0) > 0,
      depth: depths.get(code.id) ?? 0,
      ...cell(all.get(code.id)?.total),
      by: Object.fromEntries(split.map((s) => [s.name, cell(s.tallies.get(code.id)?.total)])),
    })),
  };
}

/** Indexes of the coders (by name) or origins (in ORIGIN_ORDER) that have codings that count. */
function groupsWithCodings(columns: CodingColumns, groupOf: Int32Array, names: readonly string[], by: CodeSplit): number[] {
  const present = new Set<number>();
  for (let i = 0; i < columns.length; i++) if (columns.counts[i] === 1) present.add(groupOf[i]!);
  const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...present].sort((a, b) => (by === 'origin' ? compareOrigins : byName)(names[a]!, names[b]!));
}

/** How deep each code sits below the top of the tree. */
function depthsOf(codes: readonly CountedCode[]): Map<string, number> {
  const parents = new Map(codes.map((c) => [c.id, c.parent]));
  const depths = new Map<string, number>();
  for (const code of codes) {
    let depth = 0;
    const seen = new Set<string>();
    for (let parent = code.parent; parent !== null && parents.has(parent) && !seen.has(parent); parent = parents.get(parent) ?? null) {
      seen.add(parent);
      depth++;
    }
    depths.set(code.id, depth);
  }
  return depths;
}
