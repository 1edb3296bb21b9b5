import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { softmaxLike, type SoftmaxOptions } from './softmax.js';
import { ROW_LOG_SOFTMAX } from './rows.js';

/**
 * Log-softmax of `x / temperature` along `axis`:
 * `x_i / T - logsumexp(x / T)`, like `torch.log_softmax(x / T, dim)`.
 * Computed directly (not as `log(softmax)`), so tiny probabilities keep their
 * logarithm instead of becoming `-Infinity`.
 *
 * Shape, dtype and axis rules as {@link softmax}: same shape as the input,
 * float64 for float64 input, float32 otherwise.
 *
 * NaN policy (torch): a row with any NaN, a `+Infinity` entry, or only
 * `-Infinity` entries is all NaN; a `-Infinity` entry among finite ones gives
 * `-Infinity`.
 *
 * Errors: `temperature` not a finite number > 0 → INVALID_ARGUMENT; a bad axis
 * → AXIS_OUT_OF_BOUNDS / INVALID_ARGUMENT. The input is never modified.
 *
 * Complexity: three passes, O(size). Contiguous float32 rows of >= 256
 * elements at temperature 1 compute the max and the exp sum on the
 * WebAssembly SIMD kernels when available (same edge rows).
 *
 * @example
 * logSoftmax([0, 0])          // [-0.6931, -0.6931]
 * logSoftmax([0, -2000])      // [0, -2000]   (softmax would underflow to 0)
 *
 * See also {@link softmax}, {@link logsumexp}.
 */
export function logSoftmax(x: ArrayInput, opts?: SoftmaxOptions): NDArray {
  return softmaxLike('logSoftmax', x, opts, ROW_LOG_SOFTMAX);
}
