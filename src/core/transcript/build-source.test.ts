import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Turn } from '../model.js';
import { CodePointCounter, countCodePoints } from '../text/code-points.js';
import { splitSentences } from '../text/sentences.js';
import { buildPackedSource, buildSource, formatMediaTime, type BuiltSource, type ResolvedTurn } from './build-source.js';
import { countWords } from '../text/word-count.js';
import { packSource, sourceWords } from './packed-source.js';

const turn = (speaker: string | null, text: string, startMs: number | null = null): ResolvedTurn => ({
  speaker,
  role: speaker === null ? null : speaker === 'Pewawancara' ? 'interviewer' : 'participant',
  participant: speaker === 'Sumiati' ? 'Sumiati' : null,
  text,
  startMs,
  endMs: null,
});

describe('buildSource', () => {
  it('lays turns out as a readable transcript and locates their text', () => {
    const built = buildSource([turn('Pewawancara', 'Apa kabar, Bu?', 4000), turn('Sumiati', 'Baik. Terima kasih 🙏 sudah datang.', 9500)]);
    expect(built.text).toBe('[00:00:04] Pewawancara: Apa kabar, Bu?\n\n[00:00:09] Sumiati: Baik. Terima kasih 🙏 sudah datang.');
    const points = Array.from(built.text);
    expect(points.slice(built.turns[1]!.start, built.turns[1]!.end).join('')).toBe('Baik. Terima kasih 🙏 sudah datang.');
    expect(built.turns[1]!.sentences.map((s) => points.slice(s.start, s.end).join(''))).toEqual(['Baik.', 'Terima kasih 🙏 sudah datang.']);
    expect(built.words).toBe(9);
  });

  it('skips empty turns and numbers the rest from 1', () => {
    const built = buildSource([turn(null, '  '), turn(null, 'Paragraf satu.'), turn(null, 'Paragraf dua.')]);
    expect(built.turns.map((t) => t.index)).toEqual([1, 2]);
    expect(built.text).toBe('Paragraf satu.\n\nParagraf dua.');
  });

  it('keeps every offset inside the text, in order, whatever the text (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', '!', '\n', 'é', 'e\u0301', '😀', '?', '"', '…'), maxLength: 60 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(fc.constantFrom('Sumiati', 'Pewawancara'), { nil: null }), text), { maxLength: 8 }), (turns) => {
        const built = buildSource(turns.map(([s, t]) => turn(s, t)));
        const points = Array.from(built.text);
        let last = 0;
        for (const t of built.turns) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(points.slice(t.start, t.end).join('')).toBe(points.slice(t.start, t.end).join('').trim());
          for (const s of t.sentences) {
            expect(s.start).toBeGreaterThanOrEqual(t.start);
            expect(s.end).toBeLessThanOrEqual(t.end);
          }
          last = t.end;
        }
        expect(last).toBeLessThanOrEqual(points.length);
      }),
    );
  });
});

/** The layout written the plain way, an object per turn and sentence (as buildSource was before it packed). */
function plainLayout(turns: readonly ResolvedTurn[]): BuiltSource {
  let text = '';
  const built: Turn[] = [];
  let index = 0;
  let words = 0;
  for (const turn of turns) {
    const own = turn.text.trim();
    if (own === '') continue;
    index += 1;
    if (turn.withheld === true) continue;
    if (built.length > 0) text += '\n\n';
    if (turn.startMs !== null) text += `[${formatMediaTime(turn.startMs)}] `;
    if (turn.speaker !== null) text += `${turn.speaker}: `;
    const start = countCodePoints(text);
    const counter = new CodePointCounter(own);
    const sentences = splitSentences(own).map((r, i) => ({ index: i + 1, start: start + counter.at(r.start), end: start + counter.at(r.end) }));
    text += own;
    words += countWords(own);
    const { speaker, role, participant, startMs, endMs } = turn;
    built.push({ index, speaker, role, participant, start, end: countCodePoints(text), startMs, endMs, sentences });
  }
  return { text, turns: built, words };
}

describe('buildPackedSource', () => {
  it('packs what the plain layout lays out, whatever the turns (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', '!', '\n', '\r\n', 'é', 'e\u0301', '😀', '𝐀', '?', '"', '…', '\u00a0', 'Dr.'), maxLength: 50 });
    const speaker = fc.option(fc.constantFrom('Sumiati', 'Pewawancara', '😀 Tamu', 'P'), { nil: null });
    const ms = fc.option(fc.integer({ min: 0, max: 90_000_000 }), { nil: null });
    const resolved = fc.record({
      speaker,
      role: fc.constantFrom(null, 'participant' as const, 'interviewer' as const),
      participant: fc.option(fc.constantFrom('Sumiati', 'Darto'), { nil: null }),
      text,
      startMs: ms,
      endMs: ms,
      withheld: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(resolved, { maxLength: 8 }), (turns) => {
        expect(buildPackedSource(turns)).toEqual(packSource(plainLayout(turns)));
        // The parse worker's layout leaves the words to the storing thread, which counts them in the UTF-8.
        const later = buildPackedSource(turns, false);
        expect(later.words).toBeNaN();
        expect(sourceWords(later, new TextEncoder().encode(later.text))).toBe(plainLayout(turns).words);
      }),
      { numRuns: 1000 },
    );
  });

  it('counts the words of the turns, not of their labels, from the UTF-8 text', () => {
    const turns = [turn('Pewawancara', 'Apa kabar,\u00a0Bu?', 4000), turn('Ibu Sumiati', 'Baik.\u3000Terima kasih.', 9500)];
    const later = buildPackedSource(turns, false);
    expect(later.labelWords).toBe(5);
    expect(sourceWords(later, new TextEncoder().encode(later.text))).toBe(6);
    expect(buildPackedSource(turns).words).toBe(6);
  });
});

describe('formatMediaTime', () => {
  it('formats hours, minutes and seconds', () => {
    expect(formatMediaTime(0)).toBe('00:00:00');
    expect(formatMediaTime(3_723_999)).toBe('01:02:03');
  });
});
