import type { SpeakerRole, Turn } from '../model.js';
import type { BuiltSource } from './build-source.js';
import { countUtf8Words } from '../text/word-count.js';

/**
 * A built source in a few typed arrays instead of one object per turn and per sentence: a worker thread
 * hands it to the main thread by transfer (no copy, no structured clone of millions of small objects),
 * and the writer binds rows straight from it.
 */
export interface PackedSource {
  text: string;
  /** Whitespace-separated words of the turns' texts; NaN while left to count from the text's UTF-8 (see sourceWords). */
  words: number;
  /** With words NaN: the words of the labels (`[00:01:02] Speaker: `) the text holds besides the turns'. */
  labelWords?: number;
  turnCount: number;
  /** Turns and sentences together: one segment row each. */
  segmentCount: number;
  /** TURN_INTS per turn: index, speaker, role, participant, start, end, sentence count (see TURN_FIELD). */
  turnInts: Int32Array;
  /** startMs and endMs per turn; NaN for none. */
  turnMs: Float64Array;
  /** start and end of every sentence, turn after turn; sentence k of a turn has index k (from 1). */
  sentenceBounds: Int32Array;
  /** Speakers and participants, referred to by their place here (-1: none). */
  strings: string[];
}

/** How many Int32 values each turn takes in `turnInts`. */
export const TURN_INTS = 7;
/** Where each of a turn's values sits among its TURN_INTS. */
export const TURN_FIELD = { index: 0, speaker: 1, role: 2, participant: 3, start: 4, end: 5, sentences: 6 } as const;
/** A role by its number in `turnInts` (0: none). */
export const ROLES: readonly (SpeakerRole | null)[] = [null, 'participant', 'interviewer'];

/** Speakers and participants numbered by first appearance, as `strings` of a PackedSource holds them. */
export function stringPlaces(): { strings: string[]; placeOf: (value: string | null) => number } {
  const strings: string[] = [];
  const places = new Map<string, number>();
  const placeOf = (value: string | null): number => {
    if (value === null) return -1;
    let place = places.get(value);
    if (place === undefined) {
      place = strings.push(value) - 1;
      places.set(value, place);
    }
    return place;
  };
  return { strings, placeOf };
}

/** Packs a built source (its sentences numbered 1, 2, … within each turn, as buildSource numbers them). */
export function packSource(built: BuiltSource): PackedSource {
  const turnCount = built.turns.length;
  let sentenceCount = 0;
  for (const turn of built.turns) sentenceCount += turn.sentences.length;
  const turnInts = new Int32Array(turnCount * TURN_INTS);
  const turnMs = new Float64Array(turnCount * 2);
  const sentenceBounds = new Int32Array(sentenceCount * 2);
  const { strings, placeOf } = stringPlaces();
  let s = 0;
  for (const [t, turn] of built.turns.entries()) {
    const o = t * TURN_INTS;
    turnInts[o + TURN_FIELD.index] = turn.index;
    turnInts[o + TURN_FIELD.speaker] = placeOf(turn.speaker);
    turnInts[o + TURN_FIELD.role] = ROLES.indexOf(turn.role);
    turnInts[o + TURN_FIELD.participant] = placeOf(turn.participant);
    turnInts[o + TURN_FIELD.start] = turn.start;
    turnInts[o + TURN_FIELD.end] = turn.end;
    turnInts[o + TURN_FIELD.sentences] = turn.sentences.length;
    turnMs[2 * t] = turn.startMs ?? NaN;
    turnMs[2 * t + 1] = turn.endMs ?? NaN;
    for (const sentence of turn.sentences) {
      sentenceBounds[s++] = sentence.start;
      sentenceBounds[s++] = sentence.end;
    }
  }
  return { text: built.text, words: built.words, turnCount, segmentCount: turnCount + sentenceCount, turnInts, turnMs, sentenceBounds, strings };
}

/** The turns again as objects, for the rare paths that compare or re-anchor them (a replaced source). */
export function unpackTurns(packed: PackedSource): Turn[] {
  const { turnInts, turnMs, sentenceBounds, strings } = packed;
  const stringAt = (place: number): string | null => (place < 0 ? null : strings[place]!);
  const msAt = (value: number): number | null => (Number.isNaN(value) ? null : value);
  const turns: Turn[] = [];
  let s = 0;
  for (let t = 0; t < packed.turnCount; t += 1) {
    const o = t * TURN_INTS;
    const sentences = [];
    for (let k = 1; k <= turnInts[o + TURN_FIELD.sentences]!; k += 1, s += 2) sentences.push({ index: k, start: sentenceBounds[s]!, end: sentenceBounds[s + 1]! });
    turns.push({
      index: turnInts[o + TURN_FIELD.index]!,
      speaker: stringAt(turnInts[o + TURN_FIELD.speaker]!),
      role: ROLES[turnInts[o + TURN_FIELD.role]!] ?? null,
      participant: stringAt(turnInts[o + TURN_FIELD.participant]!),
      start: turnInts[o + TURN_FIELD.start]!,
      end: turnInts[o + TURN_FIELD.end]!,
      startMs: msAt(turnMs[2 * t]!),
      endMs: msAt(turnMs[2 * t + 1]!),
      sentences,
    });
  }
  return turns;
}

/**
 * The source's words from its text as UTF-8 (the storing thread counts them there, see buildPackedSource):
 * the labels are separated from their turns by white space, so the text's words are the turns' and the labels'.
 */
export function sourceWords(packed: PackedSource, utf8Text: Uint8Array): number {
  return Number.isNaN(packed.words) ? countUtf8Words(utf8Text) - packed.labelWords! : packed.words;
}

/** About how many bytes the packed source holds (UTF-16 text and the arrays), to bound what is in flight. */
export function packedBytes(packed: PackedSource): number {
  return 2 * packed.text.length + packed.turnInts.byteLength + packed.turnMs.byteLength + packed.sentenceBounds.byteLength;
}

/** The buffers to transfer with a posted packed source. */
export function packedBuffers(packed: PackedSource): ArrayBuffer[] {
  return [packed.turnInts.buffer as ArrayBuffer, packed.turnMs.buffer as ArrayBuffer, packed.sentenceBounds.buffer as ArrayBuffer];
}
