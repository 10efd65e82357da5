/** Which codes a matrix shows as rows, each with the codes it counts (itself and every code below it). */
import { childrenOf } from '../codebook/code-tree.js';
import { allKnownCodes, codeFamily, type KnownCodes } from './code-family.js';

/** A code of the codebook as matrices show it: codebook order, parents before children. */
export interface CodebookCode {
  id: string;
  parent: string | null;
  label: string;
}

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
 * else every code of the codebook; categories only with --categories (each before its codes, C too),
 * leaf codes always. Without a codebook, the codes of the codings.
 */
export function matrixCodes(codebook: readonly CodebookCode[] | null, known: KnownCodes, choice: MatrixCodeChoice): MatrixCode[] {
  const labelOf = new Map((codebook ?? []).map((c) => [c.id, c.label]));
  const row = (code: string, depth: number): MatrixCode => {
    const family = codeFamily(code, known);
    return { code, label: labelOf.get(code) ?? '', category: family.length > 1, depth, family };
  };
  if (choice.codes) return choice.codes.map((code) => row(code, 0));
  const children = childrenOf(codebook ?? []);
  const inCodebook = codebook?.some((c) => c.id === choice.code) ?? false;
  if (codebook === null || (choice.code !== undefined && !inCodebook)) {
    // Codes only the codings know (no codebook, or a code it lacks): listed flat, by id.
    if (choice.code === undefined) return allKnownCodes(known).sort().map((code) => row(code, 0));
    const family = codeFamily(choice.code, known);
    return family.length > 1 ? family.slice(1).sort().map((code) => row(code, 0)) : [row(choice.code, 0)];
  }
  // --code C lists what is below C (C alone when nothing is; C first, as a category, with --categories);
  // without it, the top-level codes down.
  const below = choice.code === undefined ? undefined : children.get(choice.code);
  const start = choice.code === undefined ? codebook.filter((c) => c.parent === null).map((c) => c.id) : below && !choice.categories ? below : [choice.code];
  const rows: MatrixCode[] = [];
  const walk = (ids: readonly string[], depth: number): void => {
    for (const id of ids) {
      const below = children.get(id) ?? [];
      const shown = below.length === 0 || choice.categories === true;
      if (shown) rows.push(row(id, depth));
      walk(below, shown ? depth + 1 : depth);
    }
  };
  walk(start, 0);
  return rows;
}
