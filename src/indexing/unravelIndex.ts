import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { shapeSize } from '../core/StridedArray.js';
import { describe, invalidArgument } from '../errors/messages.js';
import { checkOrder, checkShape, int32Array, optionsOf, readIndexArray } from './common.js';

/** Options of {@link unravelIndex}. */
export interface UnravelOptions {
  /** 'C' (row-major, default) or 'F' (column-major) flattening. */
  order?: 'C' | 'F';
}

/**
 * Converts flat indices into coordinates of an array of `shape`, like
 * `np.unravel_index`.
 *
 * Returns: for a number, the coordinates as a `number[]` (one per dim); for
 * an array of indices, one int32 NDArray per dim, each shaped like `indices`.
 * `order` 'C' (default) treats the flat index as row-major, 'F' as
 * column-major.
 *
 * Errors: `INVALID_ARGUMENT` when an index is not an integer or lies outside
 * [0, size) (NumPy: "index 6 is out of bounds for array with size 6"), when
 * `shape` is not a list of integers >= 0, or `order` is unknown; `DTYPE` for
 * boolean indices. Inputs are never modified.
 * Complexity: O(n · ndim).
 *
 * @example
 * unravelIndex(5, [2, 3])                 // [1, 2]
 * unravelIndex(5, [2, 3], { order: 'F' }) // [1, 2]
 * unravelIndex(argmax(img), img.shape)    // the peak's coordinates
 *
 * See also: ravelMultiIndex, argmax.
 */
export function unravelIndex(index: number, shape: readonly number[], opts?: UnravelOptions): number[];
export function unravelIndex(indices: ArrayInput, shape: readonly number[], opts?: UnravelOptions): NDArray[];
export function unravelIndex(indices: number | ArrayInput, shape: readonly number[], opts?: UnravelOptions): number[] | NDArray[] {
  const fname = 'unravelIndex';
  const o = optionsOf(fname, opts);
  const dims = checkShape(fname, shape);
  const order = checkOrder(fname, o.order);
  const size = shapeSize(dims);
  const check = (v: number): void => {
    if (!Number.isInteger(v)) throw invalidArgument(`${fname}: indices must be integers, got ${describe(v)}`);
    if (v < 0 || v >= size) throw invalidArgument(`${fname}: index ${v} is out of bounds for array with size ${size}`);
  };
  const nd = dims.length;
  const coordsOf = (v: number, put: (d: number, c: number) => void): void => {
    let rem = v;
    if (order === 'C') {
      for (let d = nd - 1; d >= 0; d--) { const n = dims[d]!; put(d, rem % n); rem = Math.floor(rem / n); }
    } else {
      for (let d = 0; d < nd; d++) { const n = dims[d]!; put(d, rem % n); rem = Math.floor(rem / n); }
    }
  };
  if (typeof indices === 'number') {
    check(indices);
    const out = new Array<number>(nd).fill(0);
    coordsOf(indices, (d, c) => { out[d] = c; });
    return out;
  }
  const { array, values } = readIndexArray(fname, indices, 'indices');
  for (let i = 0; i < values.length; i++) check(values[i]!);
  const outs = dims.map(() => new Int32Array(values.length));
  for (let i = 0; i < values.length; i++) coordsOf(values[i]!, (d, c) => { outs[d]![i] = c; });
  return outs.map((data) => int32Array(data, array.shape));
}
