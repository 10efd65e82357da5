import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa, crossTabulate } from './cohen-kappa.js';
import { fleissKappa } from './fleiss-kappa.js';
import { nominalAlpha, valueCountsOf } from './krippendorff-alpha.js';
import { percentAgreement } from './percent-agreement.js';

const labels = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 });
const twoRaters = labels.chain((a) => fc.tuple(fc.constant(a), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: a.length, maxLength: a.length })));
const varied = (a: readonly number[]): boolean => new Set(a).size > 1;
/** Reliability data: 2–5 coders × 1–20 units, some values missing. */
const data = fc.integer({ min: 1, max: 20 }).chain((units) =>
  fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }), { minLength: units, maxLength: units }), { minLength: 2, maxLength: 5 }),
);

describe('properties', () => {
  it("kappa(a, a) = 1 when a varies; NaN when it does not (chance agreement is 1)", () => {
    fc.assert(
      fc.property(labels, (a) => {
        const kappa = cohenKappa(crossTabulate(a, a).table);
        if (varied(a)) expect(kappa).toBe(1);
        else expect(kappa).toBeNaN();
      }),
    );
  });

  it('kappa is symmetric and lies in [-1, 1]', () => {
    fc.assert(
      fc.property(twoRaters, ([a, b]) => {
        const ab = cohenKappa(crossTabulate(a, b).table);
        const ba = cohenKappa(crossTabulate(b, a).table);
        if (Number.isNaN(ab)) {
          expect(ba).toBeNaN();
          return;
        }
        expect(ba).toBeCloseTo(ab, 12);
        expect(ab).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(ab).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('alpha is 1 when every coder of a unit agrees (and the data vary); never above 1', () => {
    fc.assert(
      fc.property(data, (rows) => {
        const alpha = nominalAlpha(rows);
        if (!Number.isNaN(alpha)) expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
        // Make every coder agree with the first value given in each unit.
        const agreed = rows.map((row) => row.map((v, u) => (v === null ? null : rows.map((r) => r[u]).find((x) => x !== null)!)));
        const pairable = valueCountsOf(agreed).counts.filter((c) => c.reduce((a, b) => a + b, 0) >= 2);
        const values = new Set(pairable.map((c) => c.findIndex((n) => n > 0)));
        const perfect = nominalAlpha(agreed);
        if (values.size > 1) expect(perfect).toBeCloseTo(1, 12);
        else expect(perfect).toBeNaN();
      }),
    );
  });

  it('percent agreement lies in [0, 1], and is 1 exactly when every pairable unit agrees', () => {
    fc.assert(
      fc.property(data, (rows) => {
        const counts = valueCountsOf(rows, [0, 1, 2]).counts;
        const p = percentAgreement(counts);
        const pairable = counts.filter((c) => c.reduce((a, b) => a + b, 0) >= 2);
        if (pairable.length === 0) {
          expect(p).toBeNaN();
          return;
        }
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(p === 1).toBe(pairable.every((c) => c.filter((n) => n > 0).length === 1));
      }),
    );
  });

  it("weights count a row as that many units (Fleiss, alpha, percent agreement)", () => {
    const rows = [
      [2, 0],
      [1, 1],
      [0, 2],
    ];
    const times = [3, 1, 2];
    const expanded = rows.flatMap((r, i) => new Array<number[]>(times[i]!).fill(r));
    expect(fleissKappa(rows, times)).toBeCloseTo(fleissKappa(expanded), 12);
    expect(percentAgreement(rows, times)).toBeCloseTo(percentAgreement(expanded), 12);
  });
});

describe('undefined and edge cases', () => {
  it('kappa of an empty table is NaN; a rater who never varies against one who does gives 0', () => {
    expect(cohenKappa([[0, 0], [0, 0]])).toBeNaN();
    // Rater 1 never gives the code; rater 2 gives it to 3 of 10: po 0.7 = pe.
    expect(cohenKappa([[7, 3], [0, 0]])).toBeCloseTo(0, 12);
  });

  it('Fleiss refuses subjects with different numbers of ratings', () => {
    expect(() => fleissKappa([[2, 0], [1, 2]])).toThrow(RangeError);
  });

  it('alpha is NaN with no pairable unit or a single value throughout', () => {
    expect(nominalAlpha([[1, null], [null, 2]])).toBeNaN();
    expect(nominalAlpha([[1, 1], [1, 1]])).toBeNaN();
  });
});
