/**
 * `telaah codebook test`: run every code's examples and counterexamples through the auto-coder and
 * report the misses. A parent counts as fired when it or any descendant fires (its examples describe
 * the category), and codes that nothing can auto-code (no patterns in them or below) are skipped:
 * their examples are for human coders.
 */
import type { Codebook, CodeDef } from '../codebook/types.js';
import type { AutoCoder } from './auto-coder.js';

/** An example that did not fire its code, or a counterexample that did. */
export interface CodebookTestMiss {
  code: string;
  kind: 'example' | 'counterexample';
  text: string;
  /** Every code that fired on the text, in codebook order. */
  fired: string[];
}

function hasPatterns(code: CodeDef): boolean {
  const p = code.patterns;
  const anyTerms = Object.values(p.any).some((terms) => (terms?.length ?? 0) > 0);
  return anyTerms || p.all.length > 0 || p.near.length > 0 || p.regex.length > 0;
}

/** The ancestors of each code id (nearest first), from the `parent` links. */
function ancestorsOf(codebook: Codebook): Map<string, string[]> {
  const parents = new Map(codebook.codes.map((c) => [c.id, c.parent]));
  const ancestors = new Map<string, string[]>();
  for (const code of codebook.codes) {
    const chain: string[] = [];
    const seen = new Set([code.id]);
    for (let p = code.parent; p !== null && p !== undefined && !seen.has(p); p = parents.get(p) ?? null) {
      chain.push(p);
      seen.add(p);
    }
    ancestors.set(code.id, chain);
  }
  return ancestors;
}

/** Every example that did not fire its code and every counterexample that did, in codebook order. */
export function runCodebookTests(codebook: Codebook, coder: AutoCoder): CodebookTestMiss[] {
  const ancestors = ancestorsOf(codebook);
  const codable = new Set<string>();
  for (const code of codebook.codes) {
    if (!hasPatterns(code)) continue;
    codable.add(code.id);
    for (const a of ancestors.get(code.id) ?? []) codable.add(a);
  }
  const misses: CodebookTestMiss[] = [];
  const check = (code: CodeDef, kind: CodebookTestMiss['kind'], text: string): void => {
    const fired = coder.code(text).map((m) => m.code);
    const reached = fired.some((f) => f === code.id || (ancestors.get(f) ?? []).includes(code.id));
    if (reached !== (kind === 'example')) misses.push({ code: code.id, kind, text, fired });
  };
  for (const code of codebook.codes) {
    if (!codable.has(code.id)) continue;
    for (const text of code.examples) check(code, 'example', text);
    for (const text of code.counterexamples) check(code, 'counterexample', text);
  }
  return misses;
}
