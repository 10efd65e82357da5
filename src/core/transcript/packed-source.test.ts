import { describe, expect, it } from 'vitest';
import { buildSource, type ResolvedTurn } from './build-source.js';
import { packedBuffers, packedBytes, packSource, unpackTurns } from './packed-source.js';

const turn = (speaker: string | null, text: string, role: ResolvedTurn['role'] = null, participant: string | null = null, startMs: number | null = null, endMs: number | null = null): ResolvedTurn => ({ speaker, role, participant, text, startMs, endMs });

describe('packSource', () => {
  it('gives back every turn and sentence as buildSource laid them out, nulls and withheld numbering included', () => {
    const built = buildSource([
      turn('Pewawancara', 'Sudah daftar BPJS? Kapan?', 'interviewer', null, 0, 4000),
      turn('Sumiati', 'Belum, Bu. Iuran berat 😅 sekali. Nanti saja.', 'participant', 'Sumiati', 5000, null),
      { ...turn('Rina', 'Saya mundur.', 'participant', 'Rina'), withheld: true },
      turn('Ucok', 'Kartu dulu.', 'participant', null, null, 3_600_000_123),
      turn(null, 'Catatan lapangan tanpa pembicara.'),
      turn('Sumiati', 'Ya.', 'participant', 'Sumiati'),
    ]);
    const packed = packSource(built);
    expect(unpackTurns(packed)).toEqual(built.turns);
    expect(packed).toMatchObject({ text: built.text, words: built.words, turnCount: 5, segmentCount: 5 + built.turns.reduce((n, t) => n + t.sentences.length, 0) });
    // Speakers and participants are stored once each, however many turns name them.
    expect(packed.strings).toEqual(['Pewawancara', 'Sumiati', 'Ucok']);
    expect(built.turns.map((t) => t.index)).toEqual([1, 2, 4, 5, 6]);
  });

  it('counts its text and arrays against the read-ahead budget, and names the buffers to transfer', () => {
    const packed = packSource(buildSource([turn('A', 'Satu. Dua.'), turn('B', 'Tiga.')]));
    expect(packedBytes(packed)).toBe(2 * packed.text.length + 2 * 7 * 4 + 2 * 2 * 8 + 3 * 2 * 4);
    expect(packedBuffers(packed)).toEqual([packed.turnInts.buffer, packed.turnMs.buffer, packed.sentenceBounds.buffer]);
  });

  it('packs a source without turns', () => {
    const packed = packSource({ text: '', turns: [], words: 0 });
    expect(unpackTurns(packed)).toEqual([]);
    expect(packed.segmentCount).toBe(0);
  });
});
