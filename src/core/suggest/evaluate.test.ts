import { describe, expect, it } from 'vitest';
import { crossValidateSuggester } from './evaluate.js';
import { createRandom } from './seeded-random.js';
import type { LabelledUnit } from './suggester.js';

const TOPICS: Record<string, string[]> = {
  'barrier/economic': ['hasil', 'iur', 'mahal', 'uang', 'nunggak', 'gaji'],
  'barrier/documentation': ['ktp', 'kk', 'alamat', 'nik', 'surat', 'domisili'],
  'strategy/tailored-education': ['gambar', 'poster', 'video', 'leaflet', 'contoh', 'sederhana'],
};
const FILLER = ['saya', 'dia', 'itu', 'yang', 'di', 'kami', 'juga', 'sudah', 'ada', 'tidak'];
const CODES = Object.keys(TOPICS);

/** 10 units per topic (three of its words, three filler words) and 5 judged to need no code. */
function topicUnits(): LabelledUnit[] {
  const random = createRandom(3);
  const pick = (words: string[], n: number): string[] => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]!);
  const units: LabelledUnit[] = [];
  for (const code of CODES) {
    for (let i = 0; i < 10; i++) units.push({ features: [...new Set([...pick(TOPICS[code]!, 3), ...pick(FILLER, 3)])], codes: new Set([code]) });
  }
  for (let i = 0; i < 5; i++) units.push({ features: [...new Set(pick(FILLER, 4))], codes: new Set() });
  return units;
}

describe('crossValidateSuggester', () => {
  const units = topicUnits();
  const evaluation = crossValidateSuggester(units, CODES, { seed: 1, folds: 5, minConfidence: 0.5 });

  it('reports every code with counts that add up to the units judged', () => {
    expect(evaluation).toMatchObject({ units: 35, folds: 5, seed: 1, minConfidence: 0.5 });
    expect(evaluation.codes.map((c) => [c.code, c.support])).toEqual(CODES.map((code) => [code, 10]));
    for (const c of evaluation.codes) {
      expect(c.tp + c.fn).toBe(c.support);
      expect(c.tp + c.fp + c.fn + c.tn).toBe(35);
      for (const v of [c.precision, c.recall, c.f1]) expect(v >= 0 && v <= 1).toBe(true);
    }
  });

  it('finds topics with their own words in held-out units', () => {
    expect(evaluation.micro.f1).toBeGreaterThan(0.8);
    expect(evaluation.macro.precision).toBeGreaterThan(0.8);
  });

  it('is deterministic for a seed', () => {
    expect(crossValidateSuggester(topicUnits(), CODES, { seed: 1, folds: 5, minConfidence: 0.5 })).toEqual(evaluation);
  });

  it('predicts nothing at a threshold no confidence reaches', () => {
    const none = crossValidateSuggester(units, CODES, { seed: 1, folds: 5, minConfidence: 1.01 });
    expect(none.codes.every((c) => c.tp === 0 && c.fp === 0)).toBe(true);
    expect(none.micro).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('leaves a unit out of the codes it was not judged on', () => {
    const extra: LabelledUnit = { features: ['uang'], codes: new Set(), rejected: new Set(['barrier/economic']), judged: false };
    const result = crossValidateSuggester([...units, extra], CODES, { seed: 1, folds: 5, minConfidence: 0.5 });
    expect(result.codes.map((c) => c.tp + c.fp + c.fn + c.tn)).toEqual([36, 35, 35]);
  });
});
