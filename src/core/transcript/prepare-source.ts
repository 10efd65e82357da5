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
  /** Doubts about the result worth a line in the ingest summary (without the file name). */
  warnings: string[];
}

/** Replaces real names everywhere in the draft and resolves every speaker label. */
export function prepareSource(draft: TranscriptDraft, rules: PrepareRules): PreparedSource {
  let replacements = 0;
  // Prose keeps a lower-case "bunga" (a flower); labels, name lists and keys are names in any case.
  const scrubWith = (anyCase: boolean) => (text: string): string => {
    if (!rules.pseudonymizer) return text;
    const result = rules.pseudonymizer.replace(text, { anyCase });
    replacements += result.count;
    return result.text;
  };
  const scrub = scrubWith(false);
  const scrubName = scrubWith(true);
  const meta: DraftMeta = {
    ...draft.meta,
    title: draft.meta.title === undefined ? undefined : scrub(draft.meta.title),
    site: draft.meta.site === undefined ? undefined : scrub(draft.meta.site),
    participants: draft.meta.participants?.map(scrubName),
    attributes: Object.fromEntries(Object.entries(draft.meta.attributes).map(([k, v]) => [scrubName(k), scrub(v)])),
  };
  const unknown = new Set<string>();
  const turns = draft.turns.map((turn): ResolvedTurn => {
    const speaker = turn.speaker === null ? null : scrubName(turn.speaker);
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
  return { meta, turns, replacements, unknownSpeakers: [...unknown], warnings: interviewerOnlyWarning(turns) };
}

/** A transcript in which nobody but the interviewer speaks has most likely a participant's label in interviewer_labels. */
function interviewerOnlyWarning(turns: readonly ResolvedTurn[]): string[] {
  const labels = new Set<string>();
  for (const turn of turns) {
    if (turn.speaker === null) continue;
    if (turn.role !== 'interviewer') return [];
    labels.add(turn.speaker);
  }
  if (labels.size === 0) return [];
  return [
    `every turn is by an interviewer label (${[...labels].join(', ')}): if one of them is the participant, remove it from interviewer_labels in telaah.yaml, or map it with --speakers`,
  ];
}
