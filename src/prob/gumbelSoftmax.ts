import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import type { Rng } from '../random/createRng.js';
import { describe, invalidArgument } from '../errors/messages.js';
import { booleanOption, checkOptions, floatOutDType, inverseTemperature, pairedLanes, prepare, sameShapeOut } from './driver.js';
import { ROW_SOFTMAX, softmaxRowInto } from './rows.js';

/** Options of {@link gumbelSoftmax}. */
export interface GumbelSoftmaxOptions {
  /** Relaxation temperature τ, finite and > 0 (required). */
  temperature: number;
  /** Return the one-hot of the argmax of the relaxed sample (the straight-through forward value). Default false. */
  hard?: boolean;
  /** The random stream the Gumbel noise is drawn from (required; see createRng). */
  rng: Rng;
  /** The class axis (negative counts from the end, a string names an axis). Default -1. */
  axis?: number | string;
}

/**
 * A Gumbel-softmax (concrete) sample: `softmax((logits + g) / τ)` along
 * `axis`, with `g` i.i.d. standard Gumbel noise from `rng`, like
 * `torch.nn.functional.gumbel_softmax(logits, tau, hard, dim)`.
 *
 * Noise order: one `rng.gumbel()` per element, in the C order of the logical
 * array (whatever the axis or memory layout), so a seeded rng gives the same
 * sample on every platform; the rng advances by `size` draws.
 *
 * Returns a new array of the input's shape; float64 for float64 logits,
 * float32 otherwise. With `hard: true`, each lane is the one-hot (exactly 0/1)
 * of the argmax of the relaxed sample (first maximum on ties). As τ → 0 the
 * soft sample tends to that one-hot; the argmax is a draw from softmax(logits)
 * whatever τ (the Gumbel-max trick).
 *
 * NaN policy: `-Infinity` logits get probability 0 and are never chosen;
 * lanes that softmax maps to NaN (any NaN, a `+Infinity` logit, all
 * `-Infinity`) are NaN, also with `hard`.
 *
 * Errors: `temperature` missing or not a finite number > 0, `rng` missing or
 * without `gumbel()`, `hard` not a boolean → INVALID_ARGUMENT (checked before
 * any draw); a bad axis → AXIS_OUT_OF_BOUNDS / INVALID_ARGUMENT. The input is
 * never modified.
 *
 * Complexity: O(size) plus `size` Philox draws; one scratch row.
 *
 * @example
 * const rng = createRng(0);
 * const y = gumbelSoftmax([[1, 2, 3]], { temperature: 0.5, rng });         // rows sum to 1
 * gumbelSoftmax([[1, 2, 3]], { temperature: 0.5, rng, hard: true });       // e.g. [[0, 0, 1]]
 *
 * See also {@link softmax}, {@link createRng}.
 */
export function gumbelSoftmax(logits: ArrayInput, opts: GumbelSoftmaxOptions): NDArray {
  const fn = 'gumbelSoftmax';
  const o = checkOptions(fn, opts);
  if (o['temperature'] === undefined) throw invalidArgument(`${fn}: temperature is required (a finite number > 0)`);
  const invT = inverseTemperature(fn, o['temperature']);
  const rng = o['rng'] as Rng | undefined;
  if (rng === undefined || rng === null || typeof (rng as { gumbel?: unknown }).gumbel !== 'function') {
    throw invalidArgument(`${fn}: rng must be an Rng from createRng(seed), got ${describe(rng)}`);
  }
  const hard = booleanOption(fn, 'hard', o['hard'], false);
  const { a, src, axis, view } = prepare(fn, logits, o['axis'], 'logits');
  const out = sameShapeOut(a, floatOutDType(a));
  if (a.size === 0) return out;
  // out is C-contiguous, so an output offset is the element's C-order position
  const g = new Float64Array(a.size);
  for (let i = 0; i < g.length; i++) g[i] = rng.gumbel();
  const { inLanes, outLanes } = pairedLanes(view, axis, out);
  const dst = out.data as Float32Array | Float64Array;
  const n = inLanes.length;
  const z = new Float64Array(n);
  for (let i = 0; i < inLanes.count; i++) {
    const off = inLanes.offsets[i]!, oOff = outLanes.offsets[i]!, os = outLanes.stride;
    for (let j = 0, q = off, c = oOff; j < n; j++, q += inLanes.stride, c += os) z[j] = src[q]! + g[c]!;
    softmaxRowInto(z, 0, 1, n, dst, oOff, os, invT, ROW_SOFTMAX);
    if (!hard || dst[oOff] !== dst[oOff]) continue;
    // softmax is monotone: the argmax of the relaxed sample is the argmax of z, read before rounding to float32
    let best = 0;
    for (let j = 1; j < n; j++) if (z[j]! > z[best]!) best = j;
    for (let j = 0, c = oOff; j < n; j++, c += os) dst[c] = j === best ? 1 : 0;
  }
  return out;
}
