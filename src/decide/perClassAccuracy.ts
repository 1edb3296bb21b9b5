import type { ArrayInput } from '../core/ndarray.js';
import { checkNumClasses, readPredTarget } from './internal/classes.js';

/**
 * Per-class accuracy, i.e. the recall of each class: for class c, the fraction
 * of samples whose target is c that were predicted as c.
 *
 * @param pred predicted class indices (integers, any shape).
 * @param target true class indices, the same shape as `pred`.
 * @param numClasses the number of classes C (integer >= 1).
 * @returns a Float64Array of length C. A class with no samples in `target` is
 *   NaN (unknown), never 0: "never right" and "never asked" are different.
 *
 * Errors: shapes differ → `SHAPE_MISMATCH`; a value of `pred` or `target`
 * outside [0, numClasses) or not an integer, or a bad `numClasses` →
 * `INVALID_ARGUMENT`.
 * Complexity: O(N + C).
 *
 * @example
 * perClassAccuracy([0, 1, 1, 0], [0, 1, 0, 0], 3) // Float64Array [2/3, 1, NaN]
 *
 * See also: confusionMatrix (its rows give the same ratios), accuracy.
 */
export function perClassAccuracy(pred: ArrayInput, target: ArrayInput, numClasses: number): Float64Array {
  const C = checkNumClasses(numClasses, 'perClassAccuracy');
  const { p, t } = readPredTarget(pred, target, 'perClassAccuracy', C);
  const total = new Float64Array(C);
  const hits = new Float64Array(C);
  for (let i = 0; i < t.values.length; i++) {
    const c = t.values[i]!;
    total[c]!++;
    if (p.values[i] === c) hits[c]!++;
  }
  const out = new Float64Array(C);
  for (let c = 0; c < C; c++) out[c] = total[c] === 0 ? NaN : hits[c]! / total[c]!;
  return out;
}
