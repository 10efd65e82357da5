import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE } from '../../../test/helpers/spawn-cli.js';
import { AgreementTally, type UnitCodeRow } from './agreement-tally.js';
import { summarizeAgreement } from './agreement.js';
import { cohenKappa } from './reliability/cohen-kappa.js';
import { nominalAlpha } from './reliability/krippendorff-alpha.js';

/** Rows from per-coder yes/no vectors of one code (null: the coder did not judge the unit). */
function rowsOf(code: string, coders: readonly string[], data: readonly (readonly (number | null)[])[]): UnitCodeRow[] {
  const out: UnitCodeRow[] = [];
  for (let u = 0; u < data[0]!.length; u++) coders.forEach((coder, i) => data[i]![u] === 1 && out.push({ unitId: u, code, coder }));
  return out;
}

describe('summarizeAgreement', () => {
  it('gives a hand-checked code its counts, percent agreement, kappa and alpha', () => {
    const tally = new AgreementTally(['ana', 'budi'], () => true);
    // 10 units: both 2, ana only 1, budi only 1, neither 6.
    tally.addSource(0b11, 10, rowsOf('a', ['ana', 'budi'], [[1, 1, 1, 0, 0, 0, 0, 0, 0, 0], [1, 1, 0, 1, 0, 0, 0, 0, 0, 0]]));
    const s = summarizeAgreement(tally, { codes: ['a', 'unused'], excludeUncoded: false });
    expect(s.codes).toHaveLength(1);
    const a = s.codes[0]!;
    expect(a).toMatchObject({ code: 'a', units: 10, coded: { ana: 3, budi: 3 }, agreed: 8, percentAgreement: 0.8 });
    // po 0.8, pe 0.7² + 0.3² = 0.58
    expect(a.kappa).toBeCloseTo(0.22 / 0.42, 12);
    // alpha = 1 − (n − 1)·Σo(c≠k) / Σn_c·n_k(c≠k) = 1 − 19·4 / (2·14·6)
    expect(a.alpha).toBeCloseTo(1 - 76 / 168, 12);
    expect(s.unused).toEqual(['unused']);
    expect(s.kappaMeasure).toBe('cohen');
    expect(s.pooled).toMatchObject({ codes: 1, judgements: 10, percentAgreement: 0.8 });
    expect(s.pooled.kappa).toBeCloseTo(a.kappa!, 12);
  });

  it('reproduces the Krippendorff (2011) binary example through the tally', () => {
    const v = JSON.parse(readFileSync(join(REFERENCE, 'reliability', 'krippendorff-2011-binary-2observers-10units.json'), 'utf8')) as { data: number[][] };
    const tally = new AgreementTally(['a', 'b'], () => true);
    tally.addSource(0b11, 10, rowsOf('x', ['a', 'b'], v.data));
    const x = summarizeAgreement(tally, { codes: [], excludeUncoded: false }).codes[0]!;
    expect(x.alpha).toBeCloseTo(0.095, 3);
    expect(x.alpha).toBeCloseTo(nominalAlpha(v.data), 12);
  });

  it('pools codes × units as one data set: kappa of the summed tables, alpha of all judgements', () => {
    const tally = new AgreementTally(['ana', 'budi'], () => true);
    const a = [[1, 1, 0, 0, 0, 1], [1, 0, 0, 0, 0, 1]];
    const b = [[0, 0, 1, 1, 0, 0], [0, 1, 1, 0, 0, 0]];
    tally.addSource(0b11, 6, [...rowsOf('a', ['ana', 'budi'], a), ...rowsOf('b', ['ana', 'budi'], b)].sort((x, y) => x.unitId - y.unitId));
    const s = summarizeAgreement(tally, { codes: ['a', 'b'], excludeUncoded: false });
    const pooledData = [[...a[0]!, ...b[0]!], [...a[1]!, ...b[1]!]];
    expect(s.pooled.alpha).toBeCloseTo(nominalAlpha(pooledData), 12);
    // summed 2 × 2: (no,no) 3+3, (yes,no) 1+1, (no,yes) 0+1, (yes,yes) 2+1
    expect(s.pooled.kappa).toBeCloseTo(cohenKappa([[6, 1], [2, 3]]), 12);
    expect(s.pooled.percentAgreement).toBeCloseTo(9 / 12, 12);
    expect(s.average.kappa).toBeCloseTo((s.codes[0]!.kappa! + s.codes[1]!.kappa!) / 2, 12);
  });

  it('treats a coder who did not code a source as missing there: alpha uses the rest, kappa only units both judged', () => {
    const tally = new AgreementTally(['ana', 'budi', 'cici'], () => true);
    const data = [
      [1, 0, 1, 0, null, null],
      [1, 0, 0, 0, null, null],
      [1, 1, 1, 0, null, null],
    ];
    tally.addSource(0b111, 4, rowsOf('a', ['ana', 'budi', 'cici'], data.map((r) => r.slice(0, 4))));
    // A second source only ana and cici coded: budi is missing on its units.
    const second = [
      [1, 0],
      [null, null],
      [0, 0],
    ];
    tally.addSource(0b101, 2, rowsOf('a', ['ana', 'budi', 'cici'], second));
    const s = summarizeAgreement(tally, { codes: ['a'], excludeUncoded: false });
    const all = data.map((row, i) => [...row.slice(0, 4), ...second[i]!]);
    expect(s.kappaMeasure).toBe('fleiss');
    expect(s.codes[0]!.units).toBe(6);
    expect(s.codes[0]!.alpha).toBeCloseTo(nominalAlpha(all), 12);
    expect(s.units).toBe(6);
  });

  it('scores a machine against a human per code and micro/macro; a ratio with nothing to divide is null and not averaged', () => {
    const tally = new AgreementTally(['ana', 'auto'], () => true);
    const rows = [
      ...rowsOf('a', ['ana', 'auto'], [[1, 1, 1, 0, 0], [1, 1, 0, 1, 0]]),
      ...rowsOf('b', ['ana', 'auto'], [[0, 0, 0, 0, 1], [0, 0, 0, 0, 0]]),
      ...rowsOf('c', ['ana', 'auto'], [[0, 0, 0, 0, 0], [0, 0, 0, 1, 1]]),
    ].sort((x, y) => x.unitId - y.unitId);
    tally.addSource(0b11, 5, rows);
    const s = summarizeAgreement(tally, { codes: ['a', 'b', 'c'], excludeUncoded: false, machine: 1 });
    const [a, b, c] = s.codes;
    // a: tp 2, fp 1, fn 1; b: the machine never gave it (precision undefined), missed 1; c: the human never gave it.
    expect(a).toMatchObject({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
    expect(b).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(c).toMatchObject({ precision: 0, recall: null, f1: 0 });
    expect(s.machine).toMatchObject({ machine: 'auto', human: 'ana' });
    // micro: tp 2, fp 3, fn 2
    expect(s.machine!.micro.precision).toBeCloseTo(2 / 5, 12);
    expect(s.machine!.micro.recall).toBeCloseTo(2 / 4, 12);
    expect(s.machine!.macro.precision).toBeCloseTo((2 / 3 + 0) / 2, 12);
    expect(s.machine!.macro.recall).toBeCloseTo((2 / 3 + 0) / 2, 12);
    expect(s.machine!.macro.f1).toBeCloseTo(2 / 9, 12);
  });

  it('says null, not NaN, where a statistic is undefined', () => {
    const tally = new AgreementTally(['ana', 'budi'], () => true);
    // Both gave the code to every unit: no variation.
    tally.addSource(0b11, 3, rowsOf('a', ['ana', 'budi'], [[1, 1, 1], [1, 1, 1]]));
    const a = summarizeAgreement(tally, { codes: ['a'], excludeUncoded: false }).codes[0]!;
    expect(a).toMatchObject({ percentAgreement: 1, kappa: null, alpha: null });
    expect(JSON.parse(JSON.stringify(a)).kappa).toBeNull();
  });
});
