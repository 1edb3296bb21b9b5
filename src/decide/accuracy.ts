import type { ArrayInput } from '../core/ndarray.js';
import { readPredTarget } from './internal/classes.js';

/**
 * The fraction of positions where `pred` equals `target`.
 *
 * @param pred predicted class indices (integers, any shape), e.g.
 *   `predict(logits).indices` or `argmax(logits, {axis: -1})` — not the scores.
 * @param target true class indices, the same shape as `pred`.
 * @returns a number in [0, 1]; NaN for empty inputs (no samples, no accuracy).
 *
 * NaN policy: the inputs must be integers; a NaN or a fractional value is
 * `INVALID_ARGUMENT` (a common slip is passing logits instead of indices).
 * Abstentions are not special here: score only the accepted rows by filtering
 * with `predict(...).abstained` first.
 *
 * Errors: shapes differ → `SHAPE_MISMATCH`; non-integer values → `INVALID_ARGUMENT`.
 * Complexity: O(N) time and O(N) memory (int32 copies).
 *
 * @example
 * accuracy([0, 2, 1, 1], [0, 1, 1, 1]) // 0.75
 *
 * See also: perClassAccuracy, confusionMatrix, predict.
 */
export function accuracy(pred: ArrayInput, target: ArrayInput): number {
  const { p, t } = readPredTarget(pred, target, 'accuracy');
  const n = p.values.length;
  if (n === 0) return NaN;
  let correct = 0;
  for (let i = 0; i < n; i++) if (p.values[i] === t.values[i]) correct++;
  return correct / n;
}
