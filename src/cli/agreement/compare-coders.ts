/**
 * `telaah agree`'s work between parsing and rendering: check the coders, codes and sources asked for,
 * choose the sources to compare, and tally every unit of them one source at a time.
 */
import { chooseSources, codeFilter, coderMask, listedCodes } from '../../core/analysis/agreement-scope.js';
import { AgreementTally, countCoders, type UnitDisagreement } from '../../core/analysis/agreement-tally.js';
import { describeDisagreement, summarizeAgreement, type AgreementSummary, type Disagreement } from '../../core/analysis/agreement.js';
import type { Codebook } from '../../core/codebook/types.js';
import type { CodingUnit } from '../../core/config.js';
import { closest } from '../../core/did-you-mean.js';
import { InputError, UsageError } from '../../errors.js';
import type { AgreementSources } from '../../report/agreement.js';
import { AgreementUnits, coderHasWork, listSourceCoders, MACHINE_CODERS, type SourceCoders } from '../../store/agreement-units.js';
import { listFilterValues } from '../../store/filter-values.js';
import type { Db } from '../../store/open.js';
import type { SegmentRange } from '../../store/unit-codes.js';
import { checkCoder } from '../coding-filters.js';
import { requireSource } from '../find-source.js';

/** What to compare. */
export interface AgreementRequest {
  coders: string[];
  unit: CodingUnit;
  allSources: boolean;
  excludeUncoded: boolean;
  disagreements: boolean;
  codes?: string[];
  sources?: string[];
}

/** The comparison: figures, the sources behind them, and the disagreements when asked for. */
export interface AgreementRun {
  summary: AgreementSummary;
  sources: AgreementSources;
  disagreements: Disagreement[];
}

/** Two or more distinct coders, each of whom coded something (a typo gets the nearest names). */
function checkCoders(db: Db, coders: readonly string[], sourceCoders: readonly SourceCoders[], restricted: boolean): void {
  if (coders.length < 2) throw new UsageError('--coders needs at least two coders', 'For example --coders ana,budi or --coders ana,auto');
  if (coders.length > 20) throw new UsageError('--coders takes at most 20 coders', 'Compare fewer coders at a time');
  const twice = coders.find((c, i) => coders.indexOf(c) !== i);
  if (twice !== undefined) throw new UsageError(`--coders names ${twice} twice`, 'Name each coder once');
  for (const coder of coders) {
    if (sourceCoders.some((s) => s.coders.includes(coder))) continue;
    if (!coderHasWork(db, coder)) {
      const known = listFilterValues(db).coders;
      checkCoder(coder, known);
      throw new InputError(`no coder named "${coder}" has coded anything`, { hint: known.length ? `Coders: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}` : 'Code with `telaah code add … --coder NAME` or `telaah code auto`' });
    }
    if (restricted) throw new InputError(`${coder} has coded none of the sources named with --source`, { hint: `See \`telaah codings list --coder ${coder}\`` });
  }
}

/** Each code of --codes is in the codebook or among the codes coders used (the nearest ones when not). */
function checkCodes(db: Db, codebook: Codebook | null, codes: readonly string[]): void {
  const inBook = new Set(codebook?.codes.map((c) => c.id) ?? []);
  const missing = codes.filter((c) => !inBook.has(c));
  if (missing.length === 0) return;
  const known = [...new Set([...inBook, ...listFilterValues(db).codes])];
  for (const code of missing) {
    if (known.some((k) => k === code || k.startsWith(`${code}/`))) continue;
    const near = closest(code, known, 3);
    throw new InputError(`unknown code "${code}"`, { hint: near.length ? `Did you mean ${near.join(', ')}?` : 'List the codes with `telaah codebook show`' });
  }
}

/** Compares the coders' judgements on the units of the chosen sources. */
export function compareCoders(db: Db, codebook: Codebook | null, request: AgreementRequest, options: { onePass?: boolean } = {}): AgreementRun {
  const { coders, unit } = request;
  const names = request.sources ? [...new Set(request.sources)] : undefined;
  for (const name of names ?? []) requireSource(db, name);
  if (request.codes) checkCodes(db, codebook, request.codes);
  const sourceCoders = coders.length >= 2 ? listSourceCoders(db, coders, names) : [];
  checkCoders(db, coders, sourceCoders, names !== undefined);
  const { compared, leftOut } = chooseSources(sourceCoders, coders, request.allSources);
  if (compared.length === 0) {
    const counts = coders.map((c) => `${c} ${sourceCoders.filter((s) => s.coders.includes(c)).length}`).join(', ');
    throw new InputError(`no source was coded by all of ${coders.join(', ')} (sources coded: ${counts})`, { hint: 'Add --all-sources to compare the sources any of them coded' });
  }
  const includes = codeFilter(request.codes);
  const tally = new AgreementTally(coders, includes);
  const units = new AgreementUnits(db, unit, coders);
  const found: UnitDisagreement[] = [];
  const onDisagreement = request.disagreements ? (d: UnitDisagreement) => found.push(d) : undefined;
  const presence = new Map(compared.map((s) => [s.id, coderMask(coders, s.coders)]));
  // Units one coder alone judged are unpairable: they are counted, but their codes change no statistic,
  // so their rows are not read (with --all-sources that is usually most of auto's codings).
  const paired = compared.filter((s) => countCoders(presence.get(s.id)!) >= 2);
  // A statement per source costs about what reading one source's rows does: when most sources are
  // involved, one pass over their whole range (skipping the others' rows) is cheaper.
  const many = (list: readonly SourceCoders[]): boolean => options.onePass ?? list.length * 2 > sourceCoders.length;
  const rangeOf = (list: readonly SourceCoders[]): SegmentRange =>
    list.reduce((r, s) => ({ first: Math.min(r.first, s.first), last: Math.max(r.last, s.last) }), { first: Infinity, last: -Infinity });
  const counts = many(compared) ? units.unitCounts(rangeOf(compared)) : new Map(compared.map((s) => [s.id, units.unitCount(s)]));
  for (const s of compared) tally.addUnits(presence.get(s.id)!, counts.get(s.id) ?? 0);
  if (paired.length > 0 && many(paired)) {
    const pairedPresence = new Map(paired.map((s) => [s.id, presence.get(s.id)!]));
    tally.addRows(units.unitCodes(rangeOf(paired)), (id) => (id === undefined ? undefined : pairedPresence.get(id)), onDisagreement);
  } else {
    for (const s of paired) tally.addRows(units.unitCodes(s), () => presence.get(s.id), onDisagreement);
  }
  // Described once the rows are read: the connection is busy while a statement iterates.
  const disagreements = found.map((d) => describeDisagreement(coders, d, units.describe(d.unitId)));
  const machines = coders.filter((c) => MACHINE_CODERS.includes(c));
  const machine = coders.length === 2 && machines.length === 1 ? coders.indexOf(machines[0]!) : undefined;
  const summary = summarizeAgreement(tally, { codes: listedCodes(codebook?.codes ?? [], includes), excludeUncoded: request.excludeUncoded, machine });
  return {
    summary,
    sources: { compared: compared.map((s) => s.name), leftOut: leftOut.map((s) => ({ name: s.name, coders: s.coders })) },
    disagreements,
  };
}
