import type { NDArray } from '../core/StridedArray.js';
import { toNDArray, forEachOffset, type ArrayInput } from '../core/ndarray.js';
import { int32Array, nonzeroReader } from './common.js';

/**
 * Indices of the nonzero elements of the C-order flattening of `x`, like
 * `np.flatnonzero`: a 1-D int32 NDArray in increasing order.
 *
 * NaN counts as nonzero, `-0` as zero; bool: the true entries; float16 and
 * bfloat16 by value (any non-zero bit pattern but ±0). Strided views give the
 * indices of their logical order. Errors: only those of input conversion.
 * Complexity: O(size).
 *
 * @example
 * flatnonzero([[0, 3], [NaN, 0]])   // int32 [1, 2]
 *
 * See also: argwhere, unravelIndex.
 */
export function flatnonzero(x: ArrayInput): NDArray {
  const a = toNDArray(x, 'x');
  const nz = nonzeroReader(a);
  const hits: number[] = [];
  let k = 0;
  forEachOffset(a, (o) => { if (nz(o)) hits.push(k); k++; });
  return int32Array(Int32Array.from(hits), [hits.length]);
}
