/**
 * The fixed words of the thematic report in Indonesian and English, one table for every renderer
 * (Markdown, HTML, Word, the charts), so a heading reads the same in the .md, .html and .docx of one
 * project and a translation is fixed once. Each language is one object of this interface
 * (labels/indonesian.ts, labels/english.ts): a missing translation is a type error. Numbers go through
 * the language's one formatter (../language-format.ts). Quotes, labels, definitions and memos stay as
 * written.
 */
import type { TriangulationFlag } from '../../core/analysis/triangulation-types.js';
import type { TriangulationStatus } from '../../core/config.js';
import type { MethodAgreement, MethodNote, ReportLanguage, ThemeCounts } from '../../core/report/report-model.js';
import type { SourceType } from '../../core/transcript/types.js';
import { ENGLISH } from './labels/english.js';
import { INDONESIAN } from './labels/indonesian.js';

/** Things a report counts, each with its noun (countOf). */
export type CountNoun = 'source' | 'segment' | 'participant' | 'group' | 'code' | 'coder' | 'turn' | 'sentence' | 'proposal';

/** The origins a coding can have (codings.origin). */
export type CodingOrigin = 'auto' | 'manual' | 'suggested' | 'accepted' | 'imported';

/** The words of one language. */
export interface ReportLabels {
  language: ReportLanguage;

  /** The title block: what the report is, its codebook, date and what it counts. */
  title: string;
  codebookLine(name: string, version: string): string;
  dateLine(date: string): string;
  /** Which codings count: the origins asked for, or null for the default (all but rejected and unaccepted). */
  countedLine(origins: readonly string[] | null): string;
  /** The codes asked for with --codes. */
  codesLine(codes: readonly string[]): string;
  madeWith: string;
  contents: string;

  /** Chapter and section headings, in report order. */
  overview: string;
  sources: string;
  participants: string;
  method: string;
  coders: string;
  agreement: string;
  automaticCoding: string;
  themes: string;
  figures: string;
  cooccurrence: string;
  byGroup: string;
  jointDisplay: string;
  appendix: string;
  codebook: string;
  audit: string;

  /** Column names (and the HTML report's stat names). */
  column: {
    sourceType: string;
    sources: string;
    turns: string;
    words: string;
    mediaMinutes: string;
    /** The totals row. */
    total: string;
    group: string;
    category: string;
    participants: string;
    name: string;
    version: string;
    codes: string;
    categories: string;
    coder: string;
    coders: string;
    codings: string;
    origins: string;
    unit: string;
    units: string;
    proposals: string;
    reviewed: string;
    accepted: string;
    rejected: string;
    unreviewed: string;
    code: string;
    label: string;
    definition: string;
    parent: string;
    segments: string;
    groups: string;
    command: string;
    times: string;
    first: string;
    last: string;
  };

  /** Words inside a code's section. */
  definition: string;
  counts: string;
  byCoder: string;
  triangulation: string;
  quotes: string;
  memos: string;
  /** The tag after a category's heading. */
  categoryTag: string;
  /** What a memo is attached to: "pada code barrier" / "on code barrier". */
  memoOn(target: string): string;

  /** What is shown where there is nothing. */
  noValue: string;
  noThemes: string;
  noQuotes: string;
  noFlags: string;
  noAudit: string;
  noData: string;
  agreementNone: string;

  /** The HTML report's quote filter, and the Word report's page numbers. */
  filterQuotes: string;
  all: string;
  reset: string;
  /** Takes numbers already formatted (the HTML filter fills them in in the browser). */
  quotesShown(shown: string, total: string): string;
  noQuotesMatch: string;
  pageOf: { before: string; between: string };

  /** Names of the project's fixed values, in running-text case (capitalize for a cell of its own). */
  sourceType(type: SourceType): string;
  status(status: TriangulationStatus): string;
  flag(flag: TriangulationFlag): string;
  /** An origin's name; an origin this table does not know prints as it is. */
  origin(origin: string): string;
  unitName(unit: MethodAgreement['unit']): string;
  percentAgreement: string;
  kappa: string;
  alpha: string;

  /** Numbers: this language's separators (1.178,1 / 1,178.1). */
  number(n: number, digits?: number): string;
  /** Between digit groups ('.' / ','), for the HTML filter's count in the browser. */
  digitGroup: string;
  /** A share 0-1 as a percentage with one decimal (87,5% / 87.5%); a dash for none. */
  percent(share: number | null): string;
  /** An agreement statistic with two decimals; a dash for none. */
  statistic(value: number | null): string;
  /** Media minutes, whole; a dash for sources without media. */
  minutes(minutes: number | null): string;
  /** Media time in ms as hh:mm:ss, as transcripts mark it. */
  mediaTime(ms: number): string;
  /** A count with its noun: 3 segmen / 3 segments / 1 segment. */
  countOf(n: number, noun: CountNoun): string;

  /** The method note's sentences (the Markdown report writes the method as prose). */
  methodCodebook(method: MethodNote): string;
  methodCoders(method: MethodNote): string;
  methodAgreement(agreement: MethodAgreement | null): string;
  methodAutomatic(method: MethodNote): string;
  /** How counts are made (the evidence rules). */
  countingRule: string;
  /** How the triangulation status is reached. */
  triangulationRule(thresholds: { convergent: number; corroborated: number }): string;
  /** A code's counts in one sentence. */
  countsLine(counts: ThemeCounts): string;
  /** A code's triangulation in one sentence: status, then units per source type, then flags. */
  triangulationLine(status: TriangulationStatus, sourceTypes: Record<SourceType, number>, flags: readonly TriangulationFlag[]): string;

  /** Under the co-occurrence table (Markdown, the diagonal in bold). */
  cooccurrenceNote: string;
  /** Under the co-occurrence heat map (the diagonal grey), and its legend's title. */
  cooccurrenceCaption: string;
  cooccurrenceLegend: string;
  /** Under the codes-by-group chart or table. */
  byGroupNote: string;
  jointDisplayNote(attribute: string): string;
  /** A joint display cell's counts. */
  jointCell(participants: number, segments: number): string;
  auditNote: string;
}

/** The labels of a report in `language`. */
export function labels(language: ReportLanguage): ReportLabels {
  return language === 'en' ? ENGLISH : INDONESIAN;
}
