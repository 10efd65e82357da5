/**
 * Fold assignment for k-fold cross-validation, stratified by one binary label: positives and negatives
 * are each shuffled (seeded) and dealt round the folds, the negatives starting where the positives
 * stopped, so every fold gets ⌊p/k⌋ or ⌈p/k⌉ positives, likewise negatives, and fold sizes differ by at
 * most one.
 */
import { createRandom, shuffleInPlace } from './seeded-random.js';

/** The test fold (0 … folds-1) of each unit, given whether each unit is a positive. */
export function assignStratifiedFolds(labels: readonly boolean[], folds: number, seed: number): number[] {
  if (!Number.isInteger(folds) || folds < 2) throw new RangeError(`folds must be an integer of at least 2, not ${folds}`);
  const random = createRandom(seed);
  const positives: number[] = [];
  const negatives: number[] = [];
  labels.forEach((y, i) => (y ? positives : negatives).push(i));
  shuffleInPlace(positives, random);
  shuffleInPlace(negatives, random);
  const fold = new Array<number>(labels.length);
  positives.forEach((unit, k) => (fold[unit] = k % folds));
  negatives.forEach((unit, k) => (fold[unit] = (positives.length + k) % folds));
  return fold;
}
