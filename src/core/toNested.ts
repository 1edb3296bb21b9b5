import type { NDArray } from './StridedArray.js';
import { toNDArray, type ArrayInput } from './ndarray.js';
import { decodeBfloat16, decodeFloat16 } from './float16.js';

/** A nested JS value as produced by {@link toNested}. */
export type Nested = number | boolean | bigint | Nested[];

/**
 * Converts an array to nested JS arrays in C order, like NumPy's `tolist()`.
 *
 * A 0-d array gives a scalar. float16/bfloat16 are decoded to numbers, bool
 * gives booleans, int64/uint64 give BigInts. Strided views give the logical
 * (not the storage) order. O(size).
 *
 * @example
 * toNested(ndarray([[1, 2], [3, 4]])) // [[1, 2], [3, 4]]
 */
export function toNested(x: ArrayInput): Nested {
  const a: NDArray = toNDArray(x, 'x');
  const data = a.data;
  const read: (o: number) => number | boolean | bigint =
    a.dtype === 'float16' ? (o) => decodeFloat16(data[o] as number)
      : a.dtype === 'bfloat16' ? (o) => decodeBfloat16(data[o] as number)
        : a.dtype === 'bool' ? (o) => (data[o] as number) !== 0
          : (o) => data[o] as number | bigint;
  const build = (depth: number, base: number): Nested => {
    if (depth === a.ndim) return read(base);
    const n = a.shape[depth]!, s = a.strides[depth]!;
    const out = new Array<Nested>(n);
    for (let i = 0; i < n; i++) out[i] = build(depth + 1, base + i * s);
    return out;
  };
  return build(0, a.offset);
}
