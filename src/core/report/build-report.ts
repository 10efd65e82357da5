/**
 * The thematic report assembled from what the store read (see ThematicReport). Counting is left to the
 * functions `stats`, `codebook show` and `triangulate` use (countCodeFrequencies, auditTriangulation,
 * cooccurrenceMatrix), so every number here is one of theirs.
 */
import { countCodeFrequencies } from '../analysis/code-frequencies.js';
import { memosOfCode } from '../analysis/code-memos.js';
import { compareOrigins, type CodingColumns } from '../analysis/coding-columns.js';
import { cooccurrenceMatrix, type CodeUnits } from '../analysis/cooccurrence.js';
import type { ProjectOverview } from '../analysis/project-overview.js';
import type { EvidenceTable } from '../analysis/evidence-table.js';
import { TableUnits } from '../analysis/table-units.js';
import { auditCodes } from '../analysis/triangulate.js';
import type { CodeTriangulation } from '../analysis/triangulation-types.js';
import type { Memo } from '../memo-target.js';
import { pickQuotes, QuoteLedger } from './pick-quotes.js';
import type { ProposalTally } from './proposal-tally.js';
import { groupFigure, jointDisplay, reportQuote, type ReportParticipant } from './report-figures.js';
import { reportScope, type ReportScope } from './report-scope.js';
import type { MethodAgreement, MethodNote, ReportAppendix, ReportLanguage, ReportMemo, StudyOverview, ThematicReport, ThemeSection } from './report-model.js';

/** A code of the codebook with its label in the report's language. */
export interface ReportCode {
  id: string;
  parent: string | null;
  label: string;
  definition: string | null;
  required: boolean;
  contrasts: string[];
}

/** Everything a report is made from, read by the store. */
export interface ReportInput {
  language: ReportLanguage;
  project: string;
  /** `--date`, or null. */
  date: string | null;
  /** `--origin`, or null. */
  origins: string[] | null;
  /** `--codes` (checked against the codebook), or null. */
  selection: string[] | null;
  codebook: { name: string; version: string; codes: ReportCode[] };
  overview: ProjectOverview;
  /** Every coding, marked with whether it counts under the report's origins. */
  columns: CodingColumns;
  /** The evidence that counts under the report's origins, each place marked with whether a person coded it. */
  evidence: EvidenceTable;
  triangulation: { convergent: number; corroborated: number; projectGroups: number };
  /** The units of each figure code (scope.leaves, as `matrix cooccurrence` reads them). */
  units: CodeUnits[];
  participants: ReportParticipant[];
  /** The outcome attribute (checked), or null. */
  outcome: string | null;
  agreement: MethodAgreement | null;
  proposals: ProposalTally[];
  memos: Memo[];
  audit: ReportAppendix['audit'];
}

/** Quotes for a code without codes below it, and for a category (which passes over its codes' quotes). */
const QUOTES_PER_CODE = 5;
const QUOTES_PER_CATEGORY = 3;
/** Longer units are cut at a sentence boundary. */
const QUOTE_LIMIT = 400;

/** Assembles the report. */
export function buildReport(input: ReportInput): ThematicReport {
  const scope = reportScope(input.codebook.codes, input.selection);
  const frequencies = countCodeFrequencies(input.codebook.codes, input.columns, 'coder');
  const frequencyOf = new Map(frequencies.codes.map((f) => [f.code, f]));
  const { convergent, corroborated, projectGroups } = input.triangulation;
  // The triangulation audit as `triangulate` gives it, without its quotes (the report quotes its own).
  const units = new TableUnits(input.evidence, scope.children);
  const evidence = (id: string) => units.of(id);
  const audit = auditCodes(input.codebook.codes, input.evidence, { convergent, corroborated, projectGroups }, { units });
  const triangulationOf = new Map<string, Omit<CodeTriangulation, 'evidence'>>(audit.map(({ row }) => [row.code, row]));
  const codeOf = new Map(input.codebook.codes.map((c) => [c.id, c]));
  const memos = input.memos.filter((m) => m.kind === 'code' || m.kind === 'segment');
  const covered = new Set(scope.covered);

  // Codes below a category are quoted before it; every code's quotes are recorded in one ledger.
  const ledger = new QuoteLedger();
  const quoted = new Map<string, number[]>();
  const section = (id: string, depth: number): ThemeSection => {
    const children = (scope.children.get(id) ?? []).map((child) => section(child, depth + 1));
    const code = codeOf.get(id)!;
    const frequency = frequencyOf.get(id)!;
    const triangulation = triangulationOf.get(id)!;
    // A category quotes other units than its codes do, where it can.
    const shownBelow = new Set(flatten(children).flatMap((s) => quoted.get(s.code)!));
    const places = pickQuotes(input.evidence, evidence(id), { k: children.length ? QUOTES_PER_CATEGORY : QUOTES_PER_CODE, avoid: shownBelow, ledger });
    quoted.set(id, places);
    const quotes = places.map((place) => reportQuote(input.evidence, place, QUOTE_LIMIT));
    return {
      code: id,
      label: code.label,
      definition: code.definition,
      category: children.length > 0,
      depth,
      counts: {
        segments: frequency.segments,
        sources: frequency.sources,
        participants: frequency.participants,
        groups: triangulation.groups,
        byCoder: Object.fromEntries(frequencies.groups.map((coder) => [coder, frequency.by[coder]!.segments])),
      },
      triangulation: { status: triangulation.status, flags: triangulation.flags, sourceTypes: triangulation.sources },
      quotes,
      memos: memosOf(id, quotes, memos, covered),
      children,
    };
  };

  const matrix = cooccurrenceMatrix(input.units);
  return {
    schema: 1,
    language: input.language,
    title: {
      project: input.project,
      codebook: { name: input.codebook.name, version: input.codebook.version },
      date: input.date,
      origins: input.origins,
      codes: input.selection,
    },
    overview: studyOverview(input.overview),
    method: methodNote(input, scope),
    themes: scope.roots.map((id) => section(id, 0)),
    cooccurrence: { codes: matrix.codes.map((c) => ({ code: c.code, label: codeOf.get(c.code)?.label ?? c.label })), cells: matrix.counts },
    byGroup: groupFigure(input.evidence, scope.leaves.map((id) => codeOf.get(id)!), evidence, input.overview.participants.groups),
    jointDisplay: input.outcome === null ? null : jointDisplay(input.evidence, input.outcome, scope.covered.map((id) => codeOf.get(id)!), evidence, input.participants),
    appendix: {
      codebook: input.codebook.codes.map((c) => ({ code: c.id, label: c.label, definition: c.definition, parent: c.parent })),
      audit: input.audit,
    },
  };
}

