/**
 * The shared plan of takeAlongAxis / putAlongAxis: for every element of the
 * (broadcast) result, the physical offset into `arr.data` it reads or writes,
 * following NumPy's `_make_along_axis_idx` (indices broadcast against `arr`
 * on every axis but `axis`; negative indices count from the end).
 */
import type { NDArray } from '../core/StridedArray.js';
import { shapeSize } from '../core/StridedArray.js';
import { forEachOffset } from '../core/ndarray.js';
import { normalizeAxis } from '../core/axis.js';
import { describe, invalidArgument, shapeMismatch } from '../errors/messages.js';
import { readIndexArray } from './common.js';

/** Options of takeAlongAxis / putAlongAxis. */
export interface AlongAxisOptions {
  /** The axis the indices select along; `null` works on the flattened array (indices 1-D). */
  axis: number | string | null;
}

/** The physical offsets of the selected elements and the result shape. */
export interface AlongAxisPlan { offsets: Float64Array; shape: number[] }

/**
 * Validates `indices` and `opts.axis` against `arr` and lists, in C order of
 * the result, the physical offset each result element reads (take) or writes
 * (put). Throws before anything is written. O(result size · ndim) worst case.
 */
export function planAlongAxis(fname: string, arr: NDArray, indices: unknown, opts: unknown): AlongAxisPlan {
  if (typeof opts !== 'object' || opts === null || !('axis' in opts) || (opts as { axis?: unknown }).axis === undefined) {
    throw invalidArgument(`${fname}: opts.axis is required (an axis, or null for the flattened array)`);
  }
  const axisIn = (opts as AlongAxisOptions).axis;
  const { array: idx, values } = readIndexArray(fname, indices, 'indices');
  if (axisIn === null) {
    if (idx.ndim !== 1) throw shapeMismatch(`${fname}: with axis null, indices must be 1-D, got shape [${idx.shape.join(', ')}]`);
    const n = arr.size;
    const flat = new Float64Array(n);
    let k = 0;
    forEachOffset(arr, (o) => { flat[k++] = o; });
    const offsets = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) offsets[i] = flat[wrapIndex(fname, values[i]!, n, 0)]!;
    return { offsets, shape: idx.shape.slice() };
  }
  const axis = normalizeAxis(axisIn, arr);
  const nd = arr.ndim;
  if (idx.ndim !== nd) throw shapeMismatch(`${fname}: indices and arr must have the same number of dimensions, got ${idx.ndim} and ${nd}`);
  const shape = new Array<number>(nd);
  for (let d = 0; d < nd; d++) {
    const a = arr.shape[d]!, b = idx.shape[d]!;
    if (d === axis) shape[d] = b;
    else if (a === b || b === 1) shape[d] = a;
    else if (a === 1) shape[d] = b;
    else throw shapeMismatch(`${fname}: indices of shape [${idx.shape.join(', ')}] cannot be broadcast against arr of shape [${arr.shape.join(', ')}] (axis ${axis} excepted)`);
  }
  const n = shapeSize(shape);
  const offsets = new Float64Array(n);
  if (n === 0) return { offsets, shape };
  const len = arr.shape[axis]!, axStride = arr.strides[axis]!;
  // Broadcast strides: into arr.data (axis excluded) and into the C-order index values.
  const aStr = new Array<number>(nd).fill(0), iStr = new Array<number>(nd).fill(0);
  let acc = 1;
  for (let d = nd - 1; d >= 0; d--) {
    iStr[d] = idx.shape[d] === 1 && shape[d] !== 1 ? 0 : acc;
    acc *= idx.shape[d]!;
    aStr[d] = d === axis || arr.shape[d] === 1 ? 0 : arr.strides[d]!;
  }
  const pos = new Array<number>(nd).fill(0);
  let aOff = arr.offset, iOff = 0;
  for (let k = 0; k < n; k++) {
    offsets[k] = aOff + wrapIndex(fname, values[iOff]!, len, axis) * axStride;
    for (let d = nd - 1; d >= 0; d--) {
      pos[d]!++; aOff += aStr[d]!; iOff += iStr[d]!;
      if (pos[d]! < shape[d]!) break;
      aOff -= aStr[d]! * shape[d]!; iOff -= iStr[d]! * shape[d]!; pos[d] = 0;
    }
  }
  return { offsets, shape };
}

function wrapIndex(fname: string, v: number, n: number, axis: number): number {
  const w = v < 0 ? v + n : v;
  if (w < 0 || w >= n) throw invalidArgument(`${fname}: index ${describe(v)} is out of bounds for axis ${axis} with size ${n}`);
  return w;
}
