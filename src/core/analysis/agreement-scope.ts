/**
 * What `telaah agree` compares: which sources (by default only those every named coder coded, since an
 * interview one coder never opened would count as all "no" for them and inflate or deflate kappa) and
 * which codes.
 */
import { childrenOf } from '../codebook/code-tree.js';
import type { CoderMask } from './agreement-tally.js';

/** A source with the named coders who coded it. */
export interface CoderCoverage {
  name: string;
  coders: readonly string[];
}

/**
 * The sources to compare and those left out. By default a source is compared when every named coder
 * coded it; with `allSources` when any did (a coder who did not is then missing on its units, not "no").
 * Left out: sources some but not all coders coded; sources nobody coded are neither.
 */
export function chooseSources<T extends CoderCoverage>(sources: readonly T[], coders: readonly string[], allSources: boolean): { compared: T[]; leftOut: T[] } {
  const compared: T[] = [];
  const leftOut: T[] = [];
  for (const s of sources) {
    const named = coders.filter((c) => s.coders.includes(c)).length;
    if (named === 0) continue;
    if (named === coders.length || allSources) compared.push(s);
    else leftOut.push(s);
  }
  return { compared, leftOut };
}

/** The coders of a source as a mask over the named coders (bit i: coders[i]). */
export function coderMask(coders: readonly string[], present: readonly string[]): CoderMask {
  return coders.reduce((mask, c, i) => (present.includes(c) ? mask | (1 << i) : mask), 0);
}

/** Whether a code is compared: every code, or the requested ones with the codes below them (`role` means role/…). */
export function codeFilter(requested?: readonly string[]): (code: string) => boolean {
  if (!requested?.length) return () => true;
  return (code) => requested.some((r) => code === r || code.startsWith(`${r}/`));
}

/**
 * The codebook's codes to list, in codebook order: every compared code without codes below it (a
 * category is listed too when someone coded the category itself, as the tally finds).
 */
export function listedCodes(codes: readonly { id: string; parent: string | null }[], includes: (code: string) => boolean): string[] {
  const children = childrenOf(codes);
  return codes.filter((c) => !children.has(c.id) && includes(c.id)).map((c) => c.id);
}
