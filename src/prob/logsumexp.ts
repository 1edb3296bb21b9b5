import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { lanesOf } from '../core/lanes.js';
import { booleanOption, checkOptions, floatOutDType, inverseTemperature, prepare, reducedOut } from './driver.js';
import { ROW_LSE_ONLY, softmaxRowInto } from './rows.js';

/** Options of {@link logsumexp}. */
export interface LogsumexpOptions {
  /** The axis to reduce (negative counts from the end, a string names an axis). Default -1. */
  axis?: number | string;
  /** Keep the reduced axis with length 1. Default false. */
  keepdims?: boolean;
  /** Reduce `x / temperature` instead of `x`; finite and > 0. Default 1. */
  temperature?: number;
}

/**
 * `log(sum_i exp(x_i / T))` along `axis`, like `torch.logsumexp(x / T, dim, keepdim)`,
 * computed as `max + log(sum exp(x - max))` with a float64 sum (no overflow:
 * `logsumexp([1000, 1000])` is `1000 + ln 2`).
 *
 * Returns a new NDArray of the input's shape without `axis` (kept as 1 with
 * `keepdims`); a 1-D input gives a 0-d array. float64 for float64 input,
 * float32 otherwise.
 *
 * NaN policy (torch): any NaN → NaN; a `+Infinity` entry → `+Infinity`; all
 * `-Infinity` → `-Infinity`; an empty axis → `-Infinity` (the empty sum is 0).
 *
 * Errors: `temperature` not a finite number > 0 or `keepdims` not a boolean →
 * INVALID_ARGUMENT; a bad axis → AXIS_OUT_OF_BOUNDS / INVALID_ARGUMENT. The
 * input is never modified.
 *
 * Complexity: two passes, O(size). Contiguous float32 rows of >= 256 elements
 * at temperature 1 use the WebAssembly SIMD max and exp-sum kernels when
 * available (same edge results; float32 exp within 1 ulp, float64 sum).
 *
 * @example
 * toNested(logsumexp([[0, 0], [1000, 1000]]))           // [0.6931, 1000.6931]
 * logsumexp([[1, 2], [3, 4]], { axis: 0, keepdims: true }).shape   // [1, 2]
 *
 * See also {@link softmax}, {@link logSoftmax}.
 */
export function logsumexp(x: ArrayInput, opts?: LogsumexpOptions): NDArray {
  const fn = 'logsumexp';
  const o = checkOptions(fn, opts);
  const invT = inverseTemperature(fn, o['temperature']);
  const keepdims = booleanOption(fn, 'keepdims', o['keepdims'], false);
  const { a, src, axis, view } = prepare(fn, x, o['axis']);
  const out = reducedOut(a, axis, keepdims, floatOutDType(a));
  if (out.size === 0) return out;
  const lanes = lanesOf(view, axis);
  const dst = out.data as Float32Array | Float64Array;
  for (let i = 0; i < lanes.count; i++) {
    dst[i] = softmaxRowInto(src, lanes.offsets[i]!, lanes.stride, lanes.length, null, 0, 0, invT, ROW_LSE_ONLY);
  }
  return out;
}
