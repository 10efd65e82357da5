import type { SourceType } from './transcript/types.js';

/** A study participant, known only by pseudonym. */
export interface Participant {
  pseudonym: string;
  group: string | null;
  attributes: Record<string, string>;
}

/** Whether a turn is spoken by a participant or by the interviewer/moderator. */
export type SpeakerRole = 'participant' | 'interviewer';

/** A sentence of a turn; offsets are code points into the source text. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
}

/** A turn (or a paragraph of notes) as stored; offsets are code points into the source text. */
export interface Turn {
  index: number;
  speaker: string | null;
  role: SpeakerRole | null;
  participant: string | null;
  start: number;
  end: number;
  startMs: number | null;
  endMs: number | null;
  sentences: Sentence[];
}

/** A source's descriptive fields. */
export interface SourceInfo {
  name: string;
  type: SourceType;
  file: string;
  sha256: string;
  encoding: string;
  language: string | null;
  date: string | null;
  site: string | null;
  attributes: Record<string, string>;
}

/** One row of `telaah sources list --json`. */
export interface SourceSummary {
  name: string;
  type: SourceType;
  file: string;
  sha256: string;
  date: string | null;
  site: string | null;
  turns: number;
  segments: number;
  words: number;
}
