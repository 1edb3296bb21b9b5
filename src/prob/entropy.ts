import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { lanesOf } from '../core/lanes.js';
import { booleanOption, checkOptions, floatOutDType, prepare, reducedOut } from './driver.js';
import { ROW_LOG_SOFTMAX, softmaxRowInto } from './rows.js';

/** Options of {@link entropy}. */
export interface EntropyOptions {
  /** The class axis (negative counts from the end, a string names an axis). Default -1. */
  axis?: number | string;
  /** Treat `x` as logits and take the entropy of softmax(x). Default false: `x` holds probabilities. */
  fromLogits?: boolean;
  /** Keep the reduced axis with length 1. Default false. */
  keepdims?: boolean;
}

/**
 * Shannon entropy in nats along `axis`: `-sum_i p_i ln p_i`.
 *
 * With `fromLogits: false` (default) `x` holds probabilities and is used as
 * given — not renormalised, like `torch.special.entr(p).sum(dim)`: a 0 entry
 * contributes 0, a negative entry makes the result `-Infinity`, NaN gives NaN.
 * With `fromLogits: true` the entropy of `softmax(x)` is computed from
 * log-probabilities (`-sum p * logSoftmax(x)`, exact for peaked rows);
 * `-Infinity` logits contribute 0, and rows that softmax maps to NaN (any NaN,
 * a `+Infinity`, all `-Infinity`) give NaN.
 *
 * Returns the input's shape without `axis` (kept as 1 with `keepdims`);
 * float64 for float64 input, float32 otherwise. An empty axis gives 0 for
 * probabilities and NaN from logits (softmax of nothing is undefined).
 *
 * Errors: non-boolean flags → INVALID_ARGUMENT; a bad axis →
 * AXIS_OUT_OF_BOUNDS / INVALID_ARGUMENT. The input is never modified.
 *
 * Complexity: O(size); from logits, one scratch row of float64.
 *
 * @example
 * toNested(entropy([0.5, 0.5]))                      // 0.6931 (ln 2)
 * toNested(entropy([0, 0, 0], { fromLogits: true })) // 1.0986 (ln 3)
 *
 * See also {@link softmax}, {@link logSoftmax}.
 */
export function entropy(x: ArrayInput, opts?: EntropyOptions): NDArray {
  const fn = 'entropy';
  const o = checkOptions(fn, opts);
  const fromLogits = booleanOption(fn, 'fromLogits', o['fromLogits'], false);
  const keepdims = booleanOption(fn, 'keepdims', o['keepdims'], false);
  const { a, src, axis, view } = prepare(fn, x, o['axis']);
  const out = reducedOut(a, axis, keepdims, floatOutDType(a));
  if (out.size === 0) return out;
  const lanes = lanesOf(view, axis);
  const dst = out.data as Float32Array | Float64Array;
  const n = lanes.length;
  const logp = new Float64Array(n);
  for (let i = 0; i < lanes.count; i++) {
    const off = lanes.offsets[i]!, stride = lanes.stride;
    let h = 0;
    if (fromLogits) {
      if (n === 0) { dst[i] = NaN; continue; }
      softmaxRowInto(src, off, stride, n, logp, 0, 1, 1, ROW_LOG_SOFTMAX);
      for (let j = 0; j < n; j++) {
        const l = logp[j]!;
        if (l !== -Infinity) h -= Math.exp(l) * l; // NaN propagates
      }
    } else {
      for (let j = 0, q = off; j < n; j++, q += stride) {
        const p = src[q]!;
        if (p > 0) h -= p * Math.log(p);
        else if (p < 0) h = -Infinity;
        else if (p !== p) h = NaN;
      }
    }
    dst[i] = h;
  }
  return out;
}
