/** The triangulation audit: for every code, on how many kinds of source its evidence stands. */
import type { TriangulationStatus } from '../config.js';
import { SOURCE_TYPES, type SourceType } from '../transcript/types.js';
import { childrenOf } from '../codebook/code-tree.js';
import { placeAddress, placeParticipant, placeText, type EvidenceTable } from './evidence-table.js';
import { shortenQuote } from './shorten-quote.js';
import { TableUnits } from './table-units.js';
import type { AuditCode, CodeTriangulation, EvidenceQuote, TriangulationFlag, TriangulationSettings } from './triangulation-types.js';

const STATUS_RANK: Record<TriangulationStatus, number> = {
  absent: 0,
  'single-source': 1,
  corroborated: 2,
  convergent: 3,
};

/** The status's place from absent (0) to convergent (3), for comparing against a required status. */
export function statusRank(status: TriangulationStatus): number {
  return STATUS_RANK[status];
}

/** The status a code has when its evidence spans `types` source types, under the project's thresholds. */
export function statusFor(types: number, settings: Pick<TriangulationSettings, 'convergent' | 'corroborated'>): TriangulationStatus {
  // No evidence is absent whatever the thresholds say; a threshold of 0 must not make it corroborated.
  if (types === 0) return 'absent';
  if (types >= settings.convergent) return 'convergent';
  if (types >= settings.corroborated) return 'corroborated';
  return 'single-source';
}

/** The code rows (not categories) that `--strict` fails on: required ones, or all with `all`, ranked below `required`. */
export function belowRequired(rows: CodeTriangulation[], required: TriangulationStatus, all: boolean): CodeTriangulation[] {
  const bar = statusRank(required);
  return rows.filter((row) => !row.category && (all || row.required) && statusRank(row.status) < bar);
}

/** A code's row without its quotes, and its evidence units (to quote from). */
export interface AuditedCode {
  row: Omit<CodeTriangulation, 'evidence'>;
  units: Int32Array;
}

/** One row per code in codebook order; a code with children rolls up its own and all descendants' evidence. */
export function triangulate(codes: AuditCode[], table: EvidenceTable, settings: TriangulationSettings, keep?: Uint8Array): CodeTriangulation[] {
  return auditCodes(codes, table, settings, { keep }).map(({ row, units }) => ({ ...row, evidence: evidenceQuotes(table, units, settings.quotesPerType) }));
}

/** Which evidence to audit: the places where keep[place] is 1 (all without), or units already folded over `codes` (shared with a report). */
export interface AuditScope {
  keep?: Uint8Array | undefined;
  units?: TableUnits;
}

/** The rows of triangulate without quotes (reading no text), each with its units. */
export function auditCodes(codes: AuditCode[], table: EvidenceTable, settings: Omit<TriangulationSettings, 'quotesPerType'>, scope: AuditScope = {}): AuditedCode[] {
  const children = childrenOf(codes);
  const units = scope.units ?? new TableUnits(table, children, scope.keep);
  const rolled = new Map<string, Int32Array>();
  for (const code of codes) rolled.set(code.id, units.of(code.id).places);
  const tally = new Tally(table);
  const summaries = new Map<string, UnitSummary>();
  for (const [id, places] of rolled) summaries.set(id, tally.summarize(places));
  return codes.map((code) => ({
    row: codeRow(code, (children.get(code.id)?.length ?? 0) > 0, summaries.get(code.id)!, (id) => summaries.get(id), settings),
    units: rolled.get(code.id)!,
  }));
}

/** What a code's row is made of: its units (its own evidence and that of every code below it), summed up. */
export interface UnitSummary {
  /** Distinct units per source type. */
  sources: Record<SourceType, number>;
  /** Distinct participants voicing the units, and their distinct groups. */
  participants: number;
  groups: number;
  /**
   * One participant gives more than half of the units that have a participant at all (notes and
   * documents have none, so they neither dilute nor count). A single unit from one participant is
   * concentrated: the code then rests on one voice, which is exactly what the flag is there to show.
   */
  concentrated: boolean;
  /**
   * Every participant voicing the code belongs to one and the same group. A participant without a
   * group leaves the question open, so the code is then not called one-sided.
   */
  oneSided: boolean;
  /** Per site (an index shared by every summary of one audit), the source types of the units there, as bits. */
  typesBySite: ArrayLike<number | undefined>;
}

/** A code's row from its units' summary, and its contrast partners' (by id; undefined for a code not audited). */
export function codeRow(
  code: AuditCode,
  category: boolean,
  summary: UnitSummary,
  summaryOf: (id: string) => UnitSummary | undefined,
  settings: Omit<TriangulationSettings, 'quotesPerType'>,
): Omit<CodeTriangulation, 'evidence'> {
  const { sources } = summary;
  const types = SOURCE_TYPES.filter((type) => sources[type] > 0).length;
  const flags: TriangulationFlag[] = [];
  if (summary.concentrated) flags.push('participant-concentrated');
  const voiced = sources.interview + sources.fgd > 0;
  if (voiced && sources.observation === 0) flags.push('not-observed');
  if (sources.observation > 0 && !voiced && sources.document === 0) flags.push('observed-only');
  if (settings.projectGroups >= 2 && summary.oneSided) flags.push('one-sided');
  if (code.contrasts.some((other) => isContrasted(summary.typesBySite, summaryOf(other)?.typesBySite ?? []))) flags.push('contrasted');
  return {
    code: code.id,
    label: code.label,
    category,
    required: code.required,
    sources,
    participants: summary.participants,
    groups: summary.groups,
    status: statusFor(types, settings),
    flags,
  };
}

