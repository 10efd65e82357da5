/**
 * Exemplar quotes for a report: a few units of a code's evidence chosen to span the kinds of source and
 * the people who spoke, so a theme is not illustrated by one talkative interviewee. Deterministic: the
 * same evidence gives the same quotes. Units are places of an evidence table: choosing reads the text of
 * only the few units that come to the top, to tell whether they are long enough.
 */
import { LENGTH_LONG, LENGTH_SHORT, LENGTH_UNKNOWN, MIN_QUOTE_LENGTH, placeText, type CodePlaces, type EvidenceTable } from '../analysis/evidence-table.js';

export { MIN_QUOTE_LENGTH };

/** How many quotes; places to leave for others (a category's codes' quotes); what the rest of the report quotes (updated with the places chosen). */
export interface QuoteChoice {
  k: number;
  avoid?: ReadonlySet<number>;
  ledger?: QuoteLedger;
}

/**
 * What a report has quoted so far: places, and how often each voice was quoted, so that among otherwise
 * equal units the report quotes new ones, of the voices it quoted least, and its quotes spread over the
 * participants.
 */
export class QuoteLedger {
  readonly units = new Set<number>();
  private readonly voices = new Map<number, number>();

  /** How often a voice (see voiceOf) has been quoted. */
  uses(voice: number): number {
    return this.voices.get(voice) ?? 0;
  }

  /** Records a quoted place. */
  add(table: EvidenceTable, place: number): void {
    this.units.add(place);
    const voice = voiceOf(table, place);
    this.voices.set(voice, this.uses(voice) + 1);
  }
}

/** Who speaks a place: its participant; a note or document (no participant) is its source's voice. */
function voiceOf(table: EvidenceTable, place: number): number {
  const participant = table.participant[place]!;
  return participant >= 0 ? participant : table.participants.length + table.source[place]!;
}

/** Whether the place's trimmed text has MIN_QUOTE_LENGTH code points, read once and remembered in the table. */
function isLong(table: EvidenceTable, place: number): boolean {
  if (table.long[place] === LENGTH_UNKNOWN) table.long[place] = Array.from(placeText(table, place).trim()).length >= MIN_QUOTE_LENGTH ? LENGTH_LONG : LENGTH_SHORT;
  return table.long[place] === LENGTH_LONG;
}

/**
 * Up to `k` places of `candidates` (in reading order, each once). Places to `avoid` come only when
 * nothing else is left. Each source type (interview, fgd, observation, document) with units gets one
 * before any gets a second; after that the best unit of any type, the types taking turns when their best
 * are alike. A unit is better when it is long enough to say something (MIN_QUOTE_LENGTH), then when its
 * voice is new among these quotes, when a person coded it, when its source is new among these quotes,
 * when the report has not quoted it yet, when the report quoted its voice least, and when it comes first.
 * The chosen places are returned by source type, then in reading order, and recorded in the ledger.
 */
export function pickQuotes(table: EvidenceTable, candidates: CodePlaces, choice: QuoteChoice): number[] {
  const ledger = choice.ledger ?? new QuoteLedger();
  const avoid = choice.avoid ?? new Set<number>();
  const { places, human } = candidates;
  const n = places.length;
  // What does not change while choosing: a tier without the voice and source bits (a length not known
  // yet counts as long until the unit comes to the top), the voice, how often the report quoted it.
  const fixed = new Uint8Array(n);
  const voice = new Int32Array(n);
  const uses = new Int32Array(n);
  const byType: number[][] = [[], [], [], []];
  for (let i = 0; i < n; i++) {
    const place = places[i]!;
    voice[i] = voiceOf(table, place);
    uses[i] = ledger.uses(voice[i]!);
    fixed[i] = (avoid.has(place) ? 32 : 0) + (table.long[place] === LENGTH_SHORT ? 16 : 0) + (human[i] === 1 ? 0 : 4) + (ledger.units.has(place) ? 1 : 0);
    byType[table.type[place]!]!.push(i);
  }
  const lists = byType.filter((list) => list.length > 0);
  const picks = lists.map(() => 0);
  const chosen = new Uint8Array(n);
  const chosenList: number[] = [];
  const voices = new Set<number>();
  const sources = new Set<number>();
  // Lower is better; each preference outweighs all those after it.
  const tier = (i: number): number => fixed[i]! + (voices.has(voice[i]!) ? 8 : 0) + (sources.has(table.source[places[i]!]!) ? 2 : 0);
  const bestOf = (list: readonly number[]): number => {
    for (;;) {
      let best = -1;
      let bestTier = 0;
      for (const i of list) {
        if (chosen[i] === 1) continue;
        const t = tier(i);
        if (best === -1 || t < bestTier || (t === bestTier && uses[i]! < uses[best]!)) {
          best = i;
          bestTier = t;
        }
      }
      // The best, unless its text turns out too short once read: then it drops a tier and the list is looked at again.
      if (best === -1 || table.long[places[best]!] !== LENGTH_UNKNOWN || isLong(table, places[best]!)) return best;
      fixed[best]! += 16;
    }
  };
  while (chosenList.length < choice.k) {
    let pick: { type: number; unit: number; rank: number[] } | undefined;
    lists.forEach((list, type) => {
      const best = bestOf(list);
      if (best === -1) return;
      // A unit not to avoid, then a type not quoted yet, then the better unit, then the type quoted least, then type order.
      const rank = [fixed[best]! >= 32 ? 1 : 0, picks[type]! === 0 ? 0 : 1, tier(best), picks[type]!];
      if (!pick || lexicallyBefore(rank, pick.rank)) pick = { type, unit: best, rank };
    });
    if (!pick) break;
    const { type, unit } = pick;
    chosen[unit] = 1;
    chosenList.push(unit);
    picks[type]! += 1;
    voices.add(voice[unit]!);
    sources.add(table.source[places[unit]!]!);
  }
  const result = chosenList.sort((a, b) => table.type[places[a]!]! - table.type[places[b]!]! || a - b).map((i) => places[i]!);
  for (const place of result) ledger.add(table, place);
  return result;
}

/** Whether a comes before b, comparing element by element. */
function lexicallyBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
