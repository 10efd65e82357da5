/**
 * Code frequencies for `telaah stats`: per code of the codebook (a category with every code below it),
 * how many segments, sources and participants its evidence stands on, overall and per coder or origin.
 * Counting follows the shared rule (foldEvidenceBy): a segment counts once per code and a coded turn
 * absorbs its own coded sentences, so the segment numbers are codebook show's and triangulate's.
 */
import { childrenOf } from '../codebook/code-tree.js';
import { compareOrigins, type CodingColumns } from './coding-columns.js';
import { collectBelow, foldEvidenceBy, type CountedCode, type KeySet, type PlaceKeys } from './evidence-units.js';

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
  const perCode: number[][] = columns.codes.map(() => []);
  for (let i = 0; i < columns.count; i++) if (columns.counts[i] === 1) perCode[columns.code[i]!]!.push(i);
  const byCode = new Map(columns.codes.map((name, k) => [name, perCode[k]!]));
  const keys: PlaceKeys<number, number> = { segment: (i) => columns.segment[i]!, turn: (i) => (columns.turn[i] === 0 ? null : columns.turn[i]!) };
  const sets = { turns: new IdSet(maxOf(columns.segment, columns.count)), seen: new IdSet(maxOf(columns.segment, columns.count)) };
  const sources = new IdSet(maxOf(columns.source, columns.count));
  const participants = new IdSet(maxOf(columns.participant, columns.count));
  const cell = (rows: readonly number[]): FrequencyCell => {
    sets.turns.clear();
    sets.seen.clear();
    const kept = foldEvidenceBy(rows, keys, sets);
    sources.clear();
    participants.clear();
    for (const i of kept) {
      sources.add(columns.source[i]!);
      if (columns.participant[i] !== 0) participants.add(columns.participant[i]!);
    }
    return { segments: kept.length, sources: sources.size, participants: participants.size };
  };
  const groupOf = by === 'coder' ? columns.coder : by === 'origin' ? columns.origin : null;
  const groupNames = by === 'coder' ? columns.coders : columns.origins;
  const groups = groupOf ? groupsWithCodings(columns, groupOf, groupNames, by!) : [];
  const children = childrenOf(codes);
  const depths = depthsOf(codes);
  return {
    by,
    groups: groups.map((g) => groupNames[g]!),
    codes: codes.map((code) => {
      const rows = collectBelow(code.id, children, byCode);
      const split: Record<string, FrequencyCell> = {};
      if (groupOf) {
        const parts = new Map<number, number[]>(groups.map((g) => [g, []]));
        for (const i of rows) parts.get(groupOf[i]!)?.push(i);
        for (const g of groups) split[groupNames[g]!] = cell(parts.get(g)!);
      }
      return { code: code.id, label: code.label, category: (children.get(code.id)?.length ?? 0) > 0, depth: depths.get(code.id) ?? 0, ...cell(rows), by: split };
    }),
  };
}

/** Indexes of the coders (by name) or origins (in ORIGIN_ORDER) that have codings that count. */
function groupsWithCodings(columns: CodingColumns, groupOf: Int32Array, names: readonly string[], by: CodeSplit): number[] {
  const present = new Set<number>();
  for (let i = 0; i < columns.count; i++) if (columns.counts[i] === 1) present.add(groupOf[i]!);
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

/** The largest of the first `count` values (0 for none). */
function maxOf(values: Int32Array, count: number): number {
  let max = 0;
  for (let i = 0; i < count; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

/**
 * A set of non-negative integer ids up to a known maximum, cleared in constant time: each id's slot holds
 * the generation it was added in. A million segment ids fold several times faster than with Set.
 */
class IdSet implements KeySet<number> {
  private readonly marks: Uint32Array;
  private generation = 1;
  size = 0;

  constructor(max: number) {
    this.marks = new Uint32Array(max + 1);
  }

  has(id: number): boolean {
    return this.marks[id] === this.generation;
  }

  add(id: number): void {
    if (this.marks[id] === this.generation) return;
    this.marks[id] = this.generation;
    this.size++;
  }

  clear(): void {
    this.generation++;
    this.size = 0;
  }
}
