import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { checkOptions, floatOutDType, inverseTemperature, pairedLanes, prepare, sameShapeOut } from './driver.js';
import { ROW_SOFTMAX, softmaxRowInto, type FloatOut } from './rows.js';

/** Options of {@link softmax} and {@link logSoftmax}. */
export interface SoftmaxOptions {
  /** The axis to normalise over (negative counts from the end, a string names an axis). Default -1. */
  axis?: number | string;
  /** Divide the input by this before normalising; finite and > 0. Default 1. */
  temperature?: number;
}

/** Shared body of softmax and logSoftmax. */
export function softmaxLike(fn: string, x: unknown, opts: unknown, mode: number): NDArray {
  const o = checkOptions(fn, opts);
  const invT = inverseTemperature(fn, o['temperature']);
  const { a, src, axis, view } = prepare(fn, x, o['axis']);
  const out = sameShapeOut(a, floatOutDType(a));
  if (a.size === 0) return out;
  const { inLanes, outLanes } = pairedLanes(view, axis, out);
  const dst = out.data as FloatOut;
  for (let i = 0; i < inLanes.count; i++) {
    softmaxRowInto(src, inLanes.offsets[i]!, inLanes.stride, inLanes.length, dst, outLanes.offsets[i]!, outLanes.stride, invT, mode);
  }
  return out;
}

/**
 * Softmax of `x / temperature` along `axis`: `exp(x_i / T) / sum_j exp(x_j / T)`,
 * like `torch.softmax(x / T, dim)`.
 *
 * Returns a new C-contiguous NDArray of the input's shape (axis names kept):
 * float64 for float64 input, float32 for every other dtype (float16/bfloat16
 * are decoded, int64 converted with Number()). Each row is shifted by its
 * maximum and summed in float64, so `[1000, 1000]` gives `[0.5, 0.5]`.
 *
 * NaN policy (torch): a row with any NaN is all NaN; a row with a `+Infinity`
 * entry is all NaN; a row of only `-Infinity` is all NaN; `-Infinity` entries
 * among finite ones get probability exactly 0. A 0-d input counts as a row of
 * one element (axis 0 or -1). An empty axis gives an empty result.
 *
 * Errors: `temperature` not a finite number > 0 → INVALID_ARGUMENT; axis out of
 * range → AXIS_OUT_OF_BOUNDS; unknown axis name → INVALID_ARGUMENT. The input
 * is never modified.
 *
 * Speed: contiguous float32 rows of >= 256 elements at temperature 1 run on
 * the WebAssembly SIMD exp kernels when the engine has them (a SIMD max, one
 * SIMD exp pass, a float64 sum, a scale); other rows run the inlined JS exp.
 * Both paths have the same edge rows and agree to within 3 float32 ulps.
 *
 * Complexity: three passes, O(size) time, one output allocation.
 *
 * @example
 * softmax([1000, 1000])                         // float64 [0.5, 0.5]
 * softmax([[1, 2, 3]], { temperature: 0.5 })    // [[0.0159, 0.1173, 0.8668]]
 * softmax(new Float32Array([0, -Infinity]))     // float32 [1, 0]
 *
 * See also {@link logSoftmax}, {@link logsumexp}.
 */
export function softmax(x: ArrayInput, opts?: SoftmaxOptions): NDArray {
  return softmaxLike('softmax', x, opts, ROW_SOFTMAX);
}

