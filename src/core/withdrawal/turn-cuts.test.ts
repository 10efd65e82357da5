import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSource, type ResolvedTurn } from '../transcript/build-source.js';
import { applyCuts, OffsetShift, planTurnCuts } from './turn-cuts.js';

const turn = (speaker: string | null, text: string, startMs: number | null = null): ResolvedTurn => ({
  speaker,
  role: speaker === null ? null : 'participant',
  participant: speaker,
  text,
  startMs,
  endMs: null,
});

/** Cuts `drop`'s turns out of the built text, as withdrawal does. */
function cut(turns: ResolvedTurn[], drop: (t: ResolvedTurn) => boolean) {
  const built = buildSource(turns);
  const points = Array.from(built.text);
  const kept = turns.filter((t) => t.text.trim() !== '');
  const cuts = planTurnCuts(built.turns.map((t, i) => ({ start: t.start, end: t.end, drop: drop(kept[i]!) })), points);
  return { built, points, text: applyCuts(points, cuts), shift: new OffsetShift(cuts) };
}

describe('planTurnCuts', () => {
  it('takes a turn out with its label and the break before it', () => {
    const turns = [turn('Moderator', 'Mulai ya.', 1000), turn('Darto', 'Saya sudah. Pakai KTP.', 4000), turn('Joko', 'Saya belum 🙏.', 9000)];
    const { text, shift, built } = cut(turns, (t) => t.speaker === 'Darto');
    expect(text).toBe('[00:00:01] Moderator: Mulai ya.\n\n[00:00:09] Joko: Saya belum 🙏.');
    const joko = built.turns[2]!;
    expect(Array.from(text).slice(shift.map(joko.start), shift.map(joko.end)).join('')).toBe('Saya belum 🙏.');
    expect(shift.map(built.turns[0]!.end)).toBe(built.turns[0]!.end);
  });

  it('takes the first turns out so the text starts with the next label', () => {
    const turns = [turn('Darto', 'Satu.'), turn('Darto', 'Dua.'), turn('Joko', 'Tiga.')];
    expect(cut(turns, (t) => t.speaker === 'Darto').text).toBe('Joko: Tiga.');
  });

  it('leaves nothing when every turn goes', () => {
    const turns = [turn('Darto', 'Satu.'), turn('Darto', 'Dua.')];
    expect(cut(turns, () => true).text).toBe('');
  });

  it('gives the text buildSource gives without the turns, and every kept offset on the same words (property)', () => {
    const speakers = ['Darto', 'Joko', null] as const;
    const arbTurn = fc.record({
      speaker: fc.constantFrom(...speakers),
      text: fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', '😀', 'é', '\n'), maxLength: 30 }),
      startMs: fc.option(fc.nat(100000), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbTurn, { maxLength: 8 }), (drafts) => {
        const turns = drafts.map((d) => turn(d.speaker, d.text, d.startMs));
        const { built, points, text, shift } = cut(turns, (t) => t.speaker === 'Darto');
        const withheld = buildSource(turns.map((t) => ({ ...t, withheld: t.speaker === 'Darto' })));
        expect(text).toBe(withheld.text);
        const after = Array.from(text);
        const keptTurns = built.turns.filter((t) => t.speaker !== 'Darto');
        // Same turns, same numbers, same words at the moved offsets.
        expect(keptTurns.map((t) => t.index)).toEqual(withheld.turns.map((t) => t.index));
        keptTurns.forEach((t, i) => {
          expect(shift.map(t.start)).toBe(withheld.turns[i]!.start);
          for (const s of t.sentences) expect(after.slice(shift.map(s.start), shift.map(s.end)).join('')).toBe(points.slice(s.start, s.end).join(''));
        });
      }),
    );
  });
});
