import { emptyArray, type NDArray, StridedArray } from '../core/StridedArray.js';
import { toNDArray } from '../core/ndarray.js';
import { resolveAxisView } from '../core/axis.js';
import { lanesOf, type Lanes } from '../core/lanes.js';
import { numericStorage } from '../core/values.js';
import type { NumericTypedArray } from '../core/dtypes.js';
import { describe, invalidArgument } from '../errors/messages.js';

/**
 * Shared plumbing of the prob/ functions: option checks, the axis, the output
 * dtype rule and lane iteration. Not exported from the package.
 */

/** Throws INVALID_ARGUMENT unless `opts` is undefined or a plain object. */
export function checkOptions(fn: string, opts: unknown): Record<string, unknown> {
  if (opts === undefined || opts === null) return {};
  if (typeof opts !== 'object' || Array.isArray(opts)) throw invalidArgument(`${fn}: options must be an object, got ${describe(opts)}`);
  return opts as Record<string, unknown>;
}

/** 1 / temperature, after checking that temperature is a finite number > 0 (default 1). */
export function inverseTemperature(fn: string, t: unknown): number {
  if (t === undefined) return 1;
  if (typeof t !== 'number' || !Number.isFinite(t) || t <= 0) {
    throw invalidArgument(`${fn}: temperature must be a finite number > 0, got ${describe(t)}`);
  }
  const inv = 1 / t;
  if (!Number.isFinite(inv)) throw invalidArgument(`${fn}: temperature ${t} is too small (1 / temperature overflows)`);
  return inv;
}

/** Checks a boolean option (default `dflt`). */
export function booleanOption(fn: string, name: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw invalidArgument(`${fn}: ${name} must be a boolean, got ${describe(v)}`);
  return v;
}

/** float64 stays float64; every other dtype computes into float32 (API.md §6). */
export function floatOutDType(a: NDArray): 'float32' | 'float64' {
  return a.dtype === 'float64' ? 'float64' : 'float32';
}

/** The input as an NDArray, its numeric storage and the resolved axis (a 0-d input counts as one element on axis 0/-1). */
export interface Prepared {
  readonly a: NDArray;
  readonly src: NumericTypedArray;
  readonly axis: number;
  /** The input viewed with at least one dimension (0-d → shape [1]). */
  readonly view: NDArray;
}

/** Converts `x` (named `name`), resolves `axis` (default -1). */
export function prepare(fn: string, x: unknown, axisOpt: unknown, name = 'x'): Prepared {
  const a = toNDArray(x, name);
  const { view, axis } = resolveAxisView(fn, a, axisOpt);
  return { a, src: numericStorage(view), axis, view };
}

/** A fresh output with the same shape (and axis names) as `a`. */
export function sameShapeOut(a: NDArray, dtype: 'float32' | 'float64'): StridedArray {
  const out = emptyArray(dtype, a.shape);
  if (a.names === undefined) return out;
  return new StridedArray(dtype, out.data, out.shape, out.strides, 0, a.names);
}

/** A fresh output shaped like `a` reduced over `axis` (kept as 1 with keepdims). */
export function reducedOut(a: NDArray, axis: number, keepdims: boolean, dtype: 'float32' | 'float64'): StridedArray {
  if (a.ndim === 0) return emptyArray(dtype, []);
  const shape = a.shape.slice();
  const names = a.names?.slice();
  if (keepdims) shape[axis] = 1;
  else { shape.splice(axis, 1); names?.splice(axis, 1); }
  const out = emptyArray(dtype, shape);
  return names === undefined ? out : new StridedArray(dtype, out.data, out.shape, out.strides, 0, names);
}

/** Lanes of the input view and of a same-shape contiguous output (paired by index). */
export function pairedLanes(view: NDArray, axis: number, out: NDArray): { inLanes: Lanes; outLanes: Lanes } {
  const inLanes = lanesOf(view, axis);
  const outView = out.ndim === view.ndim ? out : new StridedArray(out.dtype, out.data, view.shape, [1], 0);
  return { inLanes, outLanes: lanesOf(outView, axis) };
}
