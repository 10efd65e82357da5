/**
 * k-fold cross-validation of the suggester on the human-coded units. Each code is evaluated on its own
 * stratified folds (one-vs-rest models are independent, so stratifying per code is exact): a unit is
 * predicted by the model trained on the other folds, positive when its probability reaches the
 * threshold the suggester uses, and the counts are pooled over the folds before scoring (per-fold scores
 * of a code with five positives would be mostly 0/0).
 */
import { assignStratifiedFolds } from './cross-validation.js';
import { buildVocabulary, vectorizeFeatures } from './features.js';
import { predictProbability, trainLogisticRegression } from './logistic-regression.js';
import { averageScores, countConfusion, scoreConfusion, type Confusion, type Scores } from './metrics.js';
import { labelsOf, trainingOptionsOf, type LabelledUnit, type SuggesterOptions } from './suggester.js';

export interface EvaluateOptions extends SuggesterOptions {
  folds: number;
  /** A unit is predicted to carry the code when its probability is at least this. */
  minConfidence: number;
}

/** One code's cross-validated result; support is its number of positive units. */
export interface CodeEvaluation extends Confusion, Scores {
  code: string;
  support: number;
}

export interface Evaluation {
  units: number;
  folds: number;
  seed: number;
  minConfidence: number;
  codes: CodeEvaluation[];
  micro: Scores;
  macro: Scores;
}

/** Cross-validates a model per code in `codes` on `units` and scores each code and the averages. */
export function crossValidateSuggester(units: readonly LabelledUnit[], codes: readonly string[], options: EvaluateOptions): Evaluation {
  // Features only in a test fold get no weight from training, so one vocabulary for all folds is the
  // same as one per fold, and cheaper.
  const vocabulary = buildVocabulary(units.map((u) => u.features));
  const vectors = units.map((u) => vectorizeFeatures(u.features, vocabulary));
  const training = trainingOptionsOf(options);
  const results: CodeEvaluation[] = [];
  for (const code of codes) {
    const labels = labelsOf(units, code);
    const fold = assignStratifiedFolds(labels, options.folds, options.seed);
    const predicted = new Array<boolean>(units.length).fill(false);
    for (let f = 0; f < options.folds; f++) {
      const train = units.flatMap((_, i) => (fold[i] === f ? [] : [i]));
      const test = units.flatMap((_, i) => (fold[i] === f ? [i] : []));
      if (test.length === 0) continue;
      const model = trainLogisticRegression(train.map((i) => vectors[i]!), train.map((i) => labels[i]!), vocabulary.size, training);
      for (const i of test) predicted[i] = predictProbability(model, vectors[i]!) >= options.minConfidence;
    }
    const confusion = countConfusion(labels, predicted);
    results.push({ code, support: confusion.tp + confusion.fn, ...confusion, ...scoreConfusion(confusion) });
  }
  return { units: units.length, folds: options.folds, seed: options.seed, minConfidence: options.minConfidence, codes: results, ...averageScores(results) };
}
