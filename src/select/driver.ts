import { emptyArray, StridedArray, type NDArray } from '../core/StridedArray.js';
import { toNDArray } from '../core/ndarray.js';
import { resolveAxisView } from '../core/axis.js';
import { lanesOf, type Lanes } from '../core/lanes.js';
import { numericStorage } from '../core/values.js';
import { forEachOffset } from '../core/ndarray.js';
import { isBigIntDType, type DType, type NumericTypedArray } from '../core/dtypes.js';
import { compareBigInt } from '../internal/order.js';
import { describe, invalidArgument } from '../errors/messages.js';

/** Shared plumbing of argsort, argpartition and topk. Not exported from the package. */

/** Throws INVALID_ARGUMENT unless `opts` is undefined or a plain object. */
export function checkOptions(fn: string, opts: unknown): Record<string, unknown> {
  if (opts === undefined || opts === null) return {};
  if (typeof opts !== 'object' || Array.isArray(opts)) throw invalidArgument(`${fn}: options must be an object, got ${describe(opts)}`);
  return opts as Record<string, unknown>;
}

/** Checks a boolean option (default `dflt`). */
export function booleanOption(fn: string, name: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw invalidArgument(`${fn}: ${name} must be a boolean, got ${describe(v)}`);
  return v;
}

/**
 * The input, resolved axis and how to read it. A 0-d input is viewed as one
 * element on axis 0 (axis 0 or -1 accepted). `src` is null when the input is
 * int64/uint64 with a value outside ±2^53, which must then be compared as
 * BigInt (`big`); otherwise values are read as numbers from `src`.
 */
export interface PreparedSelect {
  readonly a: NDArray;
  readonly view: NDArray;
  readonly axis: number;
  readonly n: number;
  readonly src: NumericTypedArray | null;
  readonly big: BigInt64Array | BigUint64Array | null;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Converts `x`, resolves `axis` (default -1) and decides between the number and the BigInt paths. */
export function prepareSelect(fn: string, x: unknown, axisOpt: unknown): PreparedSelect {
  const a = toNDArray(x, 'x');
  const { view, axis } = resolveAxisView(fn, a, axisOpt);
  const n = view.shape[axis]!;
  if (isBigIntDType(a.dtype)) {
    const data = a.data as BigInt64Array | BigUint64Array;
    let exact = true;
    forEachOffset(view, (o) => { const v = data[o]!; if (v > SAFE || v < -SAFE) exact = false; });
    if (!exact) return { a, view, axis, n, src: null, big: data };
  }
  return { a, view, axis, n, src: numericStorage(view), big: null };
}

/** A fresh C-contiguous output shaped like the input with the axis length replaced by `len` (names kept). */
export function outLike(p: PreparedSelect, dtype: DType, len: number): { out: NDArray; lanes: Lanes } {
  const shape = p.view.shape.slice();
  shape[p.axis] = len;
  const flat = emptyArray(dtype, shape);
  const lanes = lanesOf(flat, p.axis);
  if (p.a.ndim === 0) return { out: emptyArray(dtype, len === 1 ? [] : [len], flat.data), lanes };
  const out = p.a.names === undefined ? flat : new StridedArray(dtype, flat.data, flat.shape, flat.strides, 0, p.a.names);
  return { out, lanes };
}

/** The lanes of the input along the resolved axis. */
export function inLanesOf(p: PreparedSelect): Lanes {
  return lanesOf(p.view, p.axis);
}

/**
 * Stable argsort of a BigInt row into `dst[0, n)`: ascending, or descending
 * with equal values in index order. O(n log n); used only for int64/uint64
 * values beyond ±2^53 (everything else takes the Float64 key kernels).
 */
export function bigArgsortRow(data: BigInt64Array | BigUint64Array, off: number, stride: number, n: number, descending: boolean, dst: Int32Array): void {
  const idx = dst.subarray(0, n);
  for (let j = 0; j < n; j++) idx[j] = j;
  const sign = descending ? -1 : 1;
  idx.sort((i, j) => sign * compareBigInt(data[off + i * stride]!, data[off + j * stride]!) || i - j);
}
