import type { TriangulationStatus } from '../config.js';
import type { SourceType } from '../transcript/types.js';

/** One coded segment as the audit sees it (one row per distinct segment and code). */
export interface EvidenceInput {
  code: string;
  source: string;
  sourceType: SourceType;
  /** `T` or `T.S`. */
  segment: string;
  /** The source's site (front matter), or null. */
  site: string | null;
  /** The speaking participant's pseudonym, or null (notes, documents, unmatched speakers). */
  participant: string | null;
  /** That participant's group (e.g. pekerja-sosial), or null. */
  group: string | null;
  startMs: number | null;
  text: string;
}

/** What the audit needs of a code. */
export interface AuditCode {
  id: string;
  parent: string | null;
  label: string;
  required: boolean;
  contrasts: string[];
}

export type TriangulationFlag = 'participant-concentrated' | 'not-observed' | 'observed-only' | 'one-sided' | 'contrasted';

/** One quote backing a code. */
export interface EvidenceQuote {
  source: string;
  sourceType: SourceType;
  segment: string;
  participant: string | null;
  startMs: number | null;
  text: string;
}

/** One row of `telaah triangulate --json` (DESIGN.md shape, plus groups, required and evidenceByType). */
export interface CodeTriangulation {
  code: string;
  label: string;
  /** Whether the row rolls up the codes below it. */
  category: boolean;
  required: boolean;
  /** Distinct coded segments per source type. */
  sources: Record<SourceType, number>;
  participants: number;
  groups: number;
  status: TriangulationStatus;
  flags: TriangulationFlag[];
  /** Up to a few short quotes per source type, in source order. */
  evidence: EvidenceQuote[];
}

/** The audit's settings: thresholds from telaah.yaml, how many quotes per source type. */
export interface TriangulationSettings {
  convergent: number;
  corroborated: number;
  quotesPerType: number;
  /** Groups present in the project's participants (a code is one-sided only if there are at least two). */
  projectGroups: number;
}
