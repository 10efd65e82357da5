/** Which codes a matrix shows as rows, each with the codes it counts (itself and every code below it). */
import { buildCodeTree, type CodeNode } from '../codebook/code-tree.js';
import type { Codebook } from '../codebook/types.js';
import { allKnownCodes, codeFamily, type KnownCodes } from './code-family.js';

/** One row (and, in co-occurrence, column) of a matrix. */
export interface MatrixCode {
  code: string;
  label: string;
  /** A code with codes below it: a unit counts once for it, whichever of them it carries. */
  category: boolean;
  /** How deep it sits under the codes shown (for indenting). */
  depth: number;
  /** The code and every code below it: the codes whose units the row counts. */
  family: string[];
}

/** What the person chose: --codes a,b, --code C (the codes below C), --categories. */
export interface MatrixCodeChoice {
  codes?: readonly string[];
  code?: string;
  categories?: boolean;
}

/**
 * The rows: the codes named with --codes, else the codes below --code C (C itself when it has none),
 * else every code of the codebook; categories only with --categories (each before its codes), leaf
 * codes always. Without a codebook, the codes of the codings.
 */
export function matrixCodes(codebook: Codebook | null, known: KnownCodes, choice: MatrixCodeChoice): MatrixCode[] {
  const language = codebook?.languages[0] ?? 'id';
  const labelOf = new Map((codebook?.codes ?? []).map((c) => [c.id, c.label[language] ?? Object.values(c.label)[0] ?? '']));
  const row = (code: string, depth: number): MatrixCode => {
    const family = codeFamily(code, known);
    return { code, label: labelOf.get(code) ?? '', category: family.length > 1, depth, family };
  };
  if (choice.codes) return choice.codes.map((code) => row(code, 0));
  const start = codebook === null ? undefined : choice.code === undefined ? buildCodeTree(codebook) : findNode(buildCodeTree(codebook), choice.code);
  if (start === undefined) {
    // Codes only the codings know (no codebook, or a code it lacks): listed flat, by id.
    if (choice.code === undefined) return allKnownCodes(known).sort().map((code) => row(code, 0));
    const family = codeFamily(choice.code, known);
    return family.length > 1 ? family.slice(1).sort().map((code) => row(code, 0)) : [row(choice.code, 0)];
  }
  const rows: MatrixCode[] = [];
  const walk = (nodes: readonly CodeNode[], depth: number): void => {
    for (const node of nodes) {
      const leaf = node.children.length === 0;
      if (leaf || choice.categories) rows.push(row(node.code.id, depth));
      walk(node.children, leaf || choice.categories ? depth + 1 : depth);
    }
  };
  walk(start, 0);
  return rows;
}

/** The nodes to list for --code C: C's children, or C itself when it has none. */
function findNode(nodes: readonly CodeNode[], id: string): CodeNode[] | undefined {
  for (const node of nodes) {
    if (node.code.id === id) return node.children.length ? node.children : [node];
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}
