import type { SourceInfo, Turn } from '../model.js';

/** A source's fields, text and turns: as stored, or as a new reading would store it. */
export interface SourceContent {
  info: SourceInfo;
  text: string;
  turns: readonly Turn[];
}

/** True when storing `next` would change nothing of `stored` (attribute order aside). */
export function sameSource(stored: SourceContent, next: SourceContent): boolean {
  return fingerprint(stored) === fingerprint(next);
}

function fingerprint({ info, text, turns }: SourceContent): string {
  const attributes = Object.entries(info.attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([
    info.name,
    info.type,
    info.file,
    info.sha256,
    info.encoding,
    info.language,
    info.date,
    info.site,
    attributes,
    text,
    turns.map((t) => [t.index, t.speaker, t.role, t.participant, t.start, t.end, t.startMs, t.endMs, t.sentences.map((s) => [s.index, s.start, s.end])]),
  ]);
}
