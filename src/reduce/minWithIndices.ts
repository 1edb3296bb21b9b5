import type { ArrayInput } from '../core/ndarray.js';
import type { WithIndicesOptions } from './argReduce.js';
import { type ValuesWithIndices, withIndices } from './withIndices.js';

/**
 * The minimum and its index, like `torch.min(x, dim)`.
 *
 * Returns `{ values, indices }`: with `axis` (negative counts from the end, or
 * a name from `names`), both shaped like `x` without that axis (kept as 1 with
 * `keepdims`); without `axis`, over the flattened array, both 0-d (or
 * [1, ..., 1] with `keepdims`) and the index is into the C-order flattening.
 * `values` keeps the input dtype (float16 bits, BigInts and bools copied
 * exactly); `indices` is int32. Both keep the names of the remaining axes.
 *
 * NaN: propagates like torch: a slice containing NaN gives value NaN and the
 * index of its first NaN. Ties: the first occurrence (torch 1.13 on CPU does
 * the same); `-0 == +0`. bool compares false < true; int64/uint64 exactly.
 *
 * Errors: `EMPTY_REDUCTION` (zero-length axis), `AXIS_OUT_OF_BOUNDS`,
 * `INVALID_ARGUMENT`. The input is never modified.
 * Complexity: O(size) time, O(size / len) extra memory.
 *
 * @example
 * const { values, indices } = minWithIndices([[1, 9, 3], [8, 2, 8]], { axis: 1 });
 * // values float64 [1, 2], indices int32 [0, 1]
 *
 * See also: argmin, maxWithIndices.
 */
export function minWithIndices(x: ArrayInput, opts?: WithIndicesOptions): ValuesWithIndices {
  return withIndices('argmin', 'minWithIndices', x, opts);
}
