import type { TranscriptDraft } from './types.js';

/**
 * A transcript's title line ("Transkrip Wawancara 08 — Arif") sits before the first speaker turn; it
 * is metadata, not something anybody said, so it moves to `meta.title` instead of becoming a unit.
 */
export function liftTitle(draft: TranscriptDraft): TranscriptDraft {
  const [first, second] = draft.turns;
  if (!first || first.speaker !== null || second?.speaker == null) return draft;
  const text = first.text.trim();
  if (text.includes('\n') || text.length > 160) return draft;
  return {
    ...draft,
    meta: { ...draft.meta, title: draft.meta.title ?? text },
    turns: draft.turns.slice(1),
  };
}
