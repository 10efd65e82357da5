/**
 * Precision, recall and F1 from confusion counts, per code and averaged. A ratio with a zero
 * denominator is 0 (no unit predicted: precision 0; no positive unit: recall 0), as scikit-learn's
 * `zero_division=0`, so a code the model never suggests pulls the macro average down instead of
 * vanishing from it.
 */

/** Counts of one binary decision over units. */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/** The confusion counts of `predicted` against `actual` (same length). */
export function countConfusion(actual: readonly boolean[], predicted: readonly boolean[]): Confusion {
  if (actual.length !== predicted.length) throw new RangeError(`${actual.length} actual labels but ${predicted.length} predictions`);
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < actual.length; i++) {
    if (actual[i]) {
      if (predicted[i]) c.tp += 1;
      else c.fn += 1;
    } else if (predicted[i]) c.fp += 1;
    else c.tn += 1;
  }
  return c;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Precision, recall and F1 of one confusion. */
export function scoreConfusion(c: Confusion): Scores {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return { precision, recall, f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn) };
}

/**
 * Micro averages (from the summed counts: every unit-code decision weighs the same) and macro averages
 * (the mean of each code's precision, recall and F1: every code weighs the same).
 */
export function averageScores(perCode: readonly Confusion[]): { micro: Scores; macro: Scores } {
  const sum: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const macro: Scores = { precision: 0, recall: 0, f1: 0 };
  for (const c of perCode) {
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
    sum.tn += c.tn;
    const s = scoreConfusion(c);
    macro.precision += s.precision;
    macro.recall += s.recall;
    macro.f1 += s.f1;
  }
  const n = perCode.length;
  return {
    micro: scoreConfusion(sum),
    macro: n === 0 ? macro : { precision: macro.precision / n, recall: macro.recall / n, f1: macro.f1 / n },
  };
}
