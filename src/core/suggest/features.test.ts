import { describe, expect, it } from 'vitest';
import { createStemmers } from '../coding/stemmers.js';
import { buildVocabulary, extractFeatures, vectorizeFeatures } from './features.js';

const stemmers = createStemmers();

describe('extractFeatures', () => {
  it('gives Indonesian and English stems in one namespace, and bigrams of Indonesian stems', () => {
    expect(extractFeatures('Pendaftaran files', stemmers)).toEqual(['daftar', 'pendaftaran', 'files', 'file', 'daftar files']);
  });

  it('keeps each feature once, in order of first appearance', () => {
    const features = extractFeatures('Saya daftar, saya daftar lagi.', stemmers);
    expect(features).toEqual(['saya', 'daftar', 'saya daftar', 'lagi', 'daftar lagi']);
    expect(new Set(features).size).toBe(features.length);
  });

  it('does not pair words across a clause break', () => {
    const features = extractFeatures('Belum. Penghasilan nggak tentu', stemmers);
    expect(features).toContain('hasil nggak');
    expect(features).toContain('nggak tentu');
    expect(features).not.toContain('belum hasil');
  });

  it('lower-cases words and treats the typographic apostrophe as a plain one', () => {
    expect(extractFeatures('JMO don’t', stemmers, ['en'])).toEqual(['jmo', "don't", "jmo don't"]);
  });

  it('uses only the languages asked for; the first one makes the bigrams', () => {
    expect(extractFeatures('membayar iuran', stemmers, ['id'])).toEqual(['bayar', 'iur', 'bayar iur']);
    expect(extractFeatures('membayar iuran', stemmers, ['en', 'id'])).toEqual(['membayar', 'bayar', 'iuran', 'iur', 'membayar iuran']);
  });

  it('finds nothing in a text without words', () => {
    expect(extractFeatures('📄 — …', stemmers)).toEqual([]);
  });
});

describe('buildVocabulary and vectorizeFeatures', () => {
  const vocabulary = buildVocabulary([
    ['a', 'b'],
    ['a', 'c'],
    ['a', 'b', 'c'],
  ]);

  it('numbers features in order of first appearance with a smoothed idf', () => {
    expect([...vocabulary.index]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    // n = 3: a is in 3 units, b and c in 2: ln(4/4) + 1 and ln(4/3) + 1
    expect(vocabulary.idf[0]).toBeCloseTo(1, 12);
    expect(vocabulary.idf[1]).toBeCloseTo(Math.log(4 / 3) + 1, 12);
    expect(vocabulary.idf[2]).toBeCloseTo(Math.log(4 / 3) + 1, 12);
  });

  it('scales every vector by the median training length, and drops unknown features', () => {
    const rare = Math.log(4 / 3) + 1;
    const lengths = [Math.sqrt(1 + rare ** 2), Math.sqrt(1 + rare ** 2), Math.sqrt(1 + 2 * rare ** 2)];
    expect(vocabulary.scale).toBeCloseTo(lengths[1]!, 12);
    const x = vectorizeFeatures(['c', 'zzz', 'a'], vocabulary);
    expect([...x.indices]).toEqual([2, 0]);
    expect(x.values[0]).toBeCloseTo(rare / vocabulary.scale, 12);
    expect(x.values[1]).toBeCloseTo(1 / vocabulary.scale, 12);
  });

  it('gives a short unit less weight than a long one with the same words', () => {
    const v = buildVocabulary([['ada'], ['ada', 'iur', 'mahal'], ['iur', 'tipu']]);
    const norm = (f: string[]): number => Math.hypot(...vectorizeFeatures(f, v).values);
    expect(norm(['ada'])).toBeLessThan(norm(['ada', 'iur', 'mahal']));
  });

  it('handles an empty training set and an empty unit', () => {
    const empty = buildVocabulary([]);
    expect(empty.scale).toBe(1);
    expect(vectorizeFeatures([], vocabulary)).toEqual({ indices: new Int32Array(0), values: new Float64Array(0) });
  });
});
