/** What a review session walks through: proposed codings to decide, and units nobody has coded. */

/** A unit (sentence or turn) of a source, with its span in code points of the source text. */
export interface ReviewUnit {
  segmentId: number;
  source: string;
  turn: number;
  /** 0 for a whole turn. */
  sentence: number;
  unitStart: number;
  unitEnd: number;
}

/** A coding the auto-coder or the suggester proposed; `start`/`end` is its evidence in code points. */
export interface ProposedCoding extends ReviewUnit {
  code: string;
  origin: 'auto' | 'suggested';
  start: number;
  end: number;
  confidence: number | null;
  codebookId: number | null;
}

/** One entry of the review queue. */
export type ReviewItem = ({ kind: 'proposal' } & ProposedCoding) | ({ kind: 'uncoded' } & ReviewUnit);

/**
 * Something the reviewer has already settled: a decision on a proposal, a coding of their own, or
 * (with `code` NO_CODE) a unit they judged to need no code.
 */
export interface DecidedKey {
  segmentId: number;
  code: string;
}

/** The `code` of a decision about a whole unit rather than a proposed code. */
export const NO_CODE = '';
