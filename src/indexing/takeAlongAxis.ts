import { type NDArray, StridedArray, contiguousStrides } from '../core/StridedArray.js';
import { toNDArray, type ArrayInput } from '../core/ndarray.js';
import { allocStorage } from '../core/dtypes.js';
import { type AlongAxisOptions, planAlongAxis } from './alongAxis.js';

/**
 * Picks values along an axis with an index array, like `np.take_along_axis`.
 *
 * `indices` has the same number of dims as `arr` and broadcasts against it on
 * every axis but `axis`; the result (a new C-contiguous array of `arr`'s
 * dtype) has the broadcast shape with `indices.shape[axis]` on `axis`.
 * `axis: null` works on the C-order flattening of `arr` with 1-D `indices`.
 * Negative indices count from the end (NumPy). Typical partner of
 * `argmax(x, { axis, keepdims: true })` and `argsort`.
 *
 * Errors: `INVALID_ARGUMENT` for an index outside [-n, n), a non-integer
 * index, a missing `axis` or an unknown axis name; `AXIS_OUT_OF_BOUNDS`;
 * `SHAPE_MISMATCH` when the ranks differ or the shapes do not broadcast;
 * `DTYPE` for boolean indices. Inputs are never modified.
 * Complexity: O(result size · ndim) worst case, O(result size) typical.
 *
 * @example
 * const x = [[10, 30, 20], [60, 40, 50]];
 * const i = argmax(x, { axis: 1, keepdims: true });  // int32 [[1], [0]]
 * takeAlongAxis(x, i, { axis: 1 })                   // float64 [[30], [60]]
 *
 * See also: putAlongAxis, argmax, argsort.
 */
export function takeAlongAxis(arr: ArrayInput, indices: ArrayInput, opts: AlongAxisOptions): NDArray {
  const a = toNDArray(arr, 'arr');
  const { offsets, shape } = planAlongAxis('takeAlongAxis', a, indices, opts);
  const out = allocStorage(a.dtype, offsets.length);
  const src = a.data as unknown as { [i: number]: number | bigint };
  const dst = out as unknown as { [i: number]: number | bigint };
  for (let i = 0; i < offsets.length; i++) dst[i] = src[offsets[i]!]!;
  return new StridedArray(a.dtype, out, shape, contiguousStrides(shape), 0);
}
