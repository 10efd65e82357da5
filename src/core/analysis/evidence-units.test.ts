import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectBelow, countEvidenceByCode, countEvidenceUnits, EvidenceUnitCount, foldEvidenceBy, foldEvidenceUnits } from './evidence-units.js';

const at = (source: string, segment: string, code = 'c'): { source: string; segment: string; code: string } => ({ source, segment, code });

describe('foldEvidenceUnits', () => {
  it('counts a segment coded by several coders once', () => {
    expect(countEvidenceUnits([at('w01', '3.1'), at('w01', '3.1'), at('w01', '3.2')])).toBe(2);
  });

  it('folds sentences into their turn when the turn is coded too, whatever the order', () => {
    const rows = [at('w01', '3.1'), at('w01', '3'), at('w01', '3.2'), at('w01', '4.1'), at('w02', '3.1')];
    expect(foldEvidenceUnits(rows).map((r) => `${r.source} ${r.segment}`)).toEqual(['w01 3', 'w01 4.1', 'w02 3.1']);
  });

  it('does not fold turn 1 into turn 10 or 1.1 into 11', () => {
    expect(countEvidenceUnits([at('w01', '1'), at('w01', '10.1'), at('w01', '11')])).toBe(3);
  });

  it('never counts more than the distinct segments nor less than the distinct turns', () => {
    const place = fc.record({ source: fc.constantFrom('a', 'b'), segment: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 })).map(([t, s]) => (s === 0 ? `${t}` : `${t}.${s}`)) });
    fc.assert(
      fc.property(fc.array(place, { maxLength: 30 }), (rows) => {
        const n = countEvidenceUnits(rows);
        expect(n).toBeLessThanOrEqual(new Set(rows.map((r) => `${r.source} ${r.segment}`)).size);
        expect(n).toBeGreaterThanOrEqual(new Set(rows.map((r) => `${r.source} ${r.segment.split('.')[0]}`)).size);
      }),
    );
  });
});

describe('EvidenceUnitCount', () => {
  it('counts rows grouped by source, one at a time, as countEvidenceUnits counts them all', () => {
    const place = fc.record({ source: fc.constantFrom('a', 'b', 'c'), segment: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 })).map(([t, s]) => (s === 0 ? `${t}` : `${t}.${s}`)) });
    fc.assert(
      fc.property(fc.array(place, { maxLength: 40 }), (rows) => {
        // Grouped by source as codings list gives them; within a source, any order.
        const grouped = [...rows].sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : 0));
        const counted = new EvidenceUnitCount();
        for (const row of grouped) counted.add(row);
        expect(counted.count).toBe(countEvidenceUnits(rows));
      }),
    );
  });
});

describe('countEvidenceByCode', () => {
  const codes = [
    { id: 'role', parent: null },
    { id: 'role/educator', parent: 'role' },
    { id: 'role/broker', parent: 'role' },
  ];

  it('gives a category the folded evidence of its codes, and each code its own', () => {
    const rows = [at('w01', '2', 'role/educator'), at('w01', '2.1', 'role/broker'), at('w01', '5.1', 'role/broker'), at('w01', '5.1', 'role/educator')];
    const counts = countEvidenceByCode(codes, rows);
    expect(counts.get('role/educator')).toEqual({ own: 2, total: 2 });
    expect(counts.get('role/broker')).toEqual({ own: 2, total: 2 });
    // 2 absorbs 2.1; 5.1 coded twice counts once.
    expect(counts.get('role')).toEqual({ own: 0, total: 2 });
  });
});

describe('foldEvidenceBy', () => {
  it('applies the same rule to integer keys (segment ids, with the turn id of a sentence)', () => {
    // Turn 10 with sentences 11 and 12; sentence 21 of turn 20, whose turn is not coded.
    const rows = [{ id: 11, turn: 10 }, { id: 10, turn: null }, { id: 12, turn: 10 }, { id: 21, turn: 20 }, { id: 21, turn: 20 }];
    const kept = foldEvidenceBy(rows, { segment: (r) => r.id, turn: (r) => r.turn });
    expect(kept.map((r) => r.id)).toEqual([10, 21]);
  });

  it('folds into the sets it is given', () => {
    const turns = new Set<number>();
    const seen = new Set<number>();
    foldEvidenceBy([{ id: 1, turn: null }, { id: 2, turn: 1 }], { segment: (r) => r.id, turn: (r) => r.turn }, { turns, seen });
    expect([...turns]).toEqual([1]);
    expect([...seen]).toEqual([1, 2]);
  });
});

describe('collectBelow', () => {
  it('collects more rows than a function call can take as arguments', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => i);
    const children = new Map([['a', ['a/b']]]);
    expect(collectBelow('a', children, new Map([['a/b', rows]]))).toHaveLength(300_000);
  });
});
