import type { ArrayInput } from '../core/ndarray.js';
import { calibrationBins, type CalibrationOptions } from './internal/calibration.js';

export type { CalibrationOptions } from './internal/calibration.js';

/**
 * Expected calibration error (Guo et al. 2017, "On Calibration of Modern
 * Neural Networks"): the top-1 confidence of each sample is put in one of
 * `bins` equal-width bins (m/B, (m+1)/B] — the first also holds 0 — and
 * ECE = Σ_m (n_m / N) · |accuracy_m − confidence_m|.
 *
 * @param probsOrLogits scores of shape [..., C] (class axis last): probabilities
 *   by default (used as given, not renormalised), or logits with `fromLogits: true`.
 * @param target true class indices of shape [...] (the scores' shape without C).
 * @param opts `bins` (integer in [1, 100000], default 15), `fromLogits` (default false).
 * @returns the ECE in [0, 1]; NaN for zero samples.
 *
 * Top-1 is the first maximum of a row (ties → lower index, like argmax).
 * NaN policy: a NaN (or, as probabilities, a value outside [0, 1]) is
 * `INVALID_ARGUMENT`: it usually means logits were passed without
 * `fromLogits: true`, and a silent ECE would be meaningless.
 *
 * Errors: target shape ≠ scores shape without the class axis → `SHAPE_MISMATCH`;
 * a target outside [0, C), bad `bins` → `INVALID_ARGUMENT`.
 * Complexity: O(N·C + bins).
 *
 * @example
 * expectedCalibrationError([[0.9, 0.1], [0.6, 0.4]], [0, 1], { bins: 10 })
 * // 0.35: bin (0.8, 0.9] has acc 1 vs conf 0.9, bin (0.5, 0.6] acc 0 vs conf 0.6; (0.1 + 0.6) / 2
 * expectedCalibrationError(logits, target, { fromLogits: true })
 *
 * See also: reliabilityDiagram (the same bins, plus a plot), fitTemperature.
 */
export function expectedCalibrationError(probsOrLogits: ArrayInput, target: ArrayInput, opts: CalibrationOptions = {}): number {
  return calibrationBins(probsOrLogits, target, opts, 'expectedCalibrationError').ece;
}
