import type { DType, TypedArray } from './dtypes.js';

/**
 * An N-d strided view over a TypedArray (API.md §1).
 *
 * `strides` and `offset` count elements, not bytes; strides may be negative
 * (reversed views) or 0 (broadcast views). float16/bfloat16 data are raw bits
 * in a Uint16Array, bool is a Uint8Array of 0/1, int64/uint64 are BigInt arrays.
 */
export interface NDArray {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  readonly data: TypedArray;
  readonly names?: readonly (string | null)[];
  readonly ndim: number;
  readonly size: number;
}

/** The concrete NDArray logitkit creates. Plain data, no hidden state. */
export class StridedArray implements NDArray {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  readonly data: TypedArray;
  declare readonly names?: readonly (string | null)[];
  readonly ndim: number;
  readonly size: number;

  constructor(
    dtype: DType,
    data: TypedArray,
    shape: readonly number[],
    strides: readonly number[],
    offset: number,
    names?: readonly (string | null)[],
  ) {
    this.dtype = dtype;
    this.data = data;
    this.shape = Object.freeze(shape.slice());
    this.strides = Object.freeze(strides.slice());
    this.offset = offset;
    if (names !== undefined) this.names = Object.freeze(names.slice());
    this.ndim = shape.length;
    this.size = shapeSize(shape);
  }
}

/** The number of elements of a shape (1 for the 0-d shape []). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** C-order (row-major) strides in elements for a shape. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= Math.max(shape[i]!, 1);
  }
  return strides;
}

/** True when the view is C-contiguous (size-1 axes may have any stride). */
export function isCContiguous(a: NDArray): boolean {
  let expected = 1;
  for (let i = a.ndim - 1; i >= 0; i--) {
    const d = a.shape[i]!;
    if (d === 0) return true;
    if (d !== 1 && a.strides[i] !== expected) return false;
    expected *= d;
  }
  return true;
}

/** Creates a fresh C-contiguous array of the given dtype and shape (zero filled). */
export function emptyArray(dtype: DType, shape: readonly number[], data?: TypedArray): StridedArray {
  const n = shapeSize(shape);
  const storage = data ?? allocFor(dtype, n);
  return new StridedArray(dtype, storage, shape, contiguousStrides(shape), 0);
}

function allocFor(dtype: DType, n: number): TypedArray {
  switch (dtype) {
    case 'float64': return new Float64Array(n);
    case 'float32': return new Float32Array(n);
    case 'float16': case 'bfloat16': case 'uint16': return new Uint16Array(n);
    case 'int8': return new Int8Array(n);
    case 'uint8': case 'bool': return new Uint8Array(n);
    case 'int16': return new Int16Array(n);
    case 'int32': return new Int32Array(n);
    case 'uint32': return new Uint32Array(n);
    case 'int64': return new BigInt64Array(n);
    case 'uint64': return new BigUint64Array(n);
  }
}
