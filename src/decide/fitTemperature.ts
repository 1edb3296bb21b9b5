import type { ArrayInput } from '../core/ndarray.js';
import { toNDArray } from '../core/ndarray.js';
import { lanesOf } from '../core/lanes.js';
import { numericStorage } from '../core/values.js';
import { invalidArgument } from '../errors/messages.js';
import { assertSameShape, classAxis, classRows, readClassIndices } from './internal/classes.js';
import { minimizeBounded } from './internal/minimize.js';
import { meanNll } from './internal/nll.js';

/** The temperatures fitTemperature searches: [0.05, 20]. */
const T_MIN = 0.05, T_MAX = 20;
const MAX_EVALUATIONS = 99;

/**
 * Temperature scaling (Guo et al. 2017): the T in [0.05, 20] for which
 * `softmax(logits / T)` minimises the mean negative log-likelihood of `target`
 * on held-out data. T > 1 softens an over-confident model, T < 1 sharpens an
 * under-confident one; argmax (and accuracy) never change.
 *
 * Fit on a held-out split (not the training data), then use
 * `softmax(logits, {temperature: T})` or `predict(logitsDividedByT)`.
 *
 * Method: Brent's bounded 1-D minimisation over log T in [log 0.05, log 20]
 * (the NLL is convex in 1/T, hence unimodal in log T), tolerance 1e-7 in
 * log T, at most 99 NLL evaluations; the end points are checked too, so a
 * minimum on the boundary returns exactly 0.05 or 20. On perfectly separable
 * data the NLL keeps falling as T → 0 until it underflows to 0; any T on that
 * flat stretch may be returned (all fit equally well).
 *
 * @param logits scores of shape [..., C] (class axis last).
 * @param target true class indices of shape [...].
 * @returns T, a number in [0.05, 20].
 *
 * NaN policy: a NaN or +Infinity logit, or a -Infinity logit at the true
 * class (infinite NLL at every T), is `INVALID_ARGUMENT`; -Infinity elsewhere
 * (a masked class) is fine.
 * Errors: target shape ≠ logits shape without its class axis → `SHAPE_MISMATCH`;
 * a target outside [0, C), no samples → `INVALID_ARGUMENT`.
 * Computed in float64 whatever the input dtype (one copy of the logits).
 * Complexity: O(N·C) per evaluation, < 100 evaluations.
 *
 * @example
 * const T = fitTemperature(valLogits, valTarget);            // e.g. 1.8 for an over-confident net
 * expectedCalibrationError(softmax(testLogits, { temperature: T }), testTarget) // lower than before
 *
 * See also: expectedCalibrationError, reliabilityDiagram, softmax.
 */
export function fitTemperature(logits: ArrayInput, target: ArrayInput): number {
  const fn = 'fitTemperature';
  const x = toNDArray(logits, 'logits');
  const axis = classAxis(x, -1, fn);
  const C = x.shape[axis]!;
  const t = readClassIndices(target, 'target', fn, C);
  assertSameShape(x.shape.filter((_, i) => i !== axis), t.shape, fn, 'target', 'logits without its class axis');
  const lanes = lanesOf(x, axis);
  if (lanes.count === 0) throw invalidArgument(`${fn}: needs at least one sample, got 0`);
  const d = numericStorage(x);
  for (let r = 0; r < lanes.count; r++) {
    const o = lanes.offsets[r]!;
    for (let j = 0; j < C; j++) {
      const v = d[o + j * lanes.stride]!;
      if (v !== v || v === Infinity) throw invalidArgument(`${fn}: logits must not be NaN or +Infinity, got ${v} in row ${r}`);
    }
    if (d[o + t.values[r]! * lanes.stride] === -Infinity) {
      throw invalidArgument(`${fn}: the true class of row ${r} has logit -Infinity, so its likelihood is 0 at every temperature`);
    }
  }
  // One float64 copy up front: a float32 NLL would be noisy at the 1e-7 level and
  // blur the optimum (T is then only good to ~sqrt(1e-7)).
  const rows = classRows(x, axis);
  const z64 = rows.data instanceof Float64Array ? rows.data : Float64Array.from(rows.data);
  const z = toNDArray(z64, 'logits', { shape: [rows.rows, C] });
  const uMin = Math.log(T_MIN), uMax = Math.log(T_MAX);
  const best = minimizeBounded((u) => meanNll(z, 1, t.values, Math.exp(u)), uMin, uMax, 1e-7, MAX_EVALUATIONS);
  if (best.x <= uMin) return T_MIN;
  if (best.x >= uMax) return T_MAX;
  return Math.exp(best.x);
}
