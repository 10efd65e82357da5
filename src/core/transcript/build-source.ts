import type { SpeakerRole, Turn } from '../model.js';
import { CodePointCounter, countCodePoints, hasOnlyBmp } from '../text/code-points.js';
import { appendSentenceBounds, SentenceBounds } from '../text/sentences.js';
import { countWords } from '../text/word-count.js';
import { ROLES, stringPlaces, TURN_FIELD, TURN_INTS, unpackTurns, type PackedSource } from './packed-source.js';

/** A turn ready to be laid out: canonical text, speaker resolved. */
export interface ResolvedTurn {
  speaker: string | null;
  role: SpeakerRole | null;
  participant: string | null;
  text: string;
  startMs: number | null;
  endMs: number | null;
  /**
   * A withdrawn participant's turn: left out of the text, but numbered, so the others keep the addresses
   * they have in a source the participant was withdrawn from (see core/withdrawal/turn-cuts.ts).
   */
  withheld?: boolean;
}

/** A source's canonical text with its turns and sentences located in it. */
export interface BuiltSource {
  text: string;
  turns: Turn[];
  words: number;
}

/** `hh:mm:ss` for a media time in milliseconds. */
export function formatMediaTime(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/**
 * Lays turns out as the source's canonical text — `[hh:mm:ss] Speaker: text`, one turn per paragraph — and
 * records where each turn's text and each of its sentences sit, in code points. The label is part of the
 * text (so an exported source reads like a transcript) but not of the turn's span.
 */
export function buildSource(turns: readonly ResolvedTurn[]): BuiltSource {
  const packed = buildPackedSource(turns);
  return { text: packed.text, turns: unpackTurns(packed), words: packed.words };
}

/**
 * buildSource straight into a PackedSource, as ingest stores and a worker posts it: no object per turn or
 * sentence on the way (at ingest those cost more than the layout itself). With `countingWords` false the
 * words are left to count from the text's UTF-8 (words NaN, labelWords set: see PackedSource).
 */
export function buildPackedSource(turns: readonly ResolvedTurn[], countingWords = true): PackedSource {
  const parts: string[] = [];
  // Per turn, in TURN_FIELD order: index, speaker, role, participant, start, end, sentence count. Sized
  // for every turn (empty and withheld ones are left out, so fewer may be used): a typed array made from a
  // growing JS array cost more than the copy of the part used.
  const ints = new Int32Array(turns.length * TURN_INTS);
  const ms = new Float64Array(turns.length * 2);
  // Sized for a sentence per 32 characters (the bench corpus has one per ~58): it doubles if that is short.
  let characters = 0;
  for (const turn of turns) characters += turn.text.length;
  const bounds = new SentenceBounds(2 * Math.ceil(characters / 32));
  const { strings, placeOf } = stringPlaces();
  let offset = 0;
  let words = 0;
  let labelWords = 0;
  let index = 0;
  let turnCount = 0;
  for (const turn of turns) {
    const text = turn.text.trim();
    if (text.length === 0) continue;
    index += 1;
    if (turn.withheld === true) continue;
    if (turnCount > 0) {
      parts.push('\n\n');
      offset += 2;
    }
    let prefix = '';
    if (turn.startMs !== null) prefix += `[${formatMediaTime(turn.startMs)}] `;
    if (turn.speaker !== null) prefix += `${turn.speaker}: `;
    if (prefix) {
      parts.push(prefix);
      offset += countCodePoints(prefix);
      if (!countingWords) labelWords += countWords(prefix);
    }
    const start = offset;
    const first = bounds.length;
    const sentences = appendSentenceBounds(text, bounds);
    const values = bounds.values;
    let length = text.length;
    if (hasOnlyBmp(text)) {
      for (let k = first; k < bounds.length; k += 1) values[k] = start + values[k]!;
    } else {
      // Asked in increasing order, as the counter wants.
      const counter = new CodePointCounter(text);
      for (let k = first; k < bounds.length; k += 1) values[k] = start + counter.at(values[k]!);
      length = counter.at(text.length);
    }
    parts.push(text);
    offset += length;
    if (countingWords) words += countWords(text);
    const o = turnCount * TURN_INTS;
    ints[o + TURN_FIELD.index] = index;
    ints[o + TURN_FIELD.speaker] = placeOf(turn.speaker);
    ints[o + TURN_FIELD.role] = ROLES.indexOf(turn.role);
    ints[o + TURN_FIELD.participant] = placeOf(turn.participant);
    ints[o + TURN_FIELD.start] = start;
    ints[o + TURN_FIELD.end] = offset;
    ints[o + TURN_FIELD.sentences] = sentences;
    ms[2 * turnCount] = turn.startMs ?? NaN;
    ms[2 * turnCount + 1] = turn.endMs ?? NaN;
    turnCount += 1;
  }
  return {
    text: parts.join(''),
    ...(countingWords ? { words } : { words: NaN, labelWords }),
    turnCount,
    segmentCount: turnCount + bounds.length / 2,
    turnInts: turnCount * TURN_INTS === ints.length ? ints : ints.slice(0, turnCount * TURN_INTS),
    turnMs: 2 * turnCount === ms.length ? ms : ms.slice(0, 2 * turnCount),
    sentenceBounds: bounds.values.slice(0, bounds.length),
    strings,
  };
}
