import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { toNDArray } from '../core/ndarray.js';
import { lanesOf } from '../core/lanes.js';
import { broadcastTo } from '../core/views.js';
import { toFloatArray } from '../core/values.js';
import type { Rng } from '../random/createRng.js';
import { allMasked, describe, invalidArgument } from '../errors/messages.js';
import { argmax } from '../reduce/argmax.js';
import { classAxis } from './internal/classes.js';

/** Options of {@link epsilonGreedy}. */
export interface EpsilonGreedyOptions {
  /** Probability of exploring, in [0, 1]. */
  epsilon: number;
  /** The random source, e.g. `createRng(seed)`. */
  rng: Pick<Rng, 'uniform'>;
  /** Allowed actions (true = allowed), broadcastable to `q`; numbers count as allowed when non-zero. Default: all allowed. */
  mask?: ArrayInput;
  /** The action axis (negative counts from the end). Default -1. */
  axis?: number | string;
}

/**
 * ε-greedy action selection for reinforcement learning and bandits: per row
 * of action values `q`, with probability `epsilon` a uniformly random allowed
 * action (the greedy one included), otherwise the greedy action — the masked
 * argmax.
 *
 * Randomness: per row, in C order, one `rng.uniform()` u decides (explore when
 * u < epsilon), and exploring rows draw one more to pick among the allowed
 * actions (floor(u' · count)). So epsilon 0 is pure greedy and epsilon 1 is
 * uniform; a seeded rng gives reproducible choices. The rng is not touched
 * when validation fails.
 *
 * @param q action values, [A] or [..., A] (along `axis`).
 * @returns 1-D `q`: the action index (a number); otherwise an int32 NDArray
 *   shaped like `q` without the action axis.
 *
 * NaN policy and ties: the greedy action is `argmax(q, {axis, where: mask})`:
 * ties → the lower index, and a NaN value wins (NumPy's first-NaN rule), which
 * surfaces a broken value estimate instead of hiding it.
 * Errors: epsilon outside [0, 1] or NaN, a missing rng → `INVALID_ARGUMENT`;
 * a row with no allowed action → `ALL_MASKED`; mask not broadcastable →
 * `SHAPE_MISMATCH`; empty action axis → `EMPTY_REDUCTION`.
 * Complexity: O(size).
 *
 * @example
 * const rng = createRng(7);
 * epsilonGreedy([0.1, 0.9, 0.3], { epsilon: 0, rng })                           // 1
 * epsilonGreedy([0.1, 0.9, 0.3], { epsilon: 0, rng, mask: [true, false, true] }) // 2
 * epsilonGreedy([[1, 2], [3, 0]], { epsilon: 0.1, rng })                         // int32 [1, 0] (usually)
 *
 * See also: argmax (with `where`), sample (softmax exploration), createRng.
 */
export function epsilonGreedy(q: ArrayInput, opts: EpsilonGreedyOptions): number | NDArray {
  const fn = 'epsilonGreedy';
  if (typeof opts !== 'object' || opts === null) throw invalidArgument(`${fn}: opts with epsilon and rng are required, got ${describe(opts)}`);
  const epsilon = opts.epsilon;
  if (typeof epsilon !== 'number' || !(epsilon >= 0 && epsilon <= 1)) throw invalidArgument(`${fn}: epsilon must be a number in [0, 1], got ${describe(epsilon)}`);
  const rng = opts.rng;
  if (typeof rng !== 'object' || rng === null || typeof rng.uniform !== 'function') {
    throw invalidArgument(`${fn}: rng must be a random source with uniform() (e.g. createRng(seed)), got ${describe(rng)}`);
  }
  const x = toNDArray(q, 'q');
  const axis = classAxis(x, opts.axis, fn);
  const A = x.shape[axis]!;
  let mask: NDArray | undefined;
  if (opts.mask !== undefined) {
    const m0 = toNDArray(opts.mask, 'mask');
    const m = m0.dtype === 'bool' ? m0 : toNDArray(m0, 'mask', { dtype: 'bool' });
    mask = broadcastTo(m, x.shape, 'mask');
  }
  // Allowed counts per row (validated before any random draw).
  const rows = lanesOf(x, axis).count;
  const counts = new Int32Array(rows);
  let mLanes: ReturnType<typeof lanesOf> | undefined;
  if (mask) {
    mLanes = lanesOf(mask, axis);
    const md = mask.data as Uint8Array;
    for (let r = 0; r < rows; r++) {
      let c = 0;
      for (let j = 0, o = mLanes.offsets[r]!; j < A; j++, o += mLanes.stride) if (md[o]) c++;
      if (c === 0) throw allMasked(`${fn}: row ${r} has no allowed action (mask is false for all ${A} actions)`);
      counts[r] = c;
    }
  } else counts.fill(A);
  const greedy = argmax(x, mask ? { axis, where: mask } : { axis });
  const greedyIdx = toFloatArray(greedy);
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    if (rng.uniform() < epsilon) {
      let k = Math.floor(rng.uniform() * counts[r]!);
      if (!mask || !mLanes) { out[r] = k; continue; }
      const md = mask.data as Uint8Array;
      for (let j = 0, o = mLanes.offsets[r]!; j < A; j++, o += mLanes.stride) {
        if (md[o] && k-- === 0) { out[r] = j; break; }
      }
    } else out[r] = greedyIdx[r]!;
  }
  if (x.ndim === 1) return out[0]!;
  return toNDArray(out, 'out', { shape: greedy.shape });
}
