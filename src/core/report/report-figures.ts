/**
 * The parts of a report drawn from the evidence units themselves: a code's units (with the codes below
 * it, each unit once), its quotes, the code-by-group figure and the joint display by an outcome.
 */
import { placeAddress, placeGroup, placeParticipant, placeText, placeType, type CodePlaces, type EvidenceTable } from '../analysis/evidence-table.js';
import { shortenAtSentence } from '../analysis/shorten-quote.js';
import type { PeopleRow } from '../analysis/project-overview.js';
import { pickQuotes, QuoteLedger } from './pick-quotes.js';
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

/** A unit as the report quotes it: its whole text, cut at a sentence boundary past `limit` code points. */
export function reportQuote(table: EvidenceTable, place: number, limit: number): ReportQuote {
  return {
    source: table.sources[table.source[place]!]!.name,
    sourceType: placeType(table, place),
    segment: placeAddress(table, place),
    participant: placeParticipant(table, place),
    group: placeGroup(table, place),
    startMs: table.reader.startMs(table.segment[place]!),
    text: shortenAtSentence(placeText(table, place), limit),
  };
}

/** Participants voicing each code per group (groups as the overview lists them; participants without a group left out). */
export function groupFigure(table: EvidenceTable, codes: readonly LabelledCode[], evidenceOf: (id: string) => CodePlaces, groups: readonly PeopleRow[]): GroupFigure {
  const names = groups.flatMap((g) => (g.value === null ? [] : [g.value]));
  const column = new Map(names.map((name, i) => [name, i]));
  // Each participant's column in the figure, -1 for none.
  const columnOf = Int32Array.from(table.participants, (p) => (p.group === null ? -1 : (column.get(p.group) ?? -1)));
  return {
    groups: names,
    codes: codes.map((code) => {
      const voices = names.map(() => new Set<number>());
      for (const place of evidenceOf(code.id).places) {
        const p = table.participant[place]!;
        if (p >= 0 && columnOf[p]! >= 0) voices[columnOf[p]!]!.add(p);
      }
      return { code: code.id, label: code.label, participants: Object.fromEntries(names.map((g, i) => [g, voices[i]!.size])) };
    }),
  };
}

/**
 * Per code, per value of the outcome attribute (`group` or a participant attribute): the participants
 * holding it who voice the code, their evidence units, and one quote. Participants without a value are
 * in no column.
 */
export function jointDisplay(table: EvidenceTable, attribute: string, codes: readonly LabelledCode[], evidenceOf: (id: string) => CodePlaces, participants: readonly ReportParticipant[]): JointDisplay {
  const valueOf = new Map<string, string>();
  for (const p of participants) {
    const value = attribute === 'group' ? p.group : p.attributes[attribute];
    if (value !== undefined && value !== null && String(value) !== '') valueOf.set(p.pseudonym, String(value));
  }
  const counts = new Map<string, number>();
  for (const value of valueOf.values()) counts.set(value, (counts.get(value) ?? 0) + 1);
  const values = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([value, n]) => ({ value, participants: n }));
  const valueIndex = new Map(values.map(({ value }, i) => [value, i]));
  // Each table participant's column, -1 for none.
  const columnOf = Int32Array.from(table.participants, (p) => {
    const value = valueOf.get(p.pseudonym);
    return value === undefined ? -1 : valueIndex.get(value)!;
  });
  // Each cell quotes another unit where it can, of the voice quoted least so far.
  const ledger = new QuoteLedger();
  return {
    attribute,
    values,
    rows: codes.map((code) => {
      const units = evidenceOf(code.id);
      const cells = values.map(({ value }, column) => {
        const own = unitsIn(table, units, columnOf, column);
        const voices = new Set<number>();
        for (const place of own.places) voices.add(table.participant[place]!);
        const quote = pickQuotes(table, own, { k: 1, ledger })[0];
        return [value, { participants: voices.size, segments: own.places.length, quote: quote === undefined ? null : reportQuote(table, quote, JOINT_QUOTE_LIMIT) }] as const;
      });
      return { code: code.id, label: code.label, cells: Object.fromEntries(cells) };
    }),
  };
}

/** The units voiced by participants in one column of the joint display. */
function unitsIn(table: EvidenceTable, units: CodePlaces, columnOf: Int32Array, column: number): CodePlaces {
  const keep: number[] = [];
  for (let j = 0; j < units.places.length; j++) {
    const p = table.participant[units.places[j]!]!;
    if (p >= 0 && columnOf[p] === column) keep.push(j);
  }
  return { places: Int32Array.from(keep, (j) => units.places[j]!), human: Uint8Array.from(keep, (j) => units.human[j]!) };
}
