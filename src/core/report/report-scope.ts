/**
 * Which codes a report covers: the whole codebook, or the codes named with `--codes` with every code
 * below them. Sections follow the codebook's tree; the figures (co-occurrence, code by group) show the
 * codes without codes below them, as `matrix cooccurrence` does.
 */
import { childrenOf, descendantsIn } from '../codebook/code-tree.js';

/** A code of the codebook, as the report scope needs it. */
export interface ScopeCode {
  id: string;
  parent: string | null;
}

/** The codes a report covers. */
export interface ReportScope {
  /** The codes the sections start from, in codebook order: the top-level codes, or the codes asked for (none below another asked for). */
  roots: string[];
  /** Every code covered (the roots and every code below them), in codebook order. */
  covered: string[];
  /** The covered codes without codes below them, in codebook order: the rows of the figures. */
  leaves: string[];
  /** Each code's direct children in the codebook. */
  children: Map<string, string[]>;
}

/** The scope of a report over `codes` (codebook order), narrowed to `selection` and the codes below them when given. */
export function reportScope(codes: readonly ScopeCode[], selection: readonly string[] | null): ReportScope {
  const children = childrenOf(codes);
  const wanted = selection ? new Set(selection) : null;
  const parentOf = new Map(codes.map((c) => [c.id, c.parent]));
  const hasWantedAncestor = (id: string): boolean => {
    for (let p = parentOf.get(id) ?? null; p !== null; p = parentOf.get(p) ?? null) if (wanted!.has(p)) return true;
    return false;
  };
  const roots = codes.filter((c) => (wanted ? wanted.has(c.id) && !hasWantedAncestor(c.id) : c.parent === null || !parentOf.has(c.parent))).map((c) => c.id);
  const inScope = new Set(roots.flatMap((id) => descendantsIn(children, id)));
  const covered = codes.filter((c) => inScope.has(c.id)).map((c) => c.id);
  return { roots, covered, leaves: covered.filter((id) => !children.has(id)), children };
}
