/**
 * The code suggester: one logistic-regression model per code (one-vs-rest) over stem features, learnt
 * from units humans judged, its decision values turned into confidences by Platt scaling fitted on
 * cross-validated decision values of the same units.
 *
 * What counts as a negative of a code: a unit a human judged as a whole without giving it the code —
 * coded with other codes (the coder read it and chose those), or marked in review as needing no code —
 * and a unit on which a human rejected the code. Units nobody judged are never used: they may simply be
 * unread. A code any human gave the unit is a positive, whatever another coder did.
 */
import { fitPlattScaling, plattProbability, type PlattScaling } from './calibration.js';
import { assignStratifiedFolds } from './cross-validation.js';
import { buildVocabulary, vectorizeFeatures, type SparseVector, type Vocabulary } from './features.js';
import { DEFAULT_TRAINING, decisionValue, trainLogisticRegression, type BinaryModel, type TrainingOptions } from './logistic-regression.js';

/** Folds of the cross-validation whose held-out decision values calibrate each code's model. */
export const CALIBRATION_FOLDS = 5;

/** Fewer positive (or negative) units than this and a code is not learnt: a model of 3 examples is noise. */
export const MIN_UNITS_PER_CLASS = 5;

/** A unit humans judged: its features, the codes they gave it and the codes they rejected on it. */
export interface LabelledUnit {
  features: readonly string[];
  codes: ReadonlySet<string>;
  /** Codes a human rejected on this unit: negatives even when the unit is not judged as a whole. */
  rejected?: ReadonlySet<string>;
  /** Judged as a whole (coded, or marked as needing no code): a negative of every code it lacks. Default true. */
  judged?: boolean;
}

/** How many units humans judged carry a code (positives) and how many lack it (negatives). */
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

/** One code's model and the sigmoid that turns its decision values into confidences. */
export interface CodeModel {
  model: BinaryModel;
  scaling: PlattScaling;
}

/** The trained models, per code, and the vocabulary their weights index. */
export interface Suggester {
  vocabulary: Vocabulary;
  models: Map<string, CodeModel>;
}

/** The unit's label for `code`: true, false, or undefined when no human judged the unit on it. */
export function labelOf(unit: LabelledUnit, code: string): boolean | undefined {
  if (unit.codes.has(code)) return true;
  if (unit.judged !== false || unit.rejected?.has(code)) return false;
  return undefined;
}

/** Positives and negatives of each of `codes` among the units, in the order of `codes`. */
export function countSupport(units: readonly LabelledUnit[], codes: readonly string[]): CodeSupport[] {
  return codes.map((code) => {
    let positives = 0;
    let negatives = 0;
    for (const u of units) {
      const label = labelOf(u, code);
      if (label === true) positives += 1;
      else if (label === false) negatives += 1;
    }
    return { code, positives, negatives };
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

/** The positions of the units labelled for `code`, and their labels. */
export function labelledFor(units: readonly LabelledUnit[], code: string): { positions: number[]; labels: boolean[] } {
  const positions: number[] = [];
  const labels: boolean[] = [];
  units.forEach((u, i) => {
    const label = labelOf(u, code);
    if (label === undefined) return;
    positions.push(i);
    labels.push(label);
  });
  return { positions, labels };
}

/**
 * Trains a code's model on all the vectors, and calibrates it on decision values each unit got from a
 * model trained without it (stratified folds, seeded apart from the training order).
 */
export function trainCodeModel(vectors: readonly SparseVector[], labels: readonly boolean[], dimension: number, training: TrainingOptions): CodeModel {
  const fold = assignStratifiedFolds(labels, CALIBRATION_FOLDS, training.seed + 1);
  const heldOut = new Array<number>(vectors.length).fill(0);
  for (let f = 0; f < CALIBRATION_FOLDS; f++) {
    const train = vectors.flatMap((_, i) => (fold[i] === f ? [] : [i]));
    if (train.length === vectors.length) continue;
    const model = trainLogisticRegression(train.map((i) => vectors[i]!), train.map((i) => labels[i]!), dimension, training);
    vectors.forEach((x, i) => {
      if (fold[i] === f) heldOut[i] = decisionValue(model, x);
    });
  }
  return { model: trainLogisticRegression(vectors, labels, dimension, training), scaling: fitPlattScaling(heldOut, labels) };
}

/** Trains and calibrates one model per code on every unit. */
export function trainSuggester(units: readonly LabelledUnit[], codes: readonly string[], options: SuggesterOptions): Suggester {
  const vocabulary = buildVocabulary(units.map((u) => u.features));
  const vectors = units.map((u) => vectorizeFeatures(u.features, vocabulary));
  const training = trainingOptionsOf(options);
  const models = new Map<string, CodeModel>();
  for (const code of codes) {
    const { positions, labels } = labelledFor(units, code);
    models.set(code, trainCodeModel(positions.map((i) => vectors[i]!), labels, vocabulary.index.size, training));
  }
  return { vocabulary, models };
}

/** The suggester's vector for a unit's features (computed once, scored for every code). */
export function vectorizeUnit(suggester: Suggester, features: readonly string[]): SparseVector {
  return vectorizeFeatures(features, suggester.vocabulary);
}

/** The confidence, per code in training order, that a unit with these features carries the code. */
export function scoreCodes(suggester: Suggester, features: readonly string[]): { code: string; confidence: number }[] {
  const x = vectorizeUnit(suggester, features);
  return [...suggester.models].map(([code, { model, scaling }]) => ({ code, confidence: plattProbability(scaling, decisionValue(model, x)) }));
}
