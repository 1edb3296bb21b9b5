import type { NDArray } from '../core/StridedArray.js';
import { toNDArray, castArray, type ArrayInput } from '../core/ndarray.js';
import { broadcastTo } from '../core/views.js';
import { describe, invalidArgument } from '../errors/messages.js';
import { type AlongAxisOptions, planAlongAxis } from './alongAxis.js';

/**
 * Writes values along an axis at index positions, in place, like
 * `np.put_along_axis`.
 *
 * The positions are those {@link takeAlongAxis} would read with the same
 * `indices` and `axis`; `values` broadcasts to that shape and is converted to
 * `arr`'s dtype (NumPy casting: floats truncate into integer dtypes, float16
 * rounds to nearest even). Where an index repeats, the last write wins.
 * `arr` must be an NDArray or a TypedArray (it is modified through its
 * strides); everything is validated before the first write, so on error
 * `arr` is unchanged. Returns nothing (like NumPy).
 *
 * Errors: `INVALID_ARGUMENT` (index outside [-n, n), non-integer index,
 * missing `axis`, `arr` not an NDArray/TypedArray), `AXIS_OUT_OF_BOUNDS`,
 * `SHAPE_MISMATCH` (ranks differ, shapes or `values` do not broadcast),
 * `DTYPE` (boolean indices). Complexity: O(result size · ndim).
 *
 * @example
 * const q = ndarray([[1, 5, 2], [7, 3, 0]]);
 * putAlongAxis(q, argmax(q, { axis: 1, keepdims: true }), 0, { axis: 1 });
 * toNested(q) // [[1, 0, 2], [0, 3, 0]]
 *
 * See also: takeAlongAxis.
 */
export function putAlongAxis(arr: NDArray, indices: ArrayInput, values: ArrayInput, opts: AlongAxisOptions): void {
  const fname = 'putAlongAxis';
  if (typeof arr !== 'object' || arr === null || Array.isArray(arr)) {
    throw invalidArgument(`${fname}: arr must be an NDArray or a TypedArray (it is modified in place), got ${describe(arr)}`);
  }
  const a = toNDArray(arr, 'arr');
  const { offsets, shape } = planAlongAxis(fname, a, indices, opts);
  const v = broadcastTo(toNDArray(values, 'values'), shape, 'values');
  const src = castArray(v, a.dtype).data as unknown as { [i: number]: number | bigint };
  const dst = a.data as unknown as { [i: number]: number | bigint };
  for (let i = 0; i < offsets.length; i++) dst[offsets[i]!] = src[i]!;
}
