import { describe, expect, it } from 'vitest';
import { cooccurrenceMatrix } from '../core/analysis/cooccurrence.js';
import { attributeMatrix } from '../core/analysis/attribute-matrix.js';
import { unitSetOf } from '../core/analysis/unit-sets.js';
import { attributeLayout, cooccurrenceLayout } from './matrix.js';
import { layoutMatrix } from './matrix-layout.js';
import { displayWidth } from './text-layout.js';

const CODES = [
  'role/educator',
  'role/broker',
  'role/advocate',
  'role/organizer',
  'strategy/tailored-education',
  'strategy/registration-assistance',
  'strategy/digital-outreach',
  'strategy/peer-agents',
  'strategy/partnership',
  'barrier/literacy-information',
  'barrier/distrust',
  'barrier/documentation',
  'barrier/digital-access',
  'barrier/economic',
  'outcome/understanding',
  'outcome/enrollment',
];

// Sixteen codes with up to four-digit counts, as the sample study gives them.
const cooccurrence = cooccurrenceMatrix(CODES.map((code, i) => ({ code, label: '', category: false, units: unitSetOf(Array.from({ length: 40 + i * 90 }, (_, k) => k * (i + 1))) })));

/** Panels are separated by a blank line; each starts with its header line. */
const panels = (text: string): string[][] => text.trimEnd().split('\n\n').map((p) => p.split('\n'));

describe('layoutMatrix', () => {
  it.each([80, 120])('fits co-occurrence of 16 codes in %i columns, every column in some panel', (width) => {
    const text = layoutMatrix(cooccurrenceLayout(cooccurrence, false), width);
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    const headers = panels(text).map((p) => p[0]!.trim().split(/\s+/).slice(1));
    expect(headers.flat()).toEqual(CODES.map((_, i) => String(i + 1)));
    // Every panel lists every code, numbered as the columns are.
    for (const p of panels(text)) expect(p.slice(1).map((l) => l.trim().split(/\s+/)[0])).toEqual(CODES.map((_, i) => String(i + 1)));
    expect(panels(text).length).toBe(width === 80 ? 2 : 1);
  });

  it('puts the counts under their columns', () => {
    const text = layoutMatrix(cooccurrenceLayout(cooccurrence, false), 120);
    const [header, first] = text.split('\n') as [string, string];
    const col16 = header.lastIndexOf('16') + 2;
    expect(first.slice(0, col16).trimEnd().endsWith(String(cooccurrence.counts[0]![15]))).toBe(true);
    expect(first).toMatch(/^ 1 role\/educator +40 /);
  });

  it('shows Jaccard indices with two decimals and a dash on the diagonal', () => {
    const text = layoutMatrix(cooccurrenceLayout(cooccurrence, true), 120);
    expect(text.split('\n')[1]).toMatch(/^ 1 role\/educator +– +0\.\d\d /);
  });

  it('lays one table out without panels or cuts when the width is unbounded (--wide)', () => {
    const text = layoutMatrix(cooccurrenceLayout(cooccurrence, false), Infinity);
    expect(panels(text)).toHaveLength(1);
    expect(text).toContain('strategy/registration-assistance');
  });

  it('fits a framework matrix with long values in 80 and 120 columns, listing the cut headings', () => {
    const values = ['pedagang kaki lima', 'pengemudi ojek online', 'pekerja rumah tangga', 'pemulung', 'nelayan', 'buruh angkut'];
    const memberValue = new Map(values.map((v, i) => [i + 1, v] as const));
    const matrix = attributeMatrix(
      CODES.map((code, c) => ({
        code,
        label: '',
        category: false,
        depth: 0,
        byValue: new Map(values.map((v, i) => [v, { units: unitSetOf(Array.from({ length: (c * 7 + i * 13) % 120 }, (_, k) => k + 1)), members: 1 }])),
      })),
      [...memberValue.values()].map((value) => ({ value, members: 3 })),
    );
    for (const width of [80, 120]) {
      const text = layoutMatrix(attributeLayout(matrix, 'participants'), width);
      for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      // A long value is cut, its number of members never.
      expect(text).toMatch(/ pengemudi oje… \(3\)/);
      expect(text).toMatch(/^pengemudi oje… = pengemudi ojek online$/m);
      expect(text.match(/units ppl +%/g)!.length).toBe(values.length);
    }
  });
});
