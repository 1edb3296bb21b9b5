import type { NDArray } from './StridedArray.js';
import type { NumericTypedArray } from './dtypes.js';
import { isCContiguous } from './StridedArray.js';
import { decodeBfloat16Array, decodeFloat16Array } from './float16.js';
import { forEachOffset } from './ndarray.js';

/**
 * The storage of `a` as numbers, with the same layout (offset/strides):
 * float16/bfloat16 bits are decoded to a Float32Array, bool stays 0/1,
 * int64/uint64 are converted with Number() (exact up to 2^53; callers that
 * need exact 64-bit order use the BigInt storage directly). O(storage length)
 * when decoding, O(1) otherwise.
 */
export function numericStorage(a: NDArray): NumericTypedArray {
  const d = a.data;
  if (a.dtype === 'float16') return decodeFloat16Array(d as Uint16Array);
  if (a.dtype === 'bfloat16') return decodeBfloat16Array(d as Uint16Array);
  if (d instanceof BigInt64Array || d instanceof BigUint64Array) {
    const out = new Float64Array(d.length);
    for (let i = 0; i < d.length; i++) out[i] = Number(d[i]!);
    return out;
  }
  return d as NumericTypedArray;
}

/**
 * The logical values of `a` in C order as a new Float64Array (or Float32Array
 * with `float32: true`). Zero-copy is never promised: the result is always
 * fresh and safe to modify. O(size).
 */
export function toFloatArray(a: NDArray, float32 = false): Float64Array | Float32Array {
  const out = float32 ? new Float32Array(a.size) : new Float64Array(a.size);
  const src = numericStorage(a);
  if (isCContiguous(a)) {
    for (let i = 0; i < a.size; i++) out[i] = src[a.offset + i]!;
    return out;
  }
  let k = 0;
  forEachOffset(a, (o) => { out[k++] = src[o]!; });
  return out;
}
