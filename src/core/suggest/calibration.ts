/**
 * Platt scaling: a sigmoid P(y = 1 | z) = 1 / (1 + exp(A·z + B)) fitted to held-out decision values, so
 * that a suggestion's confidence means what it says (of the units given 0.7, about 7 in 10 carry the
 * code). A model fitted on a few dozen units separates them perfectly and its own probabilities are
 * near 0 or 1; on unseen units they are not. The fit is the Newton method with backtracking line
 * search of Lin, Lin and Weng, "A note on Platt's probabilistic outputs for support vector machines"
 * (Machine Learning 68, 2007), with Platt's smoothed targets, which keep A and B finite on separable data.
 */

/** The fitted sigmoid's parameters (A is negative when higher decision values mean the class). */
export interface PlattScaling {
  a: number;
  b: number;
}

/** Negative log-likelihood term of one unit, computed without overflow. */
function loss(fApB: number, target: number): number {
  return fApB >= 0 ? target * fApB + Math.log1p(Math.exp(-fApB)) : (target - 1) * fApB + Math.log1p(Math.exp(fApB));
}

/** Fits Platt's sigmoid to decision values `scores` of units labelled `labels`. */
export function fitPlattScaling(scores: readonly number[], labels: readonly boolean[]): PlattScaling {
  if (scores.length !== labels.length) throw new RangeError(`${scores.length} scores but ${labels.length} labels`);
  const positives = labels.reduce((n, y) => n + (y ? 1 : 0), 0);
  const negatives = labels.length - positives;
  const hiTarget = (positives + 1) / (positives + 2);
  const loTarget = 1 / (negatives + 2);
  const targets = labels.map((y) => (y ? hiTarget : loTarget));
  const objective = (a: number, b: number): number => scores.reduce((sum, z, i) => sum + loss(z * a + b, targets[i]!), 0);

  let a = 0;
  let b = Math.log((negatives + 1) / (positives + 1));
  let value = objective(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let h11 = 1e-12;
    let h22 = 1e-12;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < scores.length; i++) {
      const z = scores[i]!;
      const p = plattProbability({ a, b }, z);
      const d2 = p * (1 - p);
      h11 += z * z * d2;
      h22 += d2;
      h21 += z * d2;
      const d1 = targets[i]! - p;
      g1 += z * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const slope = g1 * dA + g2 * dB;
    let step = 1;
    while (step >= 1e-10) {
      const nextA = a + step * dA;
      const nextB = b + step * dB;
      const next = objective(nextA, nextB);
      if (next < value + 1e-4 * step * slope) {
        a = nextA;
        b = nextB;
        value = next;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break;
  }
  return { a, b };
}

/** The calibrated probability for decision value `z`. */
export function plattProbability(scaling: PlattScaling, z: number): number {
  const fApB = z * scaling.a + scaling.b;
  return fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
}
