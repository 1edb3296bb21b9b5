/**
 * The shared body of maxWithIndices / minWithIndices: an arg-reduction plus a
 * gather of the winning values in the input's own dtype (raw storage copied,
 * so float16 bits and BigInts round-trip exactly).
 */
import { type NDArray, StridedArray, contiguousStrides } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { allocStorage } from '../core/dtypes.js';
import { lanesOf } from '../core/lanes.js';
import { type WithIndicesOptions, computeArg, optionsObject } from './argReduce.js';

/** `{ values, indices }` as torch.max(x, dim) returns them. */
export interface ValuesWithIndices {
  /** The winning values, in the input's dtype. */
  readonly values: NDArray;
  /** Their indices along the axis (flat C-order index without an axis), int32. */
  readonly indices: NDArray;
}

/** torch.max/min(x, dim) on top of computeArg: indices, then the values gathered at them. O(size). */
export function withIndices(kind: 'argmax' | 'argmin', fname: string, x: ArrayInput, opts: WithIndicesOptions | undefined): ValuesWithIndices {
  const o = optionsObject(fname, opts);
  const opt: { axis?: number | string; keepdims?: boolean } = {};
  if (o.axis !== undefined) opt.axis = o.axis;
  if (o.keepdims !== undefined) opt.keepdims = o.keepdims;
  const r = computeArg(kind, fname, x, opt);
  const { view, indices, shape } = r;
  const src = view.data;
  const values = allocStorage(view.dtype, indices.length);
  const dst = values as unknown as { [i: number]: number | bigint };
  if (r.axis === null) {
    // unravel the flat index through the view's strides
    let rem = indices[0]!, off = view.offset;
    for (let d = view.ndim - 1; d >= 0; d--) {
      const n = view.shape[d]!;
      off += (rem % n) * view.strides[d]!;
      rem = Math.floor(rem / n);
    }
    dst[0] = src[off]!;
  } else {
    const { offsets, stride } = lanesOf(view, r.axis);
    for (let i = 0; i < indices.length; i++) dst[i] = src[offsets[i]! + indices[i]! * stride]!;
  }
  const strides = contiguousStrides(shape);
  return {
    values: new StridedArray(view.dtype, values, shape, strides, 0, r.names),
    indices: new StridedArray('int32', indices, shape, strides, 0, r.names),
  };
}
