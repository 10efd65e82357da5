/**
 * The code suggester: one logistic-regression model per code (one-vs-rest) over stem features, learnt
 * from units a human coded. A unit's label for a code is whether any human coded it with that code;
 * the negatives of a code are the other human-coded units (a human who coded a unit with other codes
 * judged it, and it lacks this one). Units nobody coded are never used: they may simply be unread.
 */
import { buildVocabulary, vectorizeFeatures, type SparseVector } from './features.js';
import { DEFAULT_TRAINING, predictProbability, trainLogisticRegression, type BinaryModel, type TrainingOptions } from './logistic-regression.js';

/** Fewer positive (or negative) units than this and a code is not learnt: a model of 3 examples is noise. */
export const MIN_UNITS_PER_CLASS = 5;

/** A human-coded unit: its features and every code a human gave it. */
export interface LabelledUnit {
  features: readonly string[];
  codes: ReadonlySet<string>;
}

/** How many human-coded units carry a code and how many do not. */
export interface CodeSupport {
  code: string;
  positives: number;
  negatives: number;
}

/** A code left out of training, and why, in a sentence for the user. */
export interface SkippedCode extends CodeSupport {
  reason: string;
}

/** Model settings on top of the defaults; the seed is always given. */
export interface SuggesterOptions {
  seed: number;
  training?: Partial<Omit<TrainingOptions, 'seed'>>;
}

/** The trained models and the vocabulary their weights index. */
export interface Suggester {
  vocabulary: Map<string, number>;
  models: Map<string, BinaryModel>;
}

/** Positives and negatives of each of `codes` among the units, in the order of `codes`. */
export function countSupport(units: readonly LabelledUnit[], codes: readonly string[]): CodeSupport[] {
  return codes.map((code) => {
    const positives = units.reduce((n, u) => n + (u.codes.has(code) ? 1 : 0), 0);
    return { code, positives, negatives: units.length - positives };
  });
}

/** Splits `codes` into those with enough positive and negative units to learn and those skipped. */
export function selectTrainableCodes(units: readonly LabelledUnit[], codes: readonly string[]): { trainable: CodeSupport[]; skipped: SkippedCode[] } {
  const trainable: CodeSupport[] = [];
  const skipped: SkippedCode[] = [];
  for (const support of countSupport(units, codes)) {
    if (support.positives < MIN_UNITS_PER_CLASS) {
      skipped.push({ ...support, reason: `needs at least ${MIN_UNITS_PER_CLASS} coded units (has ${support.positives})` });
    } else if (support.negatives < MIN_UNITS_PER_CLASS) {
      skipped.push({ ...support, reason: `needs at least ${MIN_UNITS_PER_CLASS} human-coded units without it to contrast with (has ${support.negatives})` });
    } else trainable.push(support);
  }
  return { trainable, skipped };
}

/** The training settings in force for `options`. */
export function trainingOptionsOf(options: SuggesterOptions): TrainingOptions {
  return { ...DEFAULT_TRAINING, ...options.training, seed: options.seed };
}

/** Whether each unit carries `code`. */
export function labelsOf(units: readonly LabelledUnit[], code: string): boolean[] {
  return units.map((u) => u.codes.has(code));
}

/** Trains one model per code on every unit. */
export function trainSuggester(units: readonly LabelledUnit[], codes: readonly string[], options: SuggesterOptions): Suggester {
  const vocabulary = buildVocabulary(units.map((u) => u.features));
  const vectors = units.map((u) => vectorizeFeatures(u.features, vocabulary));
  const training = trainingOptionsOf(options);
  const models = new Map<string, BinaryModel>();
  for (const code of codes) models.set(code, trainLogisticRegression(vectors, labelsOf(units, code), vocabulary.size, training));
  return { vocabulary, models };
}

/** The suggester's vector for a unit's features (computed once, scored for every code). */
export function vectorizeUnit(suggester: Suggester, features: readonly string[]): SparseVector {
  return vectorizeFeatures(features, suggester.vocabulary);
}

/** The probability, per code in training order, that a unit with these features carries the code. */
export function scoreCodes(suggester: Suggester, features: readonly string[]): { code: string; confidence: number }[] {
  const x = vectorizeUnit(suggester, features);
  return [...suggester.models].map(([code, model]) => ({ code, confidence: predictProbability(model, x) }));
}
