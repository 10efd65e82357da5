import { closest } from '../core/did-you-mean.js';
import type { Codebook } from '../core/codebook/types.js';
import type { SourceType } from '../core/transcript/types.js';
import { InputError } from '../errors.js';
import type { FilterValues } from '../store/filter-values.js';
import type { CodingFilter } from '../store/list-codings.js';

/** The origins a coding can have. */
export const CODING_ORIGINS = ['auto', 'manual', 'suggested', 'accepted', 'imported'] as const;

/** Parses `--origin a,b`: each must be one of `allowed`. */
export function parseOrigins(text: string, allowed: readonly string[]): string[] {
  const origins = text
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const bad = origins.find((o) => !allowed.includes(o));
  if (bad !== undefined || origins.length === 0) {
    const near = bad === undefined ? [] : closest(bad, allowed, 1);
    throw new InputError(`unknown origin "${bad ?? text}"`, { hint: `${near.length ? `Did you mean ${near[0]}? ` : ''}Use ${allowed.join(', ')} (comma-separated)` });
  }
  return origins;
}

/** Parses `--where key=value`. */
export function parseWhere(text: string): { key: string; value: string } {
  const m = /^([^=]+)=(.*)$/.exec(text);
  if (!m || !m[1]!.trim()) throw new InputError(`--where "${text}" is not key=value`, { hint: 'For example --where site=Medan or --where group=pekerja-sosial' });
  return { key: m[1]!.trim(), value: m[2]!.trim() };
}

/** The hint for a value not among `known`: the nearest ones, else a few to choose from. */
function hintFor(value: string, known: readonly string[], listCommand: string): string {
  const near = closest(value, known, 3);
  if (near.length) return `Did you mean ${near.join(' or ')}?`;
  if (known.length === 0) return `There are none yet (${listCommand})`;
  const shown = known.slice(0, 8).join(', ');
  return `Known: ${shown}${known.length > 8 ? `, … (${listCommand})` : ''}`;
}

/**
 * Checks the filters against what the project holds, so that a typo is an error naming the nearest
 * values (exit 2) rather than an empty listing that reads like "no evidence".
 */
export function checkCodingFilter(filter: CodingFilter, known: FilterValues, codebook: Codebook | null): void {
  if (filter.code !== undefined) {
    const codes = [...new Set([...(codebook?.codes.map((c) => c.id) ?? []), ...known.codes])];
    const inUse = (id: string): boolean => id === filter.code || id.startsWith(`${filter.code}/`);
    if (!codes.some(inUse)) throw new InputError(`unknown code "${filter.code}"`, { hint: hintFor(filter.code, codes, 'see `telaah codebook show`') });
  }
  if (filter.source !== undefined && !known.sources.includes(filter.source)) {
    throw new InputError(`no source named "${filter.source}"`, { hint: hintFor(filter.source, known.sources, 'see `telaah sources list`') });
  }
  if (filter.coder !== undefined) checkCoder(filter.coder, known.coders);
  if (filter.attribute) {
    const { key, value } = filter.attribute;
    const values = known.attributes.get(key);
    if (!values) throw new InputError(`no participant attribute "${key}"`, { hint: hintFor(key, [...known.attributes.keys()], 'see `telaah participants list`') });
    if (!values.includes(value)) throw new InputError(`no participant has ${key}=${value}`, { hint: hintFor(value, values, 'see `telaah participants list`') });
  }
}

/**
 * A coder with nothing coded may be real (everything removed, or not started), so only a name close to a
 * known coder's is taken for a typo.
 */
export function checkCoder(coder: string, coders: readonly string[]): void {
  if (coders.includes(coder)) return;
  const near = closest(coder, coders, 2);
  if (near.length) throw new InputError(`no coder named "${coder}" has coded or reviewed anything`, { hint: `Did you mean ${near.join(' or ')}?` });
}

/** The filter `codings list` options ask for (commander has parsed and checked their shape). */
export function codingFilterOf(opts: { code?: string; source?: string; type?: SourceType; coder?: string; origin?: string[]; where?: { key: string; value: string } }): CodingFilter {
  return { code: opts.code, source: opts.source, sourceType: opts.type, coder: opts.coder, origins: opts.origin, attribute: opts.where };
}
