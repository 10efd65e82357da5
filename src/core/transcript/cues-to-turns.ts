/**
 * Subtitle cues → speaker turns. The speaker comes from a WebVTT voice span (`<v Name>`), else
 * from a `Name: ` label opening the cue, else the cue continues the speaker before it. Markup is
 * stripped, character references decoded, and consecutive cues of one speaker become one turn.
 */
import { cleanCueText, isCueSpace } from './cue-text.js';
import type { Cue } from './parse-webvtt.js';
import type { ReadWarning, TurnDraft } from './types.js';

// Kept importable from here, where the subtitle readers and their tests have always found it.
export { stripCueMarkup } from './cue-text.js';

// A label word: a name, a title such as "Dr." or "Bu", a number ("Peneliti 1"), or initials ("H.M.").
const WORD = String.raw`(?:[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*\.?|(?:\p{L}\.){2,})`;
const LABEL = new RegExp(`^${WORD}(?: ${WORD}){0,3}$`, 'u');
const HAS_LETTER = /\p{L}/u;

/** Splits a `Name: text` opening into name and text; null when the opening is not a speaker label. */
function splitSpeakerLabel(text: string): { speaker: string; rest: string } | null {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > 80) return null;
  // After the colon comes a space or nothing: "10:30" and "https://" are not labels.
  if (colon + 1 < text.length && !isCueSpace(text.charCodeAt(colon + 1))) return null;
  const label = text.slice(0, colon).trim();
  if (!LABEL.test(label) || !HAS_LETTER.test(label)) return null;
  return { speaker: label, rest: text.slice(colon + 1).trim() };
}

/** Line (1-based) of raw cue text index i, given the cue's timing line. */
function lineOfCueIndex(cue: Cue, i: number): number {
  let line = cue.line + 1;
  for (let k = cue.text.indexOf('\n'); k !== -1 && k < i; k = cue.text.indexOf('\n', k + 1)) line++;
  return line;
}

/** Merges cues into speaker turns; remarks about markup it could not read go to `warnings` when given. */
export function cuesToTurns(cues: readonly Cue[], warnings?: ReadWarning[]): TurnDraft[] {
  const turns: TurnDraft[] = [];
  let speaker: string | null = null;
  let last: TurnDraft | null = null;
  // The texts of the open turn, joined once it closes: appending cue by cue would build deep ropes.
  let parts: string[] = [];
  const addSegment = (cue: Cue, named: string | null, segment: string, canLabel: boolean): void => {
    let text = segment.trim();
    if (canLabel) {
      const label = splitSpeakerLabel(text);
      if (label !== null) {
        named = label.speaker;
        text = label.rest;
      }
    }
    if (named !== null) speaker = named;
    if (text === '') return;
    // Unattributed cues stay separate turns: merging them would lose every cue's timing.
    if (last !== null && speaker !== null && last.speaker === speaker) {
      parts.push(text);
      last.endMs = Math.max(last.endMs ?? cue.endMs, cue.endMs);
      return;
    }
    if (last !== null) last.text = parts.join(' ');
    parts = [text];
    // endMs never precedes startMs, even for a cue written with its times reversed.
    last = { speaker, text, startMs: cue.startMs, endMs: Math.max(cue.startMs, cue.endMs), line: cue.line };
    turns.push(last);
  };
  for (const cue of cues) {
    const clean = cleanCueText(cue.text, ' ');
    if (clean.brokenVoiceAt !== -1 && warnings) {
      warnings.push({
        line: lineOfCueIndex(cue, clean.brokenVoiceAt),
        message: 'voice tag "<v" is not closed with ">": its words are kept as text and no speaker is taken from it',
      });
    }
    const { text, voices } = clean;
    // A `Name:` label counts only at the very start of the cue, before any voice span.
    addSegment(cue, null, voices.length === 0 ? text : text.slice(0, voices[0]!.at), true);
    for (let k = 0; k < voices.length; k++) {
      addSegment(cue, voices[k]!.speaker, text.slice(voices[k]!.at, voices[k + 1]?.at ?? text.length), false);
    }
  }
  if (last !== null) (last as TurnDraft).text = parts.join(' ');
  return turns;
}
