import type { NDArray } from '../core/StridedArray.js';
import { emptyArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { toNDArray } from '../core/ndarray.js';
import { lanesOf } from '../core/lanes.js';
import { numericStorage, toFloatArray } from '../core/values.js';
import { allMasked, describe, invalidArgument } from '../errors/messages.js';
import { softmax } from '../prob/softmax.js';
import { topk } from '../select/topk.js';
import { classAxis } from './internal/classes.js';

/** Options of {@link routeTopK}. */
export interface RouteTopKOptions {
  /** true (default): weights = softmax over the k selected logits (Mixtral); false: their probabilities under the softmax over all experts (Switch / DeepSeek-V2 style, not summing to 1). */
  normalize?: boolean;
}

/** The result of {@link routeTopK}. */
export interface Routing {
  /** int32 [T, k]: the chosen experts of each token, by descending gate logit (lower index first on ties). */
  experts: NDArray;
  /** [T, k] routing weights, aligned with `experts` (float32 for float32 gates, else float64). */
  weights: NDArray;
  /** Length E: how many tokens were routed to each expert (sums to T · k). */
  load: Int32Array;
}

/**
 * Top-k mixture-of-experts routing: for each token (row of `gateLogits`,
 * [T, E]; also [E] for one token or [..., E]), the k experts with the highest
 * gate logits and their mixing weights, plus the per-expert load for
 * balancing diagnostics.
 *
 * Order and ties: experts appear in descending gate order, the lower expert
 * index first among equal logits (as `topk`), so routing is deterministic.
 * Weights: `normalize: true` (default) is the softmax over the k selected
 * logits (sums to 1 per token); `false` gives their probabilities under the
 * softmax over all E experts.
 *
 * NaN policy: a NaN or +Infinity gate logit is `INVALID_ARGUMENT` (routing
 * on it would be arbitrary); -Infinity disables an expert, which can still be
 * selected (weight 0) when fewer than k experts are finite; a token whose
 * every logit is -Infinity is `ALL_MASKED`.
 * Errors: k not an integer in [1, E] → `INVALID_ARGUMENT`; 0-d input →
 * `INVALID_ARGUMENT`; an empty expert axis → `EMPTY_REDUCTION`.
 * Complexity: O(T·E log k) for the selection plus O(T·E) for the softmax.
 *
 * @example
 * const r = routeTopK([[2, 1, 3, 0], [0, 0, 5, 5]], 2);
 * toNested(r.experts) // [[2, 0], [2, 3]]
 * toNested(r.weights) // [[0.731, 0.269], [0.5, 0.5]]
 * r.load              // Int32Array [1, 0, 2, 1]
 *
 * See also: topk, softmax.
 */
export function routeTopK(gateLogits: ArrayInput, k: number, opts: RouteTopKOptions = {}): Routing {
  const fn = 'routeTopK';
  const x = toNDArray(gateLogits, 'gateLogits');
  const axis = classAxis(x, -1, fn);
  const E = x.shape[axis]!;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > E) throw invalidArgument(`${fn}: k must be an integer in [1, ${E}] (the number of experts), got ${describe(k)}`);
  const normalize = opts.normalize ?? true;
  if (typeof normalize !== 'boolean') throw invalidArgument(`${fn}: normalize must be a boolean, got ${describe(normalize)}`);
  const lanes = lanesOf(x, axis);
  const d = numericStorage(x);
  for (let t = 0; t < lanes.count; t++) {
    let finite = false;
    for (let j = 0, o = lanes.offsets[t]!; j < E; j++, o += lanes.stride) {
      const v = d[o]!;
      if (v !== v || v === Infinity) throw invalidArgument(`${fn}: gate logits must not be NaN or +Infinity, got ${v} for token ${t}, expert ${j}`);
      if (v !== -Infinity) finite = true;
    }
    if (!finite) throw allMasked(`${fn}: every gate logit of token ${t} is -Infinity (no expert to route to)`);
  }
  const { values, indices } = topk(x, k, { axis: -1, largest: true, sorted: true });
  const weights = normalize ? softmax(values, { axis: -1 }) : gather(softmax(x, { axis: -1 }), indices);
  const load = new Int32Array(E);
  const idx = toFloatArray(indices);
  for (let i = 0; i < idx.length; i++) load[idx[i]!]!++;
  return { experts: indices, weights, load };
}

/** probs[..., indices[..., i]] along the last axis, as a fresh array of probs' float dtype. */
function gather(probs: NDArray, indices: NDArray): NDArray {
  const p = toFloatArray(probs);
  const idx = toFloatArray(indices);
  const E = probs.shape[probs.ndim - 1]!, k = indices.shape[indices.ndim - 1]!;
  const out = emptyArray(probs.dtype === 'float32' ? 'float32' : 'float64', indices.shape);
  const o = out.data as Float32Array | Float64Array;
  for (let i = 0; i < idx.length; i++) o[i] = p[Math.floor(i / k) * E + idx[i]!]!;
  return out;
}
