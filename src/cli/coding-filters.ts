import { closest } from '../core/did-you-mean.js';
import type { Codebook } from '../core/codebook/types.js';
import type { SourceType } from '../core/transcript/types.js';
import { InputError } from '../errors.js';
import { attributeValuesOf, isSourceColumn, type AttributeFilter, type AttributeValues, type FilterValues } from '../store/filter-values.js';
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

/** `--where key=value`: `participant.key` or `source.key` says whose attribute; a bare key is resolved by resolveWhere. */
export interface WhereFilter {
  key: string;
  value: string;
  on?: AttributeFilter['on'];
}

/** Parses `--where key=value` (`participant.key=value`, `source.key=value`). */
export function parseWhere(text: string): WhereFilter {
  const m = /^([^=]+)=(.*)$/.exec(text);
  if (!m || !m[1]!.trim()) throw new InputError(`--where "${text}" is not key=value`, { hint: 'For example --where site=Medan, --where group=pekerja-sosial or --where source.type=observation' });
  const key = m[1]!.trim();
  const value = m[2]!.trim();
  const prefixed = /^(participant|source)\.(.+)$/.exec(key);
  return prefixed ? { key: prefixed[2]!, value, on: prefixed[1] as AttributeFilter['on'] } : { key, value };
}

/**
 * Whose attribute a `--where` names, checked against the values the project holds. A bare key that
 * participants have is theirs (as `codings list --where site=Medan` has always meant); otherwise a
 * source field (site, date, type, language) or attribute. `source.key` picks the source's when both have it.
 */
export function resolveWhere(where: WhereFilter, known: Omit<AttributeValues, 'sourceValueById'>): AttributeFilter {
  const { key, value } = where;
  const participants = known.participants();
  const isSourceKey = (k: string): boolean => isSourceColumn(k) || known.sourceKeys().has(k);
  const on = where.on ?? (participants.has(key) ? 'participant' : isSourceKey(key) ? 'source' : undefined);
  if (on === undefined) {
    const keys = [...participants.keys(), ...[...known.sourceKeys()].map((k) => (participants.has(k) ? `source.${k}` : k))];
    throw new InputError(`no participant or source attribute "${key}"`, { hint: hintFor(key, keys, 'see `telaah participants list` and `telaah sources list --json`') });
  }
  if (on === 'participant' ? !participants.has(key) : !isSourceKey(key)) {
    const what = on === 'participant' ? 'participant attribute' : 'source field or attribute';
    const keys = on === 'participant' ? [...participants.keys()] : [...known.sourceKeys()];
    throw new InputError(`no ${what} "${key}"`, { hint: hintFor(key, keys, on === 'participant' ? 'see `telaah participants list`' : 'see `telaah sources list --json`') });
  }
  const values = on === 'participant' ? participants.get(key)! : known.sourceValues(key);
  if (!values.includes(value)) {
    const other = on === 'participant' ? (isSourceKey(key) ? known.sourceValues(key) : []) : (participants.get(key) ?? []);
    const elsewhere = other.includes(value) ? ` (${on === 'participant' ? 'sources' : 'participants'} have it: write ${on === 'participant' ? 'source' : 'participant'}.${key}=${value})` : '';
    throw new InputError(`no ${on} has ${key}=${value}`, {
      hint: `${hintFor(value, values, on === 'participant' ? 'see `telaah participants list`' : 'see `telaah sources list --json`')}${elsewhere}`,
    });
  }
  return { on, key, value };
}

/**
 * Whose attribute a key (`--by site`, `--by source.site`) names: a bare key participants have is theirs,
 * else the source's (site, date, type, language, or an attribute).
 */
export function resolveAttributeKey(text: string, known: Pick<AttributeValues, 'participants' | 'sourceKeys'>): { on: AttributeFilter['on']; key: string } {
  const prefixed = /^(participant|source)\.(.+)$/.exec(text.trim());
  const key = prefixed ? prefixed[2]! : text.trim();
  const participants = known.participants();
  const isSourceKey = (k: string): boolean => isSourceColumn(k) || known.sourceKeys().has(k);
  const on = prefixed ? (prefixed[1] as AttributeFilter['on']) : participants.has(key) ? 'participant' : isSourceKey(key) ? 'source' : undefined;
  if (on !== undefined && (on === 'participant' ? participants.has(key) : isSourceKey(key))) return { on, key };
  const sourceKeys = (): string[] => [...known.sourceKeys()].map((k) => `source.${k}`);
  const keys = on === 'participant' ? [...participants.keys()] : on === 'source' ? sourceKeys() : [...participants.keys(), ...sourceKeys()];
  const what = on === 'participant' ? 'participant attribute' : on === 'source' ? 'source field or attribute' : 'participant or source attribute';
  throw new InputError(`no ${what} "${key}"`, { hint: hintFor(on === 'source' ? `source.${key}` : key, keys, 'see `telaah participants list` and `telaah sources list --json`') });
}

/** The hint for a value not among `known`: the nearest ones, else a few to choose from. */
export function hintFor(value: string, known: readonly string[], listCommand: string): string {
  const near = closest(value, known, 3);
  if (near.length) return `Did you mean ${near.join(' or ')}?`;
  if (known.length === 0) return `There are none yet (${listCommand})`;
  const shown = known.slice(0, 8).join(', ');
  return `Known: ${shown}${known.length > 8 ? `, … (${listCommand})` : ''}`;
}

/**
 * Checks the filters against what the project holds, so that a typo is an error naming the nearest
 * values (exit 2) rather than an empty listing that reads like "no evidence"; returns the filter with
 * its `--where` resolved to a participant's or a source's attribute. `valuesOf` is called only when a
 * filter names a code, source, coder or attribute.
 */
export function checkCodingFilter(filter: CodingFilter, valuesOf: () => FilterValues, codebook: Codebook | null): CodingFilter {
  // Reading what the project holds scans every coding: only a filter that names something needs it.
  if (filter.code === undefined && filter.source === undefined && filter.coder === undefined && !filter.attribute) return filter;
  const known = valuesOf();
  if (filter.code !== undefined) {
    const inUse = (id: string): boolean => id === filter.code || id.startsWith(`${filter.code}/`);
    // The codebook answers first: the codes in use are read (every coding) only for a code it lacks.
    if (!codebook?.codes.some((c) => inUse(c.id)) && !known.codes.some(inUse)) {
      const codes = [...new Set([...(codebook?.codes.map((c) => c.id) ?? []), ...known.codes])];
      throw new InputError(`unknown code "${filter.code}"`, { hint: hintFor(filter.code, codes, 'see `telaah codebook show`') });
    }
  }
  if (filter.source !== undefined && !known.sources.includes(filter.source)) {
    throw new InputError(`no source named "${filter.source}"`, { hint: hintFor(filter.source, known.sources, 'see `telaah sources list`') });
  }
  if (filter.coder !== undefined) checkCoder(filter.coder, known.coders);
  return filter.attribute ? { ...filter, attribute: resolveWhere(filter.attribute, attributeValuesOf(known)) } : filter;
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
export function codingFilterOf(opts: { code?: string; source?: string; type?: SourceType; coder?: string; origin?: string[]; where?: WhereFilter }): CodingFilter {
  return { code: opts.code, source: opts.source, sourceType: opts.type, coder: opts.coder, origins: opts.origin, attribute: opts.where };
}
