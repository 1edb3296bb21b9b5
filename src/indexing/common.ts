/**
 * Shared helpers of the index functions: validating shapes and integer index
 * arrays, and reading elements through strides in C order.
 */
import { type NDArray, StridedArray, contiguousStrides } from '../core/StridedArray.js';
import { toNDArray, forEachOffset } from '../core/ndarray.js';
import { isBigIntDType, isFloatDType } from '../core/dtypes.js';
import { decodeBfloat16, decodeFloat16 } from '../core/float16.js';
import { describe, dtypeError, invalidArgument } from '../errors/messages.js';

/** Validates a shape argument: an array of integers >= 0. */
export function checkShape(fname: string, shape: unknown, argName = 'shape'): number[] {
  if (!Array.isArray(shape)) throw invalidArgument(`${fname}: ${argName} must be an array of integers >= 0, got ${describe(shape)}`);
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) throw invalidArgument(`${fname}: ${argName} entries must be integers >= 0, got [${shape.map(describe).join(', ')}]`);
  }
  return shape as number[];
}

/** Validates an `order` option. */
export function checkOrder(fname: string, order: unknown): 'C' | 'F' {
  if (order === undefined) return 'C';
  if (order !== 'C' && order !== 'F') throw invalidArgument(`${fname}: order must be 'C' or 'F', got ${describe(order)}`);
  return order;
}

/**
 * Reads the values of an index array in C order as numbers. Integer dtypes
 * are taken as they are (int64/uint64 must be within ±2^53); float dtypes are
 * accepted when every value is an integer (nested JS numbers are float64);
 * bool is rejected like NumPy does for index arrays.
 */
export function readIndexArray(fname: string, input: unknown, argName: string): { array: NDArray; values: Float64Array } {
  const a = toNDArray(input, argName);
  if (a.dtype === 'bool') throw dtypeError(`${fname}: ${argName} must hold integers, got dtype bool`);
  const values = new Float64Array(a.size);
  const data = a.data;
  let k = 0;
  if (isBigIntDType(a.dtype)) {
    forEachOffset(a, (o) => {
      const v = data[o] as bigint;
      if (v > 9007199254740991n || v < -9007199254740991n) throw invalidArgument(`${fname}: ${argName} value ${v} is out of range`);
      values[k++] = Number(v);
    });
  } else {
    const read = a.dtype === 'float16' ? (o: number) => decodeFloat16(data[o] as number)
      : a.dtype === 'bfloat16' ? (o: number) => decodeBfloat16(data[o] as number) : (o: number) => data[o] as number;
    forEachOffset(a, (o) => { values[k++] = read(o); });
    if (isFloatDType(a.dtype)) {
      for (let i = 0; i < values.length; i++) {
        if (!Number.isInteger(values[i]!)) throw invalidArgument(`${fname}: ${argName} must hold integers, got ${values[i]}`);
      }
    }
  }
  return { array: a, values };
}

/** A fresh C-contiguous int32 NDArray. */
export function int32Array(data: Int32Array, shape: readonly number[]): NDArray {
  return new StridedArray('int32', data, shape, contiguousStrides(shape), 0);
}

/** Physical offset of C-order flat index `flat` in `a`. */
export function offsetOfFlat(a: NDArray, flat: number): number {
  let rem = flat, off = a.offset;
  for (let d = a.ndim - 1; d >= 0; d--) {
    const n = a.shape[d]!;
    off += (rem % n) * a.strides[d]!;
    rem = Math.floor(rem / n);
  }
  return off;
}

/** A reader telling whether the element at a physical offset is nonzero (NaN counts as nonzero). */
export function nonzeroReader(a: NDArray): (o: number) => boolean {
  const data = a.data;
  if (isBigIntDType(a.dtype)) return (o) => (data[o] as bigint) !== 0n;
  if (a.dtype === 'float16' || a.dtype === 'bfloat16') return (o) => ((data[o] as number) & 0x7fff) !== 0;
  return (o) => (data[o] as number) !== 0;
}

/** Checks an `opts` argument is an object (or absent). */
export function optionsOf<T extends object>(fname: string, opts: T | undefined): Partial<T> {
  if (opts === undefined) return {};
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts)) throw invalidArgument(`${fname}: opts must be an object, got ${describe(opts)}`);
  return opts;
}
