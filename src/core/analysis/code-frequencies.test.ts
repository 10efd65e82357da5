import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCodeFrequencies } from './code-frequencies.js';
import { CodingColumnsBuilder, type CodingColumns } from './coding-columns.js';
import { countEvidenceByCode } from './evidence-units.js';

const CODES = [
  { id: 'role', parent: null, label: 'Roles' },
  { id: 'role/educator', parent: 'role', label: 'Educator' },
  { id: 'role/broker', parent: 'role', label: 'Broker' },
  { id: 'barrier', parent: null, label: 'Barriers' },
];

/** A coding at segment `id` (a sentence of turn `turn`, or a turn when turn is null). */
interface At {
  id: number;
  turn: number | null;
  source: number;
  participant: number | null;
  code: string;
  coder?: string;
  origin?: string;
  rejected?: boolean;
}

function columns(codings: At[], counts: (c: At) => boolean = (c) => !c.rejected && c.origin !== 'suggested'): CodingColumns {
  const builder = new CodingColumnsBuilder(2);
  for (const c of codings) builder.add(c.id, c.turn, c.source, c.participant, c.code, c.coder ?? 'auto', c.origin ?? 'auto', c.rejected ?? false);
  builder.markCounted((coder, origin) => counts({ id: 0, turn: null, source: 0, participant: null, code: '', coder, origin }));
  return builder.build();
}

const row = (result: ReturnType<typeof countCodeFrequencies>, code: string) => result.codes.find((r) => r.code === code)!;

describe('countCodeFrequencies', () => {
  const codings: At[] = [
    // Source 1: turn 10 (Sumiati) coded educator, its sentence 11 too (absorbed); sentence 21 of turn 20 by two coders.
    { id: 10, turn: null, source: 1, participant: 7, code: 'role/educator' },
    { id: 11, turn: 10, source: 1, participant: 7, code: 'role/educator' },
    { id: 21, turn: 20, source: 1, participant: 8, code: 'role/broker' },
    { id: 21, turn: 20, source: 1, participant: 8, code: 'role/broker', coder: 'rina', origin: 'manual' },
    // Source 2: a note (no participant) coded broker and educator: one segment for the category.
    { id: 31, turn: 30, source: 2, participant: null, code: 'role/broker' },
    { id: 31, turn: 30, source: 2, participant: null, code: 'role/educator', coder: 'rina', origin: 'manual' },
    // Never counted: a rejected proposal, an unaccepted suggestion.
    { id: 41, turn: 40, source: 3, participant: 9, code: 'barrier', rejected: true },
    { id: 42, turn: 40, source: 3, participant: 9, code: 'barrier', coder: 'model', origin: 'suggested' },
  ];

  it('counts each segment once per code, folds coded turns over their sentences, and rolls categories up', () => {
    const result = countCodeFrequencies(CODES, columns(codings));
    expect(result.codes.map((r) => [r.code, r.depth, r.category, r.segments, r.sources, r.participants])).toEqual([
      ['role', 0, true, 3, 2, 2],
      ['role/educator', 1, false, 2, 2, 1],
      ['role/broker', 1, false, 2, 2, 1],
      ['barrier', 0, false, 0, 0, 0],
    ]);
    expect(result.by).toBeNull();
    expect(result.groups).toEqual([]);
  });

  it('counts a suggestion when the scope names its origin, and never a rejected proposal', () => {
    const result = countCodeFrequencies(CODES, columns(codings, () => true));
    expect(row(result, 'barrier')).toMatchObject({ segments: 1, sources: 1, participants: 1 });
  });

  it('splits by coder: each coder counted on their own, under the same rule', () => {
    const result = countCodeFrequencies(CODES, columns(codings), 'coder');
    expect(result.groups).toEqual(['auto', 'rina']);
    expect(row(result, 'role').by).toEqual({ auto: { segments: 3, sources: 2, participants: 2 }, rina: { segments: 2, sources: 2, participants: 1 } });
    expect(row(result, 'role/educator').by.rina).toEqual({ segments: 1, sources: 1, participants: 0 });
  });

  it('splits by origin in a fixed order, leaving out origins with nothing that counts', () => {
    const result = countCodeFrequencies(CODES, columns(codings), 'origin');
    expect(result.groups).toEqual(['auto', 'manual']);
    expect(row(result, 'role/broker').by).toEqual({ auto: { segments: 2, sources: 2, participants: 1 }, manual: { segments: 1, sources: 1, participants: 1 } });
  });

  it('gives the segment numbers codebook show gives (countEvidenceByCode over addresses)', () => {
    // Segments 1-40: turn t*10 with sentences t*10+1..t*10+3, in two sources.
    const place = fc.record({ turn: fc.integer({ min: 1, max: 4 }), sentence: fc.integer({ min: 0, max: 3 }), code: fc.constantFrom('role/educator', 'role/broker', 'barrier'), coder: fc.constantFrom('auto', 'rina') });
    fc.assert(
      fc.property(fc.array(place, { maxLength: 40 }), (places) => {
        const at = places.map((p) => ({ id: p.turn * 10 + p.sentence, turn: p.sentence ? p.turn * 10 : null, source: p.turn <= 2 ? 1 : 2, participant: p.turn, code: p.code, coder: p.coder }));
        const ours = countCodeFrequencies(CODES, columns(at));
        const address = places.map((p) => ({ source: p.turn <= 2 ? 'a' : 'b', segment: p.sentence ? `${p.turn}.${p.sentence}` : `${p.turn}`, code: p.code }));
        const shown = countEvidenceByCode(CODES, address);
        for (const r of ours.codes) expect(r.segments, r.code).toBe(shown.get(r.code)!.total);
      }),
    );
  });
});

describe('CodingColumnsBuilder', () => {
  it('grows past its first capacity and names codes, coders and origins by index', () => {
    const builder = new CodingColumnsBuilder(1);
    for (let i = 1; i <= 5; i++) builder.add(i, null, 1, null, i % 2 ? 'a' : 'b', 'auto', 'auto', i === 5);
    builder.markCounted((_coder, origin) => origin === 'auto');
    const c = builder.build();
    expect(c.length).toBe(5);
    expect(c.codes).toEqual(['a', 'b']);
    expect([...c.code.slice(0, 5)]).toEqual([0, 1, 0, 1, 0]);
    expect([...c.counts.slice(0, 5)]).toEqual([1, 1, 1, 1, 0]);
  });
});
