/**
 * What the suggester sees of a unit: the set of its word stems, Indonesian and English in one namespace
 * (so `files` and `file`, `pendaftaran` and `daftar` share a feature), plus bigrams of adjacent stems
 * within a clause, which carry the short phrases that decide a code ("nggak tentu", "tidak punya").
 * Presence, not counts: units are sentences or turns, where a repeated word adds little. Each present
 * feature weighs its inverse document frequency, so "yang" and "saya" count for little against
 * "iuran". Vectors are not normalised to unit length one by one: that would give the single word of
 * "Ada." or "Baik." the weight of a whole sentence's evidence, and short answers would draw the most
 * confident suggestions. All are divided by one constant instead, the median length of the training
 * units' vectors, which keeps the steps of gradient descent well scaled.
 */
import type { Stemmers } from '../coding/stemmers.js';
import { createWordSpans, lowerWord, scanWords } from '../coding/tokenize.js';

/** The stemmers used for features, as in telaah.yaml `languages`. */
export type FeatureLanguage = 'id' | 'en';

/** A unit as the model reads it: the indices of its known features and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** The features of the training units, numbered, with their inverse document frequencies. */
export interface Vocabulary {
  index: Map<string, number>;
  idf: Float64Array;
  /** What every vector is divided by: the median length of the training units' idf vectors. */
  scale: number;
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

/** Numbers every feature of the training units (in order of first appearance) with its smoothed idf. */
export function buildVocabulary(featureLists: readonly (readonly string[])[]): Vocabulary {
  const index = new Map<string, number>();
  const counts: number[] = [];
  for (const features of featureLists) {
    for (const feature of features) {
      const known = index.get(feature);
      if (known === undefined) {
        index.set(feature, counts.length);
        counts.push(1);
      } else counts[known]! += 1;
    }
  }
  // scikit-learn's smooth idf: ln((1 + n) / (1 + df)) + 1, never 0, so a word in every unit still counts.
  const n = featureLists.length;
  const idf = Float64Array.from(counts, (df) => Math.log((1 + n) / (1 + df)) + 1);
  const lengths = featureLists.map((features) => Math.sqrt(features.reduce((sum, f) => sum + idf[index.get(f)!]! ** 2, 0))).sort((a, b) => a - b);
  const median = lengths.length === 0 ? 0 : lengths.length % 2 ? lengths[lengths.length >> 1]! : (lengths[lengths.length / 2 - 1]! + lengths[lengths.length / 2]!) / 2;
  return { index, idf, scale: median > 0 ? median : 1 };
}

/** The unit's known features, each its idf over the vocabulary's scale (unknown features are dropped). */
export function vectorizeFeatures(features: readonly string[], vocabulary: Vocabulary): SparseVector {
  const indices: number[] = [];
  for (const feature of features) {
    const index = vocabulary.index.get(feature);
    if (index !== undefined) indices.push(index);
  }
  return { indices: Int32Array.from(indices), values: Float64Array.from(indices, (i) => vocabulary.idf[i]! / vocabulary.scale) };
}
