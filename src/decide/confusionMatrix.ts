import type { ArrayInput } from '../core/ndarray.js';
import type { NDArray } from '../core/StridedArray.js';
import { emptyArray } from '../core/StridedArray.js';
import { checkNumClasses, readPredTarget } from './internal/classes.js';

/**
 * The confusion matrix: entry [t, p] counts the samples whose true class is t
 * and whose predicted class is p (rows = truth, columns = prediction, like
 * scikit-learn's `confusion_matrix`).
 *
 * @param pred predicted class indices (integers, any shape).
 * @param target true class indices, the same shape as `pred`.
 * @param numClasses the number of classes C (integer >= 1).
 * @returns an int32 NDArray of shape [C, C]. Row sums are the class supports,
 *   the diagonal over the row sum is {@link perClassAccuracy}; a class never
 *   predicted has an all-zero column, a class absent from `target` an all-zero row.
 *
 * Errors: shapes differ → `SHAPE_MISMATCH`; values outside [0, numClasses) or
 * non-integers, a bad `numClasses` → `INVALID_ARGUMENT`.
 * Complexity: O(N + C²).
 *
 * @example
 * toNested(confusionMatrix([0, 1, 1], [0, 0, 1], 2)) // [[1, 1], [0, 1]]
 *
 * See also: perClassAccuracy, accuracy.
 */
export function confusionMatrix(pred: ArrayInput, target: ArrayInput, numClasses: number): NDArray {
  const C = checkNumClasses(numClasses, 'confusionMatrix');
  const { p, t } = readPredTarget(pred, target, 'confusionMatrix', C);
  const out = emptyArray('int32', [C, C]);
  const counts = out.data as Int32Array;
  for (let i = 0; i < t.values.length; i++) counts[t.values[i]! * C + p.values[i]!]!++;
  return out;
}
