import type { NDArray } from '../core/StridedArray.js';
import { toNDArray, forEachOffset, type ArrayInput } from '../core/ndarray.js';
import { int32Array, nonzeroReader } from './common.js';

/**
 * Coordinates of the nonzero elements of `x`, like `np.argwhere`: an int32
 * NDArray of shape [n, ndim], one row per nonzero element in C order.
 *
 * NaN counts as nonzero, `-0` as zero; bool: the true entries. A 0-d input
 * gives shape [1, 0] when nonzero, [0, 0] otherwise (NumPy). Errors: only
 * those of input conversion. Complexity: O(size · ndim) worst case.
 *
 * @example
 * argwhere([[0, 3], [5, 0]])   // int32 [[0, 1], [1, 0]]
 *
 * See also: flatnonzero, unravelIndex.
 */
export function argwhere(x: ArrayInput): NDArray {
  const a = toNDArray(x, 'x');
  const nz = nonzeroReader(a);
  const nd = a.ndim;
  const coords: number[] = [];
  const pos = new Array<number>(nd).fill(0);
  let rows = 0;
  forEachOffset(a, (o) => {
    if (nz(o)) { for (let d = 0; d < nd; d++) coords.push(pos[d]!); rows++; }
    for (let d = nd - 1; d >= 0; d--) {
      pos[d]!++;
      if (pos[d]! < a.shape[d]!) break;
      pos[d] = 0;
    }
  });
  return int32Array(Int32Array.from(coords), [rows, nd]);
}
