/**
 * The triangulation audit over evidence that comes one source at a time: per code and table only counts
 * and the first quotes are kept, so auditing a project of any size holds one source's codings, not a
 * table of them all. The rows are those auditTriangulation gives over the whole evidence table
 * (triangulation-stream.test.ts holds the two to each other): the same fold (evidence-units.ts), the
 * same row (codeRow), quotes in the same order.
 */
import { childrenOf, descendantsIn } from '../codebook/code-tree.js';
import { SOURCE_TYPES } from '../transcript/types.js';
import type { EvidenceParticipant, EvidenceReader, EvidenceSource } from './evidence-table.js';
import { shortenQuote } from './shorten-quote.js';
import { codeRow, type UnitSummary } from './triangulate.js';
import { auditOf, compareSplitValues, NO_VALUE, type AuditRequest, type AuditTable, type TriangulationAudit } from './triangulation-audit.js';
import type { AuditCode, EvidenceQuote, TriangulationSettings } from './triangulation-types.js';

/**
 * The codings of one source that count as evidence (the store's evidence rules applied), as columns:
 * one entry per coding, its segment's ids, address and span.
 */
export interface SourceEvidence {
  sourceId: number;
  length: number;
  segment: Int32Array;
  /** A sentence's turn's segment id (sentence > 0); anything for a turn. */
  parent: Int32Array;
  /** The participant's store id, -1 for none. */
  participant: Int32Array;
  /** Index into `codes`. */
  code: Int32Array;
  turn: Int32Array;
  sentence: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Every code name met so far (indexes stay valid from one source to the next). */
  codes: readonly string[];
}

/** A unit that may be quoted: where it sits, ordered by (source rank, segment id). */
interface QuoteCandidate {
  rank: number;
  segment: number;
  turn: number;
  sentence: number;
  start: number;
  end: number;
  participant: number;
}

/** One code's units in one table, summed up as they come. */
class UnitTally {
  readonly types = [0, 0, 0, 0];
  voiced = 0;
  readonly perParticipant = new Map<number, number>();
  readonly sites: number[] = [];
  readonly quotes: QuoteCandidate[][] = [[], [], [], []];
}

const NO_UNITS = new UnitTally();

/** The audit fed source by source (add), then finished with the quotes' texts read (finish). */
export class TriangulationStream {
  private readonly sources: EvidenceSource[];
  private readonly rankOf: Map<number, number>;
  private readonly participantOf: Map<number, number>;
  private readonly children: Map<string, string[]>;
  private readonly codeIndex: Map<string, number>;
  /** Per code name (SourceEvidence.codes index), the audited codes (indexes into `codes`) whose units it is part of. */
  private readonly auditedOf: (Int32Array | undefined)[] = [];
  private readonly values = new Map<string, number>();
  private readonly siteIndex = new Map<string, number>();
  /** Per audited code, per table value, its tally. */
  private readonly tallies: Map<number, UnitTally>[];
  private readonly perType: number;
  private readonly focus: number;
  private readonly done = new Set<number>();

  constructor(
    private readonly codes: readonly AuditCode[],
    sources: readonly EvidenceSource[],
    private readonly participants: readonly EvidenceParticipant[],
    private readonly settings: Omit<TriangulationSettings, 'quotesPerType'>,
    private readonly request: AuditRequest,
  ) {
    // Sources ranked by name, as the evidence table orders its places.
    this.sources = [...sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.rankOf = new Map(this.sources.map((s, i) => [s.id, i]));
    this.participantOf = new Map(participants.map((p, i) => [p.id, i]));
    this.children = childrenOf(codes);
    this.codeIndex = new Map(codes.map((c, i) => [c.id, i]));
    this.tallies = codes.map(() => new Map());
    this.focus = request.focus === undefined ? -1 : (this.codeIndex.get(request.focus) ?? -2);
    // Only the rows shown are quoted: a focused code's every unit, else two per source type.
    this.perType = request.focus ? Number.POSITIVE_INFINITY : 2;
    if (!request.by) this.values.set('all', 0);
  }

  /** Takes one source's evidence; each source once (its turns and sentences together). */
  add(evidence: SourceEvidence): void {
    const rank = this.rankOf.get(evidence.sourceId);
    if (rank === undefined || this.done.has(rank)) throw new Error(`evidence of source ${evidence.sourceId} came twice or unknown`);
    this.done.add(rank);
    const source = this.sources[rank]!;
    const n = evidence.length;
    const participant = new Int32Array(n);
    const value = new Int32Array(n);
    const site = new Int32Array(n);
    const rowsOf = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const p = evidence.participant[i]! < 0 ? -1 : (this.participantOf.get(evidence.participant[i]!) ?? -1);
      participant[i] = p;
      const siteName = source.site ?? (p < 0 ? null : this.participants[p]!.site);
      site[i] = siteName === null ? -1 : this.indexOf(this.siteIndex, siteName);
      value[i] = this.valueOf(siteName, p);
      for (const audited of this.audited(evidence, evidence.code[i]!)) {
        let rows = rowsOf.get(audited);
        if (!rows) rowsOf.set(audited, (rows = []));
        rows.push(i);
      }
    }
    const type = SOURCE_TYPES.indexOf(source.type);
    const bit = 1 << type;
    const turns = new Map<number, number>();
    const seen = new Set<number>();
    for (const [audited, rows] of rowsOf) {
      // The fold of evidence-units.ts within each table: a segment once, a sentence not when its turn is a unit there.
      turns.clear();
      seen.clear();
      for (const i of rows) if (evidence.sentence[i] === 0) turns.set(evidence.segment[i]!, value[i]!);
      for (const i of rows) {
        const segment = evidence.segment[i]!;
        if (seen.has(segment)) continue;
        seen.add(segment);
        if (evidence.sentence[i] !== 0 && turns.get(evidence.parent[i]!) === value[i]) continue;
        const tally = this.tallyOf(audited, value[i]!);
        tally.types[type]! += 1;
        const p = participant[i]!;
        if (p >= 0) {
          tally.voiced++;
          tally.perParticipant.set(p, (tally.perParticipant.get(p) ?? 0) + 1);
        }
        if (site[i]! >= 0) tally.sites[site[i]!] = (tally.sites[site[i]!] ?? 0) | bit;
        if (this.focus === -1 || this.focus === audited) {
          const candidate = { rank, segment, turn: evidence.turn[i]!, sentence: evidence.sentence[i]!, start: evidence.start[i]!, end: evidence.end[i]!, participant: p };
          offer(tally.quotes[type]!, candidate, this.perType);
        }
      }
    }
  }

