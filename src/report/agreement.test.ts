import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { AgreementSummary, Disagreement } from '../core/analysis/agreement.js';
import { agreementCsv, agreementFooter, agreementHeading, agreementTable, disagreementsCsv, disagreementText } from './agreement.js';
import { displayWidth } from './text-layout.js';

const plain = new Chalk({ level: 0 });

const summary: AgreementSummary = {
  units: 40,
  pairable: 30,
  coders: ['ana', 'auto'],
  kappaMeasure: 'cohen',
  codes: [
    { code: 'role/educator', units: 30, coded: { ana: 4, auto: 6 }, agreed: 28, percentAgreement: 28 / 30, kappa: 0.7142857, alpha: 0.71, precision: 0.6667, recall: 1, f1: 0.8 },
    { code: 'barrier/cost', units: 30, coded: { ana: 0, auto: 2 }, agreed: 28, percentAgreement: 28 / 30, kappa: null, alpha: -0.01, precision: 0, recall: 0, f1: 0 },
  ],
  unused: ['role/broker'],
  pooled: { percentAgreement: 56 / 60, kappa: 0.55, alpha: 0.54, codes: 2, judgements: 60 },
  average: { percentAgreement: 56 / 60, kappa: 0.7142857, alpha: 0.35, codes: 2 },
  machine: { machine: 'auto', human: 'ana', micro: { precision: 0.5, recall: 1, f1: 0.6667 }, macro: { precision: 0.33, recall: 0.5, f1: 0.4 } },
};

describe('agreement table', () => {
  it('has a row per code, then pooled and mean, with P/R/F1 when a machine is compared; undefined is a dash', () => {
    const { columns, rows } = agreementTable(summary, plain, false);
    expect(columns.map((c) => c.title)).toEqual(['code', 'ana', 'auto', 'agree', 'kappa', 'alpha', 'P', 'R', 'F1']);
    expect(rows).toEqual([
      ['role/educator', 4, 6, '93.3%', '0.714', '0.710', '0.67', '1.00', '0.80'],
      ['barrier/cost', 0, 2, '93.3%', '—', '-0.010', '0.00', '0.00', '0.00'],
      ['(pooled)', 4, 8, '93.3%', '0.550', '0.540', '0.50', '1.00', '0.67'],
      ['(mean)', '', '', '93.3%', '0.714', '0.350', '0.33', '0.50', '0.40'],
    ]);
  });

  it('says how many units only one coder judged', () => {
    expect(agreementHeading(summary, 'turn', 3, false, plain)).toBe('ana × auto: 40 turns in 3 sources (30 judged by two or more coders), interviewer turns left out\n');
  });

  it('lists sources compared and left out (grouped by who coded them), unused codes and a reading guide, within the width', () => {
    const sources = {
      compared: ['w01', 'w02'],
      leftOut: Array.from({ length: 60 }, (_, i) => ({ name: `source-${String(i).padStart(2, '0')}`, coders: ['auto'] })),
    };
    for (const width of [80, 120]) {
      const text = agreementFooter(summary, sources, false, width, plain);
      expect(text.split('\n').every((line) => displayWidth(line) <= width)).toBe(true);
      expect(text).toMatch(/^Compared \(2\): w01, w02$/m);
      expect(text).toMatch(/^Left out \(60, coded by auto only; --all-sources compares them\): source-00,/m);
      expect(text).toMatch(/… \d+ more \(--json lists all\)$/m);
      expect(text).toMatch(/^No coder gave these codes here \(not pooled\): role\/broker$/m);
      expect(text).toMatch(/Krippendorff 2004/);
      expect(text).toMatch(/P\/R\/F1: auto scored against ana/);
    }
  });

  it('gives CSV a row per code, then pooled and mean, numbers unrounded', () => {
    const { header, rows } = agreementCsv(summary);
    expect(header).toEqual(['code', 'units', 'coded_ana', 'coded_auto', 'agreed', 'percent_agreement', 'kappa', 'alpha', 'precision', 'recall', 'f1']);
    expect(rows[0]).toEqual(['role/educator', 30, 4, 6, 28, 28 / 30, 0.7142857, 0.71, 0.6667, 1, 0.8]);
    expect(rows.map((r) => r[0])).toEqual(['role/educator', 'barrier/cost', '(pooled)', '(mean)']);
  });
});

describe('disagreements', () => {
  const d: Disagreement = {
    source: '09-sumiati',
    segment: '20',
    speaker: 'Sumiati',
    participant: 'Sumiati',
    text: 'KK-ku masih KK lama, alamatnya di Tebing Tinggi, kampung suami. KTP-ku pun masih alamat sana.',
    codes: { ana: ['barrier/documentation', 'role/broker'], auto: ['barrier/documentation'], budi: null },
  };

  it('shows the unit, its text wrapped, the codes all gave and each coder’s own', () => {
    expect(disagreementText(d, 60, plain)).toBe(
      [
        '09-sumiati · 20 · Sumiati',
        '    KK-ku masih KK lama, alamatnya di Tebing Tinggi, kampung',
        '    suami. KTP-ku pun masih alamat sana.',
        '  both  barrier/documentation',
        '  ana   role/broker',
        '  auto  —',
        '  budi  (did not code this source)',
        '',
      ].join('\n'),
    );
  });

  it('as CSV: one column per coder, NA for one who did not code the source', () => {
    expect(disagreementsCsv([d], ['ana', 'auto', 'budi']).rows).toEqual([['09-sumiati', '20', 'Sumiati', 'Sumiati', d.text, 'barrier/documentation; role/broker', 'barrier/documentation', 'NA']]);
  });
});
