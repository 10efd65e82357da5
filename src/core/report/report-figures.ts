/**
 * The parts of a report drawn from the evidence units themselves: a code's units (with the codes below
 * it, each unit once), its quotes, the code-by-group figure and the joint display by an outcome.
 */
import { collectBelow, foldEvidenceUnits } from '../analysis/evidence-units.js';
import { shortenAtSentence } from '../analysis/shorten-quote.js';
import type { PeopleRow } from '../analysis/project-overview.js';
import { pickQuotes, QuoteLedger, quoteKey, type QuoteCandidate } from './pick-quotes.js';
import type { GroupFigure, JointDisplay, ReportQuote } from './report-model.js';

/** A participant as the joint display needs them. */
export interface ReportParticipant {
  pseudonym: string;
  group: string | null;
  attributes: Record<string, string>;
}

/** A code's id and label. */
interface LabelledCode {
  id: string;
  label: string;
}

/** A joint display's quote is short: one or two sentences. */
const JOINT_QUOTE_LIMIT = 200;

/**
 * The evidence units of a code and every code below it, each once (a coded turn absorbs its coded
 * sentences, as every count does), in source and segment order; a unit counts as coded by a person when
 * a person coded it with any of those codes. Computed once per code.
 */
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

/** A unit as the report quotes it: its whole text, cut at a sentence boundary past `limit` code points. */
export function reportQuote(unit: QuoteCandidate, limit: number): ReportQuote {
  return {
    source: unit.source,
    sourceType: unit.sourceType,
    segment: unit.segment,
    participant: unit.participant,
    group: unit.group,
    startMs: unit.startMs,
    text: shortenAtSentence(unit.text, limit),
  };
}

/** Participants voicing each code per group (groups as the overview lists them; participants without a group left out). */
export function groupFigure(codes: readonly LabelledCode[], evidenceOf: (id: string) => QuoteCandidate[], groups: readonly PeopleRow[]): GroupFigure {
  const names = groups.flatMap((g) => (g.value === null ? [] : [g.value]));
  return {
    groups: names,
    codes: codes.map((code) => {
      const voices = new Map(names.map((g) => [g, new Set<string>()]));
      for (const unit of evidenceOf(code.id)) if (unit.participant !== null && unit.group !== null) voices.get(unit.group)?.add(unit.participant);
      return { code: code.id, label: code.label, participants: Object.fromEntries(names.map((g) => [g, voices.get(g)!.size])) };
    }),
  };
}

/**
 * Per code, per value of the outcome attribute (`group` or a participant attribute): the participants
 * holding it who voice the code, their evidence units, and one quote. Participants without a value are
 * in no column.
 */
export function jointDisplay(attribute: string, codes: readonly LabelledCode[], evidenceOf: (id: string) => QuoteCandidate[], participants: readonly ReportParticipant[]): JointDisplay {
  const valueOf = new Map<string, string>();
  for (const p of participants) {
    const value = attribute === 'group' ? p.group : p.attributes[attribute];
    if (value !== undefined && value !== null && String(value) !== '') valueOf.set(p.pseudonym, String(value));
  }
  const counts = new Map<string, number>();
  for (const value of valueOf.values()) counts.set(value, (counts.get(value) ?? 0) + 1);
  const values = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([value, n]) => ({ value, participants: n }));
  // Each cell quotes another unit where it can, of the voice quoted least so far.
  const ledger = new QuoteLedger();
  return {
    attribute,
    values,
    rows: codes.map((code) => {
      const units = evidenceOf(code.id);
      const cells = values.map(({ value }) => {
        const own = units.filter((u) => u.participant !== null && valueOf.get(u.participant) === value);
        const quote = pickQuotes(own, { k: 1, ledger })[0];
        return [value, { participants: new Set(own.map((u) => u.participant)).size, segments: own.length, quote: quote ? reportQuote(quote, JOINT_QUOTE_LIMIT) : null }] as const;
      });
      return { code: code.id, label: code.label, cells: Object.fromEntries(cells) };
    }),
  };
}

/** Source names by code unit (the same order on every machine), then `T` / `T.S` in reading order. */
function compareUnits(a: { source: string; segment: string }, b: { source: string; segment: string }): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  const [ta, sa = 0] = a.segment.split('.').map(Number) as [number, number?];
  const [tb, sb = 0] = b.segment.split('.').map(Number) as [number, number?];
  return ta - tb || sa - sb;
}