  /** The audit, its quotes' texts and media times read through `reader`. */
  finish(reader: EvidenceReader): TriangulationAudit {
    const values = [...this.values].sort(([a], [b]) => compareSplitValues(a, b));
    const tables: AuditTable[] = values.map(([name, v]) => {
      const summaries = new Map(this.codes.map((code, i) => [code.id, this.summarize(this.tallies[i]!.get(v) ?? NO_UNITS)]));
      const rows = this.codes.map((code, i) => ({ i, row: codeRow(code, (this.children.get(code.id)?.length ?? 0) > 0, summaries.get(code.id)!, (id) => summaries.get(id), this.settings) }));
      const shown = this.request.focus ? rows.filter(({ row }) => row.code === this.request.focus) : rows;
      return { value: name, codes: shown.map(({ i, row }) => ({ ...row, evidence: this.quotesOf(this.tallies[i]!.get(v) ?? NO_UNITS, reader) })) };
    });
    return auditOf(tables, this.request);
  }

  /** The audited codes a coded code counts for: itself and every code above it in the codebook. */
  private audited(evidence: SourceEvidence, code: number): Int32Array {
    let audited = this.auditedOf[code];
    if (!audited) {
      const name = evidence.codes[code]!;
      const above: number[] = [];
      this.codes.forEach((c, i) => {
        if (descendantsIn(this.children, c.id).includes(name)) above.push(i);
      });
      this.auditedOf[code] = audited = Int32Array.from(above);
    }
    return audited;
  }

  /** The table a unit goes to: its site's or its participant's group (NO_VALUE without), or the one table. */
  private valueOf(site: string | null, participant: number): number {
    const { by } = this.request;
    if (!by) return 0;
    const name = (by === 'site' ? site : participant < 0 ? null : this.participants[participant]!.group) ?? NO_VALUE;
    return this.indexOf(this.values, name);
  }

  private indexOf(map: Map<string, number>, name: string): number {
    let index = map.get(name);
    if (index === undefined) map.set(name, (index = map.size));
    return index;
  }

  private tallyOf(audited: number, value: number): UnitTally {
    const byValue = this.tallies[audited]!;
    let tally = byValue.get(value);
    if (!tally) byValue.set(value, (tally = new UnitTally()));
    return tally;
  }

  private summarize(tally: UnitTally): UnitSummary {
    const groups = new Set<string>();
    let ungrouped = false;
    let concentrated = false;
    for (const [p, count] of tally.perParticipant) {
      const group = this.participants[p]!.group;
      if (group === null) ungrouped = true;
      else groups.add(group);
      if (count * 2 > tally.voiced) concentrated = true;
    }
    const [interview, fgd, observation, document] = tally.types as [number, number, number, number];
    return {
      sources: { interview, fgd, observation, document },
      participants: tally.perParticipant.size,
      groups: groups.size,
      concentrated,
      oneSided: !ungrouped && groups.size === 1,
      typesBySite: tally.sites,
    };
  }

  private quotesOf(tally: UnitTally, reader: EvidenceReader): EvidenceQuote[] {
    const quotes: EvidenceQuote[] = [];
    tally.quotes.forEach((candidates, type) => {
      for (const q of candidates.sort(compareCandidates)) {
        const source = this.sources[q.rank]!;
        quotes.push({
          source: source.name,
          sourceType: SOURCE_TYPES[type]!,
          segment: q.sentence === 0 ? String(q.turn) : `${q.turn}.${q.sentence}`,
          participant: q.participant < 0 ? null : this.participants[q.participant]!.pseudonym,
          startMs: reader.startMs(q.segment),
          text: shortenQuote(reader.text(source.id, q.start, q.end)),
        });
      }
    });
    return quotes;
  }
}

function compareCandidates(a: QuoteCandidate, b: QuoteCandidate): number {
  return a.rank - b.rank || a.segment - b.segment;
}

/** Keeps the first `limit` candidates in (source rank, segment) order, whatever order they come in. */
function offer(list: QuoteCandidate[], candidate: QuoteCandidate, limit: number): void {
  if (limit === Number.POSITIVE_INFINITY) {
    list.push(candidate);
    return;
  }
  if (list.length >= limit && compareCandidates(candidate, list[list.length - 1]!) >= 0) return;
  let at = list.length;
  while (at > 0 && compareCandidates(candidate, list[at - 1]!) < 0) at--;
  list.splice(at, 0, candidate);
  if (list.length > limit) list.pop();
}
