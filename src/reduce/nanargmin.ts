import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { type ArgReduceOptions, argReduce } from './argReduce.js';

/**
 * Index of the minimum, ignoring NaN (`np.nanargmin`), over the flattened array or along `axis`.
 *
 * Returns: without `axis`, the index into the C-order flattening of the
 * logical array as a plain number (with `keepdims`, an int32 NDArray of shape
 * [1, ..., 1]); with `axis` (negative counts from the end, a string names an
 * axis via `names`), an int32 NDArray shaped like `x` without that axis (kept
 * as length 1 with `keepdims`). With `out` (an int32 NDArray of exactly the
 * result shape), the result is written there and `out` itself is returned.
 * A 0-d input reduces to index 0 and accepts `axis` 0 or -1. Axis names of
 * the input carry over to the remaining axes of the result.
 *
 * NaN: NaN counts as +Infinity (NumPy): in a slice of only NaN and +Infinity the first of them wins; a slice that is all NaN throws `ALL_NAN_SLICE` ("All-NaN slice encountered").
 * Ties: the first occurrence wins; `-0` and `+0` are equal. `ties: 'last'`
 * takes the last, `ties: 'random'` a uniform choice among all tied winners
 * drawn from `rng` (deterministic for a seeded rng; the rng is consulted only
 * on ties). bool: the first false; int64/uint64 compare exactly as BigInt;
 * float16/bfloat16 by their decoded values.
 * `where`: a boolean mask broadcastable to `x` (integer masks count nonzero
 * as true); masked-out entries never win
 * (indices still count them); a slice with nothing unmasked throws `ALL_MASKED`.
 *
 * Errors: `EMPTY_REDUCTION` (reducing a zero-length axis: "attempt to get
 * argmin of an empty sequence"), `AXIS_OUT_OF_BOUNDS`, `INVALID_ARGUMENT`
 * (unknown axis name, bad option), `SHAPE_MISMATCH` (`out` shape, `where` not
 * broadcastable), `DTYPE` (`out` not int32, `where` a float array),
 * `ALL_MASKED`, `ALL_NAN_SLICE`. An empty reduction is `EMPTY_REDUCTION` here too
 * (API.md; NumPy's nan* functions report "All-NaN slice" for it). The input is
 * never modified.
 *
 * Complexity: O(size) time, O(size / len) extra memory. Contiguous lanes run
 * an unrolled multi-accumulator loop; an inner-axis reduction of a
 * C-contiguous array walks memory in order.
 *
 * @example
 * nanargmin([NaN, 3, -7, NaN])            // 2
 * nanargmin([NaN, Infinity])             // 0
 *
 * See also: argmin, nanargmax.
 */
export function nanargmin(x: ArrayInput, opts?: ArgReduceOptions & { axis?: undefined; keepdims?: false; out?: undefined }): number;
export function nanargmin(x: ArrayInput, opts: ArgReduceOptions & ({ axis: number | string } | { keepdims: true } | { out: NDArray })): NDArray;
export function nanargmin(x: ArrayInput, opts?: ArgReduceOptions): number | NDArray;
export function nanargmin(x: ArrayInput, opts?: ArgReduceOptions): number | NDArray {
  return argReduce('nanargmin', x, opts);
}
