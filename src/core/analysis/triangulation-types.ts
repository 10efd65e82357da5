import type { TriangulationStatus } from '../config.js';
import type { SourceType } from '../transcript/types.js';

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
