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

/** How many quotes, and what the rest of the report quotes already (updated with the units chosen). */
export interface QuoteChoice {
  k: number;
  ledger?: QuoteLedger;
}

/**
 * What a report has quoted so far: units (quoted once where others are left) and how often each voice
 * was quoted (the least quoted voice goes first), so quotes spread over the participants report-wide.
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
 * Up to `k` units of `candidates` (given in source and segment order, each unit once), in passes that
 * ask less and less: a unit long enough to say something (MIN_QUOTE_LENGTH) that the report has not
 * quoted yet, of a voice not yet quoted here from a source not yet quoted here; then of a new voice
 * only; then any such unit; then short ones the same way; then anything. Within a pass, one unit per
 * source type (interview, fgd, observation, document) round by round, each time the first a person
 * coded, then of the voice the report has quoted least, then the earliest. The chosen units are
 * returned by source type, then in source and segment order, and recorded in the ledger.
 */
export function pickQuotes<T extends QuoteCandidate>(candidates: readonly T[], choice: QuoteChoice): T[] {
  const ledger = choice.ledger ?? new QuoteLedger();
  const facts = new Map(candidates.map((c, i) => [c, { order: i, voice: voiceOf(c), long: Array.from(c.text.trim()).length >= MIN_QUOTE_LENGTH, fresh: !ledger.units.has(quoteKey(c)) }]));
  const byType = SOURCE_TYPES.map((type) => candidates.filter((c) => c.sourceType === type)).filter((list) => list.length > 0);
  const chosen = new Set<T>();
  const voices = new Set<string>();
  const sources = new Set<string>();
  const newVoice = (c: T): boolean => !voices.has(facts.get(c)!.voice);
  const passes: ((c: T) => boolean)[] = [
    (c) => facts.get(c)!.long && facts.get(c)!.fresh && newVoice(c) && !sources.has(c.source),
    (c) => facts.get(c)!.long && facts.get(c)!.fresh && newVoice(c),
    (c) => facts.get(c)!.long && facts.get(c)!.fresh,
    (c) => facts.get(c)!.fresh && newVoice(c),
    (c) => facts.get(c)!.fresh,
    () => true,
  ];
  const better = (a: T, b: T): boolean => {
    if (a.human !== b.human) return a.human;
    const uses = ledger.uses(facts.get(a)!.voice) - ledger.uses(facts.get(b)!.voice);
    return uses !== 0 ? uses < 0 : facts.get(a)!.order < facts.get(b)!.order;
  };
  for (const pass of passes) {
    for (let progress = true; progress && chosen.size < choice.k; ) {
      progress = false;
      for (const list of byType) {
        if (chosen.size >= choice.k) break;
        let found: T | undefined;
        for (const c of list) if (!chosen.has(c) && pass(c) && (found === undefined || better(c, found))) found = c;
        if (!found) continue;
        chosen.add(found);
        voices.add(facts.get(found)!.voice);
        sources.add(found.source);
        progress = true;
      }
    }
  }
  const typeIndex = (c: T): number => SOURCE_TYPES.indexOf(c.sourceType);
  const result = [...chosen].sort((a, b) => typeIndex(a) - typeIndex(b) || facts.get(a)!.order - facts.get(b)!.order);
  for (const c of result) ledger.add(c);
  return result;
}
