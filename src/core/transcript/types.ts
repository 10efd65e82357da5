/** The shapes readers produce and the ingest pipeline consumes. */

export const SOURCE_TYPES = ['interview', 'fgd', 'observation', 'document'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** One speaker turn (or one paragraph of notes/documents) as read from a file, before canonicalisation. */
export interface TurnDraft {
  /** Speaker label as written (trimmed, without the colon or timestamp); null for notes and documents. */
  speaker: string | null;
  /** The turn's text; lines of a multi-line turn joined with '\n'. Not yet NFC-normalised. */
  text: string;
  /** Media time in milliseconds, when the format gives one. */
  startMs: number | null;
  endMs: number | null;
  /** 1-based line in the decoded input where the turn starts (for messages). */
  line: number;
}

/** Metadata a file may carry (front matter, docx metadata table, CSV columns). */
export interface DraftMeta {
  type?: SourceType;
  date?: string;
  site?: string;
  title?: string;
  language?: string;
  /** Participant pseudonyms (or names) the file says are present. */
  participants?: string[];
  /** Every other key, as strings. */
  attributes: Record<string, string>;
}

/**
 * Metadata with nothing set. Every reader starts from this, so every file's metadata has the same shape (its
 * keys in one order): objects of many shapes (as each reader's keys, in the order a file names them) threw
 * away ingest's optimized code again and again as each new kind of file came along.
 */
export function emptyMeta(): DraftMeta {
  return { type: undefined, date: undefined, site: undefined, title: undefined, language: undefined, participants: undefined, attributes: {} };
}

/** A non-fatal remark about the input (a dropped cue, a skipped row), with its place. */
export interface ReadWarning {
  line?: number;
  col?: number;
  message: string;
}

/** What every reader returns. */
export interface TranscriptDraft {
  meta: DraftMeta;
  turns: TurnDraft[];
  warnings: ReadWarning[];
}
