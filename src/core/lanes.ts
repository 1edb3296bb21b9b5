import type { NDArray } from './StridedArray.js';

/**
 * The 1-D lanes of `a` along `axis`: lane i covers
 * `data[offsets[i] + j * stride]` for j in [0, length). Lanes are listed in the
 * C order of the remaining axes, so lane i is output element i of a reduction
 * over `axis`. Built with an odometer over the outer axes (no per-element
 * unravel). O(size / length) time and memory.
 */
export interface Lanes {
  readonly offsets: Float64Array;
  readonly stride: number;
  readonly length: number;
  readonly count: number;
}

/** Computes the lanes of `a` along `axis` (already normalized). */
export function lanesOf(a: NDArray, axis: number): Lanes {
  const length = a.shape[axis]!;
  const stride = a.strides[axis]!;
  const outerShape: number[] = [];
  const outerStrides: number[] = [];
  for (let d = 0; d < a.ndim; d++) {
    if (d === axis) continue;
    outerShape.push(a.shape[d]!);
    outerStrides.push(a.strides[d]!);
  }
  let count = 1;
  for (const d of outerShape) count *= d;
  const offsets = new Float64Array(count);
  if (count === 0) return { offsets, stride, length, count };
  const nd = outerShape.length;
  if (nd === 0) { offsets[0] = a.offset; return { offsets, stride, length, count }; }
  const idx = new Array<number>(nd).fill(0);
  const inner = outerShape[nd - 1]!, innerStride = outerStrides[nd - 1]!;
  let base = a.offset, k = 0;
  for (;;) {
    for (let j = 0, o = base; j < inner; j++, o += innerStride) offsets[k++] = o;
    let d = nd - 2;
    for (; d >= 0; d--) {
      idx[d]!++;
      base += outerStrides[d]!;
      if (idx[d]! < outerShape[d]!) break;
      base -= outerStrides[d]! * outerShape[d]!;
      idx[d] = 0;
    }
    if (d < 0) break;
  }
  return { offsets, stride, length, count };
}