/** At some site, the code stands on one source type and its contrast on a different one. */
function isContrasted(ours: ArrayLike<number | undefined>, theirs: ArrayLike<number | undefined>): boolean {
  for (let site = 0; site < ours.length; site++) {
    const mine = ours[site] ?? 0;
    const other = theirs[site] ?? 0;
    if (mine === 0 || other === 0) continue;
    // Only one and the same type on both sides pairs no two different types.
    if (mine !== other || (mine & (mine - 1)) !== 0) return true;
  }
  return false;
}

/** Quotes grouped by source type (interview, fgd, observation, document), the first few of each in (source, segment) order. */
export function evidenceQuotes(table: EvidenceTable, units: Int32Array, perType: number): EvidenceQuote[] {
  const quotes: EvidenceQuote[] = [];
  SOURCE_TYPES.forEach((sourceType, type) => {
    let taken = 0;
    for (let j = 0; j < units.length && taken < perType; j++) {
      const place = units[j]!;
      if (table.type[place] !== type) continue;
      taken++;
      quotes.push({
        source: table.sources[table.source[place]!]!.name,
        sourceType,
        segment: placeAddress(table, place),
        participant: placeParticipant(table, place),
        startMs: table.reader.startMs(table.segment[place]!),
        text: shortenQuote(placeText(table, place)),
      });
    }
  });
  return quotes;
}

/** Counts over units of one table, with marks reused from one code to the next by round numbers. */
class Tally {
  private readonly marks: Uint32Array;
  private readonly groupMarks: Uint32Array;
  private readonly perParticipant: Uint32Array;
  private round = 0;

  constructor(private readonly table: EvidenceTable) {
    this.marks = new Uint32Array(table.participants.length);
    this.groupMarks = new Uint32Array(table.groups.length);
    this.perParticipant = new Uint32Array(table.participants.length);
  }

  /** The units summed up as a code's row needs them. */
  summarize(units: Int32Array): UnitSummary {
    return {
      sources: this.countByType(units),
      participants: this.countParticipants(units),
      groups: this.countGroups(units),
      concentrated: this.isParticipantConcentrated(units),
      oneSided: this.isOneSided(units),
      typesBySite: this.typesBySite(units),
    };
  }

  /** Distinct units per source type. */
  private countByType(units: Int32Array): Record<SourceType, number> {
    const counts = [0, 0, 0, 0];
    for (const place of units) counts[this.table.type[place]!]! += 1;
    return { interview: counts[0]!, fgd: counts[1]!, observation: counts[2]!, document: counts[3]! };
  }

  /** Distinct participants voicing the units. */
  private countParticipants(units: Int32Array): number {
    const round = ++this.round;
    let n = 0;
    for (const place of units) {
      const p = this.table.participant[place]!;
      if (p < 0 || this.marks[p] === round) continue;
      this.marks[p] = round;
      n++;
    }
    return n;
  }

  /** Distinct groups of the participants voicing the units. */
  private countGroups(units: Int32Array): number {
    const round = ++this.round;
    let n = 0;
    for (const place of units) {
      const p = this.table.participant[place]!;
      const g = p < 0 ? -1 : this.table.participantGroup[p]!;
      if (g < 0 || this.groupMarks[g] === round) continue;
      this.groupMarks[g] = round;
      n++;
    }
    return n;
  }

  /** UnitSummary.concentrated. */
  private isParticipantConcentrated(units: Int32Array): boolean {
    const round = ++this.round;
    let voiced = 0;
    for (const place of units) {
      const p = this.table.participant[place]!;
      if (p < 0) continue;
      voiced++;
      if (this.marks[p] !== round) {
        this.marks[p] = round;
        this.perParticipant[p] = 0;
      }
      this.perParticipant[p]! += 1;
    }
    for (const place of units) {
      const p = this.table.participant[place]!;
      if (p >= 0 && this.perParticipant[p]! * 2 > voiced) return true;
    }
    return false;
  }

  /** UnitSummary.oneSided. */
  private isOneSided(units: Int32Array): boolean {
    let group = -1;
    for (const place of units) {
      const p = this.table.participant[place]!;
      if (p < 0) continue;
      const g = this.table.participantGroup[p]!;
      if (g < 0) return false;
      if (group === -1) group = g;
      else if (group !== g) return false;
    }
    return group !== -1;
  }

  /** Per site, the source types of the units there, as bits. */
  private typesBySite(units: Int32Array): Uint8Array {
    const sites = new Uint8Array(this.table.sites.length);
    for (const place of units) {
      const site = this.table.site[place]!;
      if (site >= 0) sites[site]! |= 1 << this.table.type[place]!;
    }
    return sites;
  }
}
