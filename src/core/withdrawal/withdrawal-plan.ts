/** What a withdrawal takes away (see store/withdrawal.ts), as commands and renderers see it. */

/** One source the participant speaks in. */
export interface AffectedSource {
  id: number;
  name: string;
  /** Their turns in it. */
  turns: number;
  /** Turns that stay; 0 when every turn is theirs, and the source goes whole. */
  keptTurns: number;
  /** False when only interviewer (or unattributed) turns stay: an interview of theirs alone. */
  othersSpeak: boolean;
}

/** What a withdrawal takes away. */
export interface WithdrawalCounts {
  sources: number;
  /** Sources that held only their turns, removed whole. */
  removedSources: number;
  turns: number;
  segments: number;
  words: number;
  humanCodings: number;
  proposals: number;
  decisions: number;
  memos: number;
}

/** A withdrawal before it happens: the sources and everything on their turns. */
export interface WithdrawalPlan {
  pseudonym: string;
  sources: AffectedSource[];
  counts: WithdrawalCounts;
}

/** How many rows had quotes taken out, per place. */
export interface ScrubbedQuotes {
  memos: number;
  codingMemos: number;
  audit: number;
  codebooks: number;
}

