/**
 * k-fold cross-validation of the suggester on the human-coded units. Each code is evaluated on its own
 * stratified folds (one-vs-rest models are independent, so stratifying per code is exact): a unit is
 * scored by the suggester trained (and calibrated) on the other folds only, and predicted positive when
 * its confidence reaches the threshold `suggest` uses. Counts are pooled over the folds before scoring:
 * per-fold scores of a code with five positives would be mostly 0/0.
 */
import { assignStratifiedFolds } from './cross-validation.js';
import { averageScores, countConfusion, scoreConfusion, type Confusion, type Scores } from './metrics.js';
import { labelledFor, scoreCodes, trainSuggester, type LabelledUnit, type SuggesterOptions } from './suggester.js';

export interface EvaluateOptions extends SuggesterOptions {
  folds: number;
  /** A unit is predicted to carry the code when its confidence is at least this. */
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

/** Cross-validates the suggester for each of `codes` on `units`; scores each code and the averages. */
export function crossValidateSuggester(units: readonly LabelledUnit[], codes: readonly string[], options: EvaluateOptions): Evaluation {
  const results: CodeEvaluation[] = [];
  for (const code of codes) {
    // Only the units judged on this code take part; the others are neither positives nor negatives.
    const { positions, labels } = labelledFor(units, code);
    const fold = assignStratifiedFolds(labels, options.folds, options.seed);
    const predicted = new Array<boolean>(labels.length).fill(false);
    for (let f = 0; f < options.folds; f++) {
      const test = positions.flatMap((_, k) => (fold[k] === f ? [k] : []));
      if (test.length === 0) continue;
      // Units not judged on this code stay in the training set: they count in the idf, not in the model.
      const heldOut = new Set(test.map((k) => positions[k]!));
      const suggester = trainSuggester(units.filter((_, i) => !heldOut.has(i)), [code], options);
      for (const k of test) predicted[k] = scoreCodes(suggester, units[positions[k]!]!.features)[0]!.confidence >= options.minConfidence;
    }
    const confusion = countConfusion(labels, predicted);
    results.push({ code, support: confusion.tp + confusion.fn, ...confusion, ...scoreConfusion(confusion) });
  }
  return { units: units.length, folds: options.folds, seed: options.seed, minConfidence: options.minConfidence, codes: results, ...averageScores(results) };
}
