/**
 * A coding as `codings list` gives it, the shape its --json, --csv and `export csv --what codings` share:
 * the store builds it (store/list-codings.ts), renderers only read it, so it sits below both.
 */
import type { SourceType } from './transcript/types.js';

/** A memo on a segment as `codings list` shows it beside the segment's codings. */
export interface SegmentMemo {
  id: number;
  author: string;
  text: string;
}

/** One row of `codings list --json` (DESIGN.md shape, plus confidence, memo, memos and matched). */
export interface CodingRow {
  source: string;
  sourceType: SourceType;
  segment: string;
  speaker: string | null;
  participant: string | null;
  /** The evidence, in code points of the source text. */
  start: number;
  end: number;
  /** The whole unit coded (the sentence or the turn). */
  text: string;
  /** The evidence's own words (what a pattern matched, or the unit itself for a human coding). */
  matched: string;
  code: string;
  coder: string;
  /** auto, manual, suggested, accepted, imported; `rejected` for a rejection (coder: who rejected). */
  origin: string;
  /** How sure a suggestion is (0–1); null for other origins. */
  confidence: number | null;
  /** The coding's own note (`code add --memo`). */
  memo: string | null;
  /** Memos on the segment (`telaah memo add segment:…`), oldest first. */
  memos: SegmentMemo[];
}
