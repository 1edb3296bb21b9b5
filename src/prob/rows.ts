import type { NumericTypedArray } from '../core/dtypes.js';
import {
  EXP2_FRAC, EXP2_INT, EXP2_INT_BIAS, EXP_UNDERFLOW, INV_LN2_64, LN2_64_HI, LN2_64_LO, ROUND_MAGIC,
} from '../internal/expNeg.js';

/**
 * Row kernels of the softmax family. Internal API (not exported from the
 * package root), shared with the sampler and the decisions code so that every
 * softmax in logitkit has the same edge rows and the same rounding.
 *
 * A row is `src[off + j * stride]` for j in [0, n). Values are read as numbers,
 * shifted by the row maximum, scaled by `invT` (1 / temperature), exponentiated
 * with an inlined Tang-style exp (see internal/expNeg.ts) and summed in float64.
 *
 * Edge rows (torch semantics), with lse = logsumexp(x / T):
 * | row                     | softmax | logSoftmax | lse   |
 * |-------------------------|---------|------------|-------|
 * | any NaN                 | NaN     | NaN        | NaN   |
 * | a +Infinity entry       | NaN     | NaN        | +Inf  |
 * | all -Infinity           | NaN     | NaN        | -Inf  |
 * | empty (n = 0)           | (none)  | (none)     | -Inf  |
 * | -Infinity among finite  | 0       | -Inf       | finite|
 */

/** What {@link softmaxRowInto} writes into `dst`. */
export const ROW_SOFTMAX = 0;
/** Write log-probabilities. */
export const ROW_LOG_SOFTMAX = 1;
/** Write nothing; only return logsumexp. */
export const ROW_LSE_ONLY = 2;

/** A writable float row buffer. */
export type FloatOut = Float32Array | Float64Array;

/**
 * Computes one softmax row (`mode` ROW_SOFTMAX), log-softmax row
 * (ROW_LOG_SOFTMAX) or nothing (ROW_LSE_ONLY) of `x / T` into
 * `dst[dstOff + j * dstStride]`, and returns logsumexp(x / T) of the row.
 * `invT` must be finite and > 0 (callers validate temperature).
 * `dst` may alias `src` (in place) when offsets and strides coincide.
 *
 * Three passes over the row, O(n), no allocation.
 *
 * @example
 * const out = new Float32Array(2);
 * softmaxRowInto(new Float32Array([1000, 1000]), 0, 1, 2, out, 0, 1, 1, ROW_SOFTMAX); // 1000 + ln 2; out = [0.5, 0.5]
 */
export function softmaxRowInto(
  src: NumericTypedArray | readonly number[], off: number, stride: number, n: number,
  dst: FloatOut | null, dstOff: number, dstStride: number,
  invT: number, mode: number,
): number {
  if (n === 0) return -Infinity;
  let m = -Infinity;
  let nan = false;
  for (let j = 0, o = off; j < n; j++, o += stride) {
    const v = src[o]!;
    if (v > m) m = v;
    else if (v !== v) nan = true;
  }
  if (nan || m === Infinity || m === -Infinity) {
    if (dst !== null && mode !== ROW_LSE_ONLY) {
      for (let j = 0, o = dstOff; j < n; j++, o += dstStride) dst[o] = NaN;
    }
    return nan ? NaN : m;
  }
  let s = 0;
  const storeExp = mode === ROW_SOFTMAX && dst !== null;
  for (let j = 0, o = off, p = dstOff; j < n; j++, o += stride, p += dstStride) {
    const x = (src[o]! - m) * invT;
    // inlined expNeg(x); x <= 0 here, x may be -Infinity
    let e = 0;
    if (x > EXP_UNDERFLOW) {
      const kf = x * INV_LN2_64 + ROUND_MAGIC - ROUND_MAGIC;
      const k = kf | 0;
      const r = x - kf * LN2_64_HI - kf * LN2_64_LO;
      e = EXP2_FRAC[k & 63]! * (1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720)))))))
        * EXP2_INT[(k >> 6) + EXP2_INT_BIAS]!;
    }
    if (storeExp) dst[p] = e;
    s += e;
  }
  // s >= 1: the maximum contributes exp(0)
  const logS = Math.log(s);
  if (dst !== null) {
    if (mode === ROW_SOFTMAX) {
      const inv = 1 / s;
      for (let j = 0, p = dstOff; j < n; j++, p += dstStride) dst[p] = dst[p]! * inv;
    } else if (mode === ROW_LOG_SOFTMAX) {
      for (let j = 0, o = off, p = dstOff; j < n; j++, o += stride, p += dstStride) dst[p] = (src[o]! - m) * invT - logS;
    }
  }
  return m * invT + logS;
}
