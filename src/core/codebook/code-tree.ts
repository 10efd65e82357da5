/** The codebook's codes as a tree, and lookups over it. */
import { closest } from '../did-you-mean.js';
import type { CodeDef, Codebook } from './types.js';

/** One code with the codes directly under it. */
export interface CodeNode {
  code: CodeDef;
  children: CodeNode[];
}

/** The top-level codes with their descendants nested, each level in codebook order. */
export function buildCodeTree(codebook: Codebook): CodeNode[] {
  const nodes = new Map<string, CodeNode>();
  for (const code of codebook.codes) nodes.set(code.id, { code, children: [] });
  const roots: CodeNode[] = [];
  for (const code of codebook.codes) {
    const node = nodes.get(code.id)!;
    const parent = code.parent === null ? undefined : nodes.get(code.parent);
    // A parent missing from the codebook cannot happen after validation; keep such a code visible at the top.
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Each code's direct children, by parent id. */
export function childrenOf(codes: readonly { id: string; parent: string | null }[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const code of codes) {
    if (code.parent === null) continue;
    const list = children.get(code.parent);
    if (list) list.push(code.id);
    else children.set(code.parent, [code.id]);
  }
  return children;
}

/** The id and every id below it, parents before children; empty when the id is not in the codebook. */
export function descendantsOf(codebook: Codebook, id: string): string[] {
  if (!codebook.codes.some((code) => code.id === id)) return [];
  return descendantsIn(childrenOf(codebook.codes), id);
}

/** The id and every id below it in a children map (see childrenOf), parents before children. */
export function descendantsIn(children: ReadonlyMap<string, readonly string[]>, id: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (current: string): void => {
    // The guard keeps a hand-built code list with a cycle from looping; parsed codebooks have none.
    if (seen.has(current)) return;
    seen.add(current);
    found.push(current);
    for (const child of children.get(current) ?? []) visit(child);
  };
  visit(id);
  return found;
}

/** Up to `n` code ids close to a mistyped one (`educator` → `role/educator`), closest first. */
export function nearestCodeIds(codebook: Codebook, wanted: string, n = 3): string[] {
  return closest(
    wanted,
    codebook.codes.map((code) => code.id),
    n,
  );
}
