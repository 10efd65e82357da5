/** Which hand-coded codes a new codebook version leaves out, and what each was likely renamed to. */
import type { CodeDef, Codebook } from './types.js';

/** A code the new version lacks although people coded with it. */
export interface DroppedCode {
  code: string;
  /** Codings of this code made or accepted by a person (origin manual, accepted or imported). */
  humanCodings: number;
  /** A new code that looks like this one renamed, when exactly one does. */
  likely?: string;
}

/**
 * Every code with human codings that `next` does not have, in the order of `previous` (then by id).
 * A likely rename is a code new in `next` with the same label or definition, else with the same
 * last id segment (`role/educator` → `roles/educator`), when exactly one new code fits.
 */
export function findDroppedCodes(previous: Codebook | undefined, next: Codebook, humanCodings: ReadonlyMap<string, number>): DroppedCode[] {
  const kept = new Set(next.codes.map((c) => c.id));
  const before = new Map((previous?.codes ?? []).map((c, i) => [c.id, { code: c, order: i }]));
  const fresh = next.codes.filter((c) => !before.has(c.id));
  const dropped = [...humanCodings]
    .filter(([code, n]) => n > 0 && !kept.has(code))
    .sort(([a], [b]) => (before.get(a)?.order ?? Infinity) - (before.get(b)?.order ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
  return dropped.map(([code, n]) => {
    const likely = likelyRename(code, before.get(code)?.code, fresh);
    return likely ? { code, humanCodings: n, likely } : { code, humanCodings: n };
  });
}

function likelyRename(id: string, old: CodeDef | undefined, fresh: readonly CodeDef[]): string | undefined {
  const only = (found: CodeDef[]): string | undefined => (found.length === 1 ? found[0]!.id : undefined);
  if (old) {
    const labels = new Set(Object.values(old.label).map(normalise).filter(Boolean));
    const definition = normalise(old.definition);
    const byText = fresh.filter((c) => normalise(c.definition) === definition || Object.values(c.label).some((l) => labels.has(normalise(l))));
    if (byText.length) return only(byText);
  }
  return only(fresh.filter((c) => leaf(c.id) === leaf(id)));
}

function normalise(text: string | undefined): string {
  return (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

function leaf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}
