/**
 * Binary L2-regularised logistic regression trained by stochastic gradient descent (Bottou's schedule
 * η_t = η₀ / (1 + λ η₀ t)), over sparse vectors. The weight vector is kept as scale × v so the
 * L2 shrink of every step costs O(1) and a step touches only the unit's own features. The order of units
 * in each epoch comes from a seeded generator: the same data, options and seed give the same weights.
 */
import type { SparseVector } from './features.js';
import { createRandom, shuffleInPlace } from './seeded-random.js';

/** Weights per feature index, and the intercept. */
export interface BinaryModel {
  weights: Float64Array;
  bias: number;
}

export interface TrainingOptions {
  /** Seeds the order of units in each epoch. */
  seed: number;
  /** Passes over the training units. */
  epochs: number;
  /** L2 penalty on the weights (not on the intercept). */
  lambda: number;
  /** η₀, the first step size. */
  learningRate: number;
  /**
   * Weigh each class by n / (2 · its count), so a code on 5 of 200 units is not learnt as "never".
   * The model's own probabilities are then those of a balanced sample; the suggester recalibrates
   * them on held-out units (calibration.ts).
   */
  balanceClasses: boolean;
}

/**
 * The settings the suggester uses. Checked by cross-validation on the sample study's gold set
 * (test/fixtures/gold): λ from 1e-4 to 1e-2, 10 to 60 epochs and unbalanced classes all scored within a
 * few points of F1 of these; the data, not the settings, limits the model.
 */
export const DEFAULT_TRAINING: Omit<TrainingOptions, 'seed'> = {
  epochs: 30,
  lambda: 1e-3,
  learningRate: 0.5,
  balanceClasses: true,
};

/** The logistic function, computed without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Fits a model to `vectors` (features below `dimension`) labelled positive or negative. */
export function trainLogisticRegression(vectors: readonly SparseVector[], labels: readonly boolean[], dimension: number, options: TrainingOptions): BinaryModel {
  if (vectors.length !== labels.length) throw new RangeError(`${vectors.length} vectors but ${labels.length} labels`);
  // The shrink factor 1 - ηλ must stay positive, and η never exceeds η₀.
  if (!(options.lambda >= 0 && options.learningRate > 0 && options.lambda * options.learningRate < 1)) {
    throw new RangeError(`lambda ${options.lambda} and learning rate ${options.learningRate} must satisfy 0 <= lambda * rate < 1`);
  }
  const n = vectors.length;
  const positives = labels.reduce((k, y) => k + (y ? 1 : 0), 0);
  const negatives = n - positives;
  const weightOf = (y: boolean): number => (!options.balanceClasses || positives === 0 || negatives === 0 ? 1 : n / (2 * (y ? positives : negatives)));
  const positiveWeight = weightOf(true);
  const negativeWeight = weightOf(false);

  const v = new Float64Array(dimension);
  let scale = 1;
  let bias = 0;
  const { lambda, learningRate } = options;
  const random = createRandom(options.seed);
  const order = Array.from({ length: n }, (_, i) => i);
  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const x = vectors[i]!;
      const y = labels[i]!;
      const eta = learningRate / (1 + lambda * learningRate * t);
      t += 1;
      let dot = 0;
      for (let k = 0; k < x.indices.length; k++) dot += v[x.indices[k]!]! * x.values[k]!;
      const z = scale * dot + bias;
      // d loss / d z for the weighted log loss; y in {0, 1}.
      const gradient = (sigmoid(z) - (y ? 1 : 0)) * (y ? positiveWeight : negativeWeight);
      scale *= 1 - eta * lambda;
      if (scale < 1e-9) {
        for (let j = 0; j < dimension; j++) v[j]! *= scale;
        scale = 1;
      }
      const step = (eta * gradient) / scale;
      for (let k = 0; k < x.indices.length; k++) v[x.indices[k]!]! -= step * x.values[k]!;
      bias -= eta * gradient;
    }
  }
  for (let j = 0; j < dimension; j++) v[j]! *= scale;
  return { weights: v, bias };
}

/** The model's decision value (log-odds) w·x + b for a unit with vector `x`. */
export function decisionValue(model: BinaryModel, x: SparseVector): number {
  let dot = model.bias;
  for (let k = 0; k < x.indices.length; k++) dot += (model.weights[x.indices[k]!] ?? 0) * x.values[k]!;
  return dot;
}

/** The model's own probability that a unit with vector `x` carries the class. */
export function predictProbability(model: BinaryModel, x: SparseVector): number {
  return sigmoid(decisionValue(model, x));
}
