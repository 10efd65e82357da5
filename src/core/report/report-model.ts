/**
 * The thematic report as data: what `telaah report` assembles from a project and every renderer (Word,
 * HTML, Markdown, JSON) draws. Plain, JSON-serialisable values only; `--format json` writes this object as
 * it is, so its field names are a shape other programs rely on (add fields, never rename them). Counts
 * follow the evidence rules (a rejected or unreviewed proposal never counts; a segment once per code; a
 * coded turn absorbs its sentences) and so agree with `stats`, `codebook show` and `triangulate`.
 * Nothing here holds a clock: the date is the one asked for with `--date`, or null.
 */
import type { TriangulationFlag } from '../analysis/triangulation-types.js';
import type { TriangulationStatus } from '../config.js';
import type { SourceType } from '../transcript/types.js';

/** Language of the report's headings and fixed phrases (the quotes stay as spoken). */
export type ReportLanguage = 'id' | 'en';

/** The whole report. */
export interface ThematicReport {
  /** Version of this shape (1). */
  schema: 1;
  language: ReportLanguage;
  title: ReportTitle;
  overview: StudyOverview;
  method: MethodNote;
  /** Top-level codes in codebook order; a category holds its codes in `children`. */
  themes: ThemeSection[];
  /** Codes × codes: units coded with both (the heat map). */
  cooccurrence: CooccurrenceFigure;
  /** Codes × participant group: participants voicing each code per group (the bar chart). */
  byGroup: GroupFigure;
  /** Themes voiced by each outcome group side by side; null when no outcome attribute is named. */
  jointDisplay: JointDisplay | null;
  appendix: ReportAppendix;
}

/** The title page. */
export interface ReportTitle {
  /** The project's name (telaah.yaml `name`). */
  project: string;
  codebook: { name: string; version: string };
  /** The date printed on the title page (YYYY-MM-DD, from `--date`); null prints none. */
  date: string | null;
  /** Which codings the report counts: the origins asked for (null: every origin but unaccepted suggestions). */
  origins: string[] | null;
  /** The codes asked for with `--codes` (null: all). */
  codes: string[] | null;
}

/** Sources, participants and media time. */
export interface StudyOverview {
  sources: { type: SourceType; sources: number; turns: number; words: number; mediaMinutes: number | null }[];
  totals: { sources: number; turns: number; words: number; mediaMinutes: number | null };
  participants: { total: number; groups: PeopleCount[]; categories: PeopleCount[] };
}

/** Participants with one group (or category) value; value null for those without one. */
export interface PeopleCount {
  value: string | null;
  participants: number;
}

/** How the coding was done: codebook, coders, agreement, how much was auto-coded and reviewed. */
export interface MethodNote {
  codebook: { name: string; version: string; codes: number; categories: number };
  /** Coders with the codings that count, by origin. */
  coders: { coder: string; codings: number; origins: Record<string, number> }[];
  /** Agreement between the human coders (two or more coded the same sources); null when fewer than two. */
  agreement: MethodAgreement | null;
  /** Proposals of the auto-coder (and suggester): how many, how many a person reviewed, accepted, rejected. */
  automatic: { proposals: number; reviewed: number; accepted: number; rejected: number; unreviewed: number };
  /** Source types a code needs to be convergent or corroborated (telaah.yaml triangulation:), for the statuses' meaning. */
  triangulation: { convergent: number; corroborated: number };
}

/** Pooled agreement of the human coders, as `telaah agree` computes it at the turn. */
export interface MethodAgreement {
  coders: string[];
  unit: 'turn' | 'sentence';
  units: number;
  percentAgreement: number | null;
  /** Cohen's kappa (exactly two coders), else null. */
  kappa: number | null;
  alpha: number | null;
}

/** One code (or category) of the report. */
export interface ThemeSection {
  code: string;
  label: string;
  definition: string | null;
  category: boolean;
  /** 0 for a top-level code. */
  depth: number;
  counts: ThemeCounts;
  triangulation: { status: TriangulationStatus; flags: TriangulationFlag[]; sourceTypes: Record<SourceType, number> };
  /** 3-5 quotes chosen to span source types and participants (fewer when the evidence is thinner). */
  quotes: ReportQuote[];
  memos: ReportMemo[];
  children: ThemeSection[];
}

/** How often a code is applied, and by whom: segments, sources, participants, groups, per coder. */
export interface ThemeCounts {
  segments: number;
  sources: number;
  participants: number;
  /** Participant groups voicing it (e.g. pekerja-rentan, pekerja-sosial). */
  groups: number;
  byCoder: Record<string, number>;
}

/** A quote: whole sentences (or the whole turn), never a bare matched word. */
export interface ReportQuote {
  source: string;
  sourceType: SourceType;
  /** `T` or `T.S`. */
  segment: string;
  /** The speaker's pseudonym; null for notes, documents and unmatched speakers. */
  participant: string | null;
  group: string | null;
  /** Media time of the turn in ms, when known. */
  startMs: number | null;
  text: string;
}

/** A memo on a code (or on a segment quoted under it). */
export interface ReportMemo {
  author: string;
  text: string;
  /** What the memo is attached to, e.g. `code barrier/distrust` or `w01 4.2`. */
  target: string;
}

/** The co-occurrence heat map's numbers. */
export interface CooccurrenceFigure {
  /** Row and column codes (the same list, in codebook order). */
  codes: { code: string; label: string }[];
  /** cells[i][j]: units coded with both codes i and j (the diagonal: units coded with i). */
  cells: number[][];
}

/** The code-by-group chart's numbers. */
export interface GroupFigure {
  groups: string[];
  codes: { code: string; label: string; participants: Record<string, number> }[];
}

/** Themes voiced by each outcome group (e.g. enrolled after outreach: ya / tidak) side by side. */
export interface JointDisplay {
  /** The participant attribute that holds the outcome. */
  attribute: string;
  /** Its values, each with how many participants hold it. */
  values: { value: string; participants: number }[];
  rows: { code: string; label: string; cells: Record<string, { participants: number; segments: number; quote: ReportQuote | null }> }[];
}

/** The codebook and an audit summary. */
export interface ReportAppendix {
  codebook: { code: string; label: string; definition: string | null; parent: string | null }[];
  /** Commands that changed the project, counted by command, with the first and last time. */
  audit: { command: string; times: number; first: string; last: string }[];
}
