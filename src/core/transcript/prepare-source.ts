import type { Pseudonymizer } from '../pseudonymize.js';
import type { ResolvedTurn } from './build-source.js';
import type { SpeakerResolution } from './speakers.js';
import type { DraftMeta, TranscriptDraft } from './types.js';

/** What the pipeline does to every draft before it is laid out and stored. */
export interface PrepareRules {
  pseudonymizer?: Pseudonymizer;
  resolveSpeaker: (label: string) => SpeakerResolution;
}

/** A draft made safe to store: names replaced, speakers resolved. */
export interface PreparedSource {
  meta: DraftMeta;
  turns: ResolvedTurn[];
  /** How many real names were replaced. */
  replacements: number;
  /** Speaker labels that are neither the interviewer nor a known participant. */
  unknownSpeakers: string[];
}

/** Replaces real names everywhere in the draft and resolves every speaker label. */
export function prepareSource(draft: TranscriptDraft, rules: PrepareRules): PreparedSource {
  let replacements = 0;
  const scrub = (text: string): string => {
    if (!rules.pseudonymizer) return text;
    const result = rules.pseudonymizer.replace(text);
    replacements += result.count;
    return result.text;
  };
  const meta: DraftMeta = {
    ...draft.meta,
    title: draft.meta.title === undefined ? undefined : scrub(draft.meta.title),
    site: draft.meta.site === undefined ? undefined : scrub(draft.meta.site),
    participants: draft.meta.participants?.map(scrub),
    attributes: Object.fromEntries(Object.entries(draft.meta.attributes).map(([k, v]) => [k, scrub(v)])),
  };
  const unknown = new Set<string>();
  const turns = draft.turns.map((turn): ResolvedTurn => {
    const speaker = turn.speaker === null ? null : scrub(turn.speaker);
    const resolution = speaker === null ? null : rules.resolveSpeaker(speaker);
    if (speaker !== null && resolution?.role === 'participant' && resolution.participant === null) unknown.add(speaker);
    return {
      speaker,
      role: resolution?.role ?? null,
      participant: resolution?.participant ?? null,
      text: scrub(turn.text),
      startMs: turn.startMs,
      endMs: turn.endMs,
    };
  });
  return { meta, turns, replacements, unknownSpeakers: [...unknown] };
}
