import type { NDArray } from '../../core/StridedArray.js';
import { lanesOf } from '../../core/lanes.js';
import { numericStorage } from '../../core/values.js';
import { logSoftmax } from '../../prob/logSoftmax.js';

/**
 * Mean negative log-likelihood of `targets` under softmax(logits / T) along
 * `axis`: mean_r −log softmax(z_r / T)[t_r]. Uses the shared logSoftmax
 * (stable: the max is subtracted). O(N·C).
 */
export function meanNll(logits: NDArray, axis: number, targets: Int32Array, temperature: number): number {
  const ls = logSoftmax(logits, { axis, temperature });
  const lanes = lanesOf(ls, axis);
  const d = numericStorage(ls);
  let sum = 0;
  for (let r = 0; r < lanes.count; r++) sum -= d[lanes.offsets[r]! + targets[r]! * lanes.stride]!;
  return sum / lanes.count;
}
