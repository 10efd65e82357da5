/**
 * The report's quote choice as it was before evidence became a table of numbers (commit c163a58:
 * pick-quotes.ts and evidenceOfCode of report-figures.ts), kept word for word as the reference the
 * table-based choice must agree with, on objects holding each unit's text.
 */
import { collectBelow, foldEvidenceUnits } from '../../src/core/analysis/evidence-units.js';
import { SOURCE_TYPES } from '../../src/core/transcript/types.js';
import type { EvidenceRow } from './evidence-table.js';

/** A unit of evidence that may be quoted, and whether a person (not the auto-coder or suggester) coded it. */
export interface QuoteCandidate extends EvidenceRow {
  human: boolean;
}

/** How many quotes; units to leave for others; what the rest of the report quotes (updated with the units chosen). */
export interface QuoteChoice {
  k: number;
  avoid?: ReadonlySet<string>;
  ledger?: QuoteLedger;
}

/** What a report has quoted so far: units, and how often each voice was quoted. */
export class QuoteLedger {
  readonly units = new Set<string>();
  private readonly voices = new Map<string, number>();

  uses(voice: string): number {
    return this.voices.get(voice) ?? 0;
  }

  add(unit: QuoteCandidate): void {
    this.units.add(quoteKey(unit));
    this.voices.set(voiceOf(unit), this.uses(voiceOf(unit)) + 1);
  }
}

const MIN_QUOTE_LENGTH = 60;

/** The key of a unit: its source and address. */
export function quoteKey(unit: { source: string; segment: string }): string {
  return `${unit.source}\u0000${unit.segment}`;
}

function voiceOf(unit: QuoteCandidate): string {
  return unit.participant === null ? `source\u0000${unit.source}` : `participant\u0000${unit.participant}`;
}

/** The old pickQuotes. */
export function pickQuotes<T extends QuoteCandidate>(candidates: readonly T[], choice: QuoteChoice): T[] {
  const ledger = choice.ledger ?? new QuoteLedger();
  const avoid = choice.avoid ?? new Set<string>();
  const facts = new Map(
    candidates.map((c, i) => {
      const key = quoteKey(c);
      return [c, { order: i, voice: voiceOf(c), long: Array.from(c.text.trim()).length >= MIN_QUOTE_LENGTH, avoided: avoid.has(key), quoted: ledger.units.has(key) }];
    }),
  );
  const byType = SOURCE_TYPES.map((type) => candidates.filter((c) => c.sourceType === type)).filter((list) => list.length > 0);
  const picks = byType.map(() => 0);
  const chosen = new Set<T>();
  const voices = new Set<string>();
  const sources = new Set<string>();
  const tier = (c: T): number => {
    const f = facts.get(c)!;
    return (f.avoided ? 32 : 0) + (f.long ? 0 : 16) + (voices.has(f.voice) ? 8 : 0) + (c.human ? 0 : 4) + (sources.has(c.source) ? 2 : 0) + (f.quoted ? 1 : 0);
  };
  const better = (a: T, b: T): boolean => {
    const byTier = tier(a) - tier(b);
    if (byTier !== 0) return byTier < 0;
    const uses = ledger.uses(facts.get(a)!.voice) - ledger.uses(facts.get(b)!.voice);
    return uses !== 0 ? uses < 0 : facts.get(a)!.order < facts.get(b)!.order;
  };
  while (chosen.size < choice.k) {
    let pick: { type: number; unit: T; rank: number[] } | undefined;
    byType.forEach((list, type) => {
      let best: T | undefined;
      for (const c of list) if (!chosen.has(c) && (best === undefined || better(c, best))) best = c;
      if (best === undefined) return;
      const rank = [facts.get(best)!.avoided ? 1 : 0, picks[type]! === 0 ? 0 : 1, tier(best), picks[type]!];
      if (!pick || lexicallyBefore(rank, pick.rank)) pick = { type, unit: best, rank };
    });
    if (!pick) break;
    chosen.add(pick.unit);
    picks[pick.type]! += 1;
    voices.add(facts.get(pick.unit)!.voice);
    sources.add(pick.unit.source);
  }
  const typeIndex = (c: T): number => SOURCE_TYPES.indexOf(c.sourceType);
  const result = [...chosen].sort((a, b) => typeIndex(a) - typeIndex(b) || facts.get(a)!.order - facts.get(b)!.order);
  for (const c of result) ledger.add(c);
  return result;
}

function lexicallyBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** The old evidenceOfCode: a code's units with the codes below it, folded, in (source, T, S) order. */
export function evidenceOfCode(evidence: readonly QuoteCandidate[], children: ReadonlyMap<string, readonly string[]>): (id: string) => QuoteCandidate[] {
  const byCode = new Map<string, QuoteCandidate[]>();
  for (const row of evidence) {
    const list = byCode.get(row.code);
    if (list) list.push(row);
    else byCode.set(row.code, [row]);
  }
  const memo = new Map<string, QuoteCandidate[]>();
  return (id) => {
    let units = memo.get(id);
    if (units) return units;
    const rows = collectBelow(id, children, byCode).sort(compareUnits);
    const human = new Set(rows.filter((r) => r.human).map(quoteKey));
    units = foldEvidenceUnits(rows).map((r) => (r.human || !human.has(quoteKey(r)) ? r : { ...r, human: true }));
    memo.set(id, units);
    return units;
  };
}

function compareUnits(a: { source: string; segment: string }, b: { source: string; segment: string }): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  const [ta, sa = 0] = a.segment.split('.').map(Number) as [number, number?];
  const [tb, sb = 0] = b.segment.split('.').map(Number) as [number, number?];
  return ta - tb || sa - sb;
}
