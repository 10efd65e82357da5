/**
 * What the suggester sees of a unit: the set of its word stems, Indonesian and English in one namespace
 * (so `files` and `file`, `pendaftaran` and `daftar` share a feature), plus bigrams of adjacent stems
 * within a clause, which carry the short phrases that decide a code ("nggak tentu", "tidak punya").
 * Presence, not counts: units are sentences or turns, where a repeated word adds little.
 */
import type { Stemmers } from '../coding/stemmers.js';
import { createWordSpans, lowerWord, scanWords } from '../coding/tokenize.js';

/** The stemmers used for features, as in telaah.yaml `languages`. */
export type FeatureLanguage = 'id' | 'en';

/** A unit as the model reads it: feature indices, each worth `value` (1/√ of all its features, so ‖x‖ ≤ 1). */
export interface SparseVector {
  indices: Int32Array;
  value: number;
}

/**
 * The distinct features of `text` in order of first appearance: each word's stems (per language) and
 * `"a b"` for each pair of adjacent words not split by a clause break, in the first language's stems.
 */
export function extractFeatures(text: string, stemmers: Stemmers, languages: readonly FeatureLanguage[] = ['id', 'en']): string[] {
  const spans = createWordSpans(64);
  scanWords(text, spans);
  const features = new Set<string>();
  const primary = languages[0] ?? 'id';
  let previous: string | null = null;
  for (let k = 0; k < spans.count; k++) {
    const word = lowerWord(text.slice(spans.starts[k]!, spans.ends[k]!));
    for (const language of languages) features.add(stemmers[language](word));
    const stem = stemmers[primary](word);
    if (previous !== null && spans.breaks[k] === 0) features.add(`${previous} ${stem}`);
    previous = stem;
  }
  return [...features];
}

/** Numbers every feature of the training units, in order of first appearance. */
export function buildVocabulary(featureLists: Iterable<readonly string[]>): Map<string, number> {
  const vocabulary = new Map<string, number>();
  for (const features of featureLists) {
    for (const feature of features) if (!vocabulary.has(feature)) vocabulary.set(feature, vocabulary.size);
  }
  return vocabulary;
}

/**
 * The unit's known features as a vector. The value counts every feature of the unit, known or not, so a
 * unit's vector does not depend on which other units built the vocabulary.
 */
export function vectorizeFeatures(features: readonly string[], vocabulary: ReadonlyMap<string, number>): SparseVector {
  const known: number[] = [];
  for (const feature of features) {
    const index = vocabulary.get(feature);
    if (index !== undefined) known.push(index);
  }
  return { indices: Int32Array.from(known), value: features.length === 0 ? 0 : 1 / Math.sqrt(features.length) };
}
