import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { lanesOf } from '../core/lanes.js';
import { booleanOption, checkOptions, floatOutDType, inverseTemperature, prepare, reducedOut } from './driver.js';
import { ROW_SOFTMAX, softmaxRowInto } from './rows.js';

/** Options of {@link softArgmax}. */
export interface SoftArgmaxOptions {
  /** The axis (negative counts from the end, a string names an axis). Default -1. */
  axis?: number | string;
  /** Softmax temperature, finite and > 0; as T → 0 the result tends to the argmax. Default 1. */
  temperature?: number;
  /** Keep the reduced axis with length 1. Default false. */
  keepdims?: boolean;
}

/**
 * The expected index under `softmax(x / T)` along `axis`:
 * `sum_i i * softmax(x / T)_i` — a differentiable stand-in for argmax
 * (keypoint heatmaps, ordinal regression).
 *
 * Returns the input's shape without `axis` (kept as 1 with `keepdims`);
 * float64 for float64 input, float32 otherwise. Values lie in [0, n - 1].
 *
 * NaN policy: rows that softmax maps to NaN (any NaN, a `+Infinity` entry,
 * all `-Infinity`) give NaN; `-Infinity` entries get weight 0. Ties share the
 * weight, so `[5, 5]` gives 0.5. An empty axis gives NaN.
 *
 * Errors: `temperature` not a finite number > 0 → INVALID_ARGUMENT; a bad axis
 * → AXIS_OUT_OF_BOUNDS / INVALID_ARGUMENT. The input is never modified.
 *
 * Complexity: O(size), one scratch row.
 *
 * @example
 * toNested(softArgmax([0, 0, 10], { temperature: 0.01 }))  // 2
 * toNested(softArgmax([1, 1]))                              // 0.5
 *
 * See also {@link softmax}; `argmax` for the hard index.
 */
export function softArgmax(x: ArrayInput, opts?: SoftArgmaxOptions): NDArray {
  const fn = 'softArgmax';
  const o = checkOptions(fn, opts);
  const invT = inverseTemperature(fn, o['temperature']);
  const keepdims = booleanOption(fn, 'keepdims', o['keepdims'], false);
  const { a, src, axis, view } = prepare(fn, x, o['axis']);
  const out = reducedOut(a, axis, keepdims, floatOutDType(a));
  if (out.size === 0) return out;
  const lanes = lanesOf(view, axis);
  const dst = out.data as Float32Array | Float64Array;
  const n = lanes.length;
  const p = new Float64Array(n);
  for (let i = 0; i < lanes.count; i++) {
    if (n === 0) { dst[i] = NaN; continue; }
    softmaxRowInto(src, lanes.offsets[i]!, lanes.stride, n, p, 0, 1, invT, ROW_SOFTMAX);
    let e = 0;
    for (let j = 1; j < n; j++) e += j * p[j]!;
    dst[i] = p[0] !== p[0] ? NaN : e;
  }
  return out;
}
