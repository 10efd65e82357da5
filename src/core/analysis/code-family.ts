/**
 * A code with every code below it, as queries and matrices read it: the codebook's tree (a child may
 * have a short id under `parent:`), and codes found only in codings (a dropped or imported code) by
 * their path (`barrier/old` is below `barrier`).
 */
import { childrenOf, descendantsIn } from '../codebook/code-tree.js';

/** The codes a project knows: its current codebook's and those its codings use. */
export interface KnownCodes {
  codebook: readonly { id: string; parent: string | null }[];
  coded: readonly string[];
}

/** Every code id the project knows, codebook order first. */
export function allKnownCodes(known: KnownCodes): string[] {
  return [...new Set([...known.codebook.map((c) => c.id), ...known.coded])];
}

/** The code and every code below it, the code first. */
export function codeFamily(id: string, known: KnownCodes): string[] {
  const children = childrenOf(known.codebook);
  const family = new Set(descendantsIn(children, id));
  const prefix = `${id}/`;
  for (const code of allKnownCodes(known)) if (code.startsWith(prefix)) for (const member of descendantsIn(children, code)) family.add(member);
  return [...family];
}

/** Whether the id, or a code below it, is known. */
export function isKnownCode(id: string, known: KnownCodes): boolean {
  const prefix = `${id}/`;
  return allKnownCodes(known).some((code) => code === id || code.startsWith(prefix));
}