/** Sources by type (types without sources left out) and participants by group and category. */
function studyOverview(overview: ProjectOverview): StudyOverview {
  const row = ({ sources, turns, words, mediaMinutes }: ProjectOverview['totals']) => ({ sources, turns, words, mediaMinutes });
  return {
    sources: overview.sources.filter((s) => s.sources > 0).map((s) => ({ type: s.type as Exclude<typeof s.type, 'total'>, ...row(s) })),
    totals: row(overview.totals),
    participants: {
      total: overview.participants.total,
      groups: overview.participants.groups.map((g) => ({ value: g.value, participants: g.participants })),
      categories: overview.participants.categories.map((g) => ({ value: g.value, participants: g.participants })),
    },
  };
}

/** The method note: codebook, coders with the codings that count (of the covered codes, with --codes), agreement, automatic proposals. */
function methodNote(input: ReportInput, scope: ReportScope): MethodNote {
  const { columns } = input;
  const covered = new Set(scope.covered);
  const byCoder = new Map<string, { codings: number; origins: Map<string, number> }>();
  for (let i = 0; i < columns.length; i++) {
    if (columns.counts[i] !== 1 || (input.selection && !covered.has(columns.codes[columns.code[i]!]!))) continue;
    const coder = columns.coders[columns.coder[i]!]!;
    let row = byCoder.get(coder);
    if (!row) byCoder.set(coder, (row = { codings: 0, origins: new Map() }));
    row.codings++;
    const origin = columns.origins[columns.origin[i]!]!;
    row.origins.set(origin, (row.origins.get(origin) ?? 0) + 1);
  }
  const automatic = { proposals: 0, reviewed: 0, accepted: 0, rejected: 0, unreviewed: 0 };
  for (const p of input.proposals) {
    if (input.selection && !covered.has(p.code)) continue;
    automatic.proposals += p.proposals;
    automatic.accepted += p.accepted;
    automatic.rejected += p.rejected;
  }
  automatic.reviewed = automatic.accepted + automatic.rejected;
  automatic.unreviewed = automatic.proposals - automatic.reviewed;
  const parents = new Set(input.codebook.codes.flatMap((c) => (c.parent === null ? [] : [c.parent])));
  return {
    codebook: { name: input.codebook.name, version: input.codebook.version, codes: input.codebook.codes.length, categories: input.codebook.codes.filter((c) => parents.has(c.id)).length },
    coders: [...byCoder]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([coder, row]) => ({ coder, codings: row.codings, origins: Object.fromEntries([...row.origins].sort(([a], [b]) => compareOrigins(a, b))) })),
    agreement: input.agreement,
    automatic,
    triangulation: { convergent: input.triangulation.convergent, corroborated: input.triangulation.corroborated },
  };
}

/**
 * The code's memos as `triangulate --code` gives them (memosOfCode: on the code and the codes below it,
 * and on the segments it quotes), less those on codes below it that have their own section.
 */
function memosOf(code: string, quotes: readonly { source: string; segment: string }[], memos: readonly Memo[], covered: ReadonlySet<string>): ReportMemo[] {
  return memosOfCode(code, quotes, memos)
    .filter((m) => m.kind !== 'code' || m.code === code || !covered.has(m.code!))
    .map((m) => ({ author: m.author, text: m.text, target: m.kind === 'code' ? `code ${m.code}` : `${m.source} ${m.segment}` }));
}

/** The sections and every section below them. */
function flatten(sections: readonly ThemeSection[]): ThemeSection[] {
  return sections.flatMap((s) => [s, ...flatten(s.children)]);
}
