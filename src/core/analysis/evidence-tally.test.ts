import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyEvidence, type EvidenceColumns } from './evidence-tally.js';
import { collectBelow, countEvidenceByCode, countEvidenceUnits } from './evidence-units.js';

const codes = [
  { id: 'role', parent: null },
  { id: 'role/educator', parent: 'role' },
  { id: 'role/broker', parent: 'role' },
];

/** Columns from [segment, turn, source, participant, code] rows. */
function columns(codeIds: string[], rows: [number, number, number, number, string][]): EvidenceColumns {
  return {
    codes: codeIds,
    length: rows.length,
    segment: rows.map((r) => r[0]),
    turn: rows.map((r) => r[1]),
    source: rows.map((r) => r[2]),
    participant: rows.map((r) => r[3]),
    code: rows.map((r) => codeIds.indexOf(r[4])),
  };
}

describe('tallyEvidence', () => {
  it('counts segments folded, and the sources and participants they come from', () => {
    // Turn 10 (with sentences 11, 12) coded educator, and its sentence 11 too; sentence 21 of turn 20 coded
    // educator by two coders; a note's sentence 31 (no participant) coded broker; 21 also broker.
    const tally = tallyEvidence(
      codes,
      columns(['role/educator', 'role/broker'], [
        [10, 10, 1, 7, 'role/educator'],
        [11, 10, 1, 7, 'role/educator'],
        [21, 20, 2, 8, 'role/educator'],
        [21, 20, 2, 8, 'role/educator'],
        [31, 30, 3, -1, 'role/broker'],
        [21, 20, 2, 8, 'role/broker'],
      ]),
    );
    expect(tally.get('role/educator')).toEqual({ own: { segments: 2, sources: 2, participants: 2 }, total: { segments: 2, sources: 2, participants: 2 } });
    expect(tally.get('role/broker')!.own).toEqual({ segments: 2, sources: 2, participants: 1 });
    expect(tally.get('role')).toEqual({ own: { segments: 0, sources: 0, participants: 0 }, total: { segments: 3, sources: 3, participants: 2 } });
  });

  it('folds a sentence into its turn when the turn carries another code of the same category', () => {
    const tally = tallyEvidence(codes, columns(['role/educator', 'role/broker'], [
      [10, 10, 1, 7, 'role/educator'],
      [12, 10, 1, 7, 'role/broker'],
    ]));
    expect(tally.get('role')!.total.segments).toBe(1);
    expect(tally.get('role/broker')!.own.segments).toBe(1);
  });

  it('tallies codes found in codings but not in the codebook', () => {
    expect(tallyEvidence(codes, columns(['old/code'], [[5, 4, 1, -1, 'old/code']])).get('old/code')!.own.segments).toBe(1);
  });

  it('agrees with the fold triangulate uses, for any evidence', () => {
    const place = fc.record({
      source: fc.constantFrom('a', 'b'),
      segment: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 })).map(([t, s]) => (s === 0 ? `${t}` : `${t}.${s}`)),
      code: fc.constantFrom('role', 'role/educator', 'role/broker'),
    });
    fc.assert(
      fc.property(fc.array(place, { maxLength: 40 }), (rows) => {
        const counts = countEvidenceByCode(codes, rows);
        const byCode = new Map<string, typeof rows>();
        for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
        const children = new Map([['role', ['role/educator', 'role/broker']]]);
        for (const { id } of codes) {
          expect(counts.get(id)?.own ?? 0).toBe(countEvidenceUnits(byCode.get(id) ?? []));
          expect(counts.get(id)?.total ?? 0).toBe(countEvidenceUnits(collectBelow(id, children, byCode)));
        }
      }),
    );
  });
});
