/**
 * Exemplar quotes for a report: a few units of a code's evidence chosen to span the kinds of source and
 * the people who spoke, so a theme is not illustrated by one talkative interviewee. Deterministic: the
 * same evidence gives the same quotes.
 */
import { SOURCE_TYPES } from '../transcript/types.js';
import type { EvidenceInput } from '../analysis/triangulation-types.js';

/** A unit of evidence that may be quoted, and whether a person (not the auto-coder or suggester) coded it. */
export interface QuoteCandidate extends EvidenceInput {
  human: boolean;
}

/** How many quotes; units to leave for others (a category's codes' quotes); what the rest of the report quotes (updated with the units chosen). */
export interface QuoteChoice {
  k: number;
  avoid?: ReadonlySet<string>;
  ledger?: QuoteLedger;
}

/**
 * What a report has quoted so far: units, and how often each voice was quoted, so that among otherwise
 * equal units the report quotes new ones, of the voices it quoted least, and its quotes spread over the
 * participants.
 */
export class QuoteLedger {
  readonly units = new Set<string>();
  private readonly voices = new Map<string, number>();

  /** How often a voice has been quoted. */
  uses(voice: string): number {
    return this.voices.get(voice) ?? 0;
  }

  /** Records a quoted unit. */
  add(unit: QuoteCandidate): void {
    this.units.add(quoteKey(unit));
    this.voices.set(voiceOf(unit), this.uses(voiceOf(unit)) + 1);
  }
}

/** A unit shorter than this (in code points) says little ("Iya, BPJS."): quoted only when nothing longer is left. */
export const MIN_QUOTE_LENGTH = 60;

/** The key of a unit: its source and address. */
export function quoteKey(unit: { source: string; segment: string }): string {
  return `${unit.source}\u0000${unit.segment}`;
}

/** Who speaks a unit: its participant; a note or document (no participant) is its source's voice. */
function voiceOf(unit: QuoteCandidate): string {
  return unit.participant === null ? `source\u0000${unit.source}` : `participant\u0000${unit.participant}`;
}

/**
 * Up to `k` units of `candidates` (given in source and segment order, each unit once). Units to `avoid`
 * come only when nothing else is left. Each source type (interview, fgd, observation, document) with
 * units gets one before any gets a second; after that the best unit of any type, the types taking turns
 * when their best are alike. A unit is better when it is long enough to say something
 * (MIN_QUOTE_LENGTH), then when its voice is new among these quotes, when a person coded it, when its
 * source is new among these quotes, when the report has not quoted it yet, when the report quoted its
 * voice least, and when it comes first. The chosen units are returned by source type, then in source and
 * segment order, and recorded in the ledger.
 */
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
  // Lower is better; each preference outweighs all those after it.
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
      // A unit not to avoid, then a type not quoted yet, then the better unit, then the type quoted least, then type order.
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

/** Whether a comes before b, comparing element by element. */
function lexicallyBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
