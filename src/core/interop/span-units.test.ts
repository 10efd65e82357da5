import { describe, expect, it } from 'vitest';
import type { Turn } from '../model.js';
import { unitsForSpan } from './span-units.js';

const turn = (index: number, start: number, end: number, sentences: [number, number][]): Turn => ({
  index,
  speaker: 'A',
  role: 'participant',
  participant: null,
  start,
  end,
  startMs: null,
  endMs: null,
  sentences: sentences.map(([s, e], i) => ({ index: i + 1, start: s, end: e })),
});

// "A: One. Two.\n\nA: Three." — turn 1 is 3..12, turn 2 is 17..23.
const turns = [turn(1, 3, 12, [[3, 7], [8, 12]]), turn(2, 17, 23, [[17, 23]])];

describe('unitsForSpan', () => {
  it.each([
    ['a sentence', 3, 7, [{ turn: 1, sentence: 1, start: 3, end: 7 }]],
    ['words inside a sentence', 8, 10, [{ turn: 1, sentence: 2, start: 8, end: 10 }]],
    ['a whole turn of two sentences', 3, 12, [{ turn: 1, sentence: 0, start: 3, end: 12 }]],
    ['a span with the speaker label', 0, 7, [{ turn: 1, sentence: 1, start: 3, end: 7 }]],
    ['two turns', 5, 20, [{ turn: 1, sentence: 0, start: 5, end: 12 }, { turn: 2, sentence: 1, start: 17, end: 20 }]],
    ['a label only', 13, 17, []],
    ['nothing', 5, 5, []],
  ] as const)('%s', (_what, start, end, units) => expect(unitsForSpan(turns, start, end)).toEqual(units));
});
