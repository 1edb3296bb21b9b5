import { StridedArray, type NDArray } from './StridedArray.js';
import { axisOutOfBounds, invalidArgument, shapeMismatch } from '../errors/messages.js';

/**
 * Zero-copy views. Each returns a new NDArray sharing `a.data`; none copies.
 */

/** Reverses (or permutes, with `perm`) the axes, like `np.transpose`. O(ndim). */
export function transpose(a: NDArray, perm?: readonly number[]): NDArray {
  const p = perm ?? a.shape.map((_, i) => a.ndim - 1 - i);
  if (p.length !== a.ndim || new Set(p).size !== a.ndim || p.some((x) => !Number.isInteger(x) || x < 0 || x >= a.ndim)) {
    throw invalidArgument(`transpose: perm must be a permutation of 0..${a.ndim - 1}`);
  }
  const names = a.names ? p.map((i) => a.names![i] ?? null) : undefined;
  return new StridedArray(a.dtype, a.data, p.map((i) => a.shape[i]!), p.map((i) => a.strides[i]!), a.offset, names);
}

/** Reverses one axis, like `np.flip(a, axis)`: a negative-stride view. */
export function flip(a: NDArray, axis: number): NDArray {
  const ax = axis < 0 ? axis + a.ndim : axis;
  if (!Number.isInteger(ax) || ax < 0 || ax >= a.ndim) throw axisOutOfBounds(axis, a.ndim);
  const n = a.shape[ax]!;
  const strides = a.strides.slice();
  const offset = n > 0 ? a.offset + (n - 1) * strides[ax]! : a.offset;
  strides[ax] = -strides[ax]!;
  return new StridedArray(a.dtype, a.data, a.shape, strides, offset, a.names);
}

/**
 * Python slicing on one axis, `a[..., start:stop:step, ...]` (negative start/stop
 * count from the end, bounds clamp, step may be negative but not 0).
 */
export function sliceAxis(a: NDArray, axis: number, start?: number, stop?: number, step = 1): NDArray {
  const ax = axis < 0 ? axis + a.ndim : axis;
  if (!Number.isInteger(ax) || ax < 0 || ax >= a.ndim) throw axisOutOfBounds(axis, a.ndim);
  if (!Number.isInteger(step) || step === 0) throw invalidArgument(`sliceAxis: step must be a non-zero integer, got ${step}`);
  const n = a.shape[ax]!;
  const norm = (v: number | undefined, dflt: number, lo: number, hi: number): number => {
    if (v === undefined) return dflt;
    const w = v < 0 ? v + n : v;
    return Math.min(Math.max(w, lo), hi);
  };
  let b: number, e: number;
  if (step > 0) { b = norm(start, 0, 0, n); e = norm(stop, n, 0, n); }
  else { b = norm(start, n - 1, -1, n - 1); e = norm(stop, -1, -1, n - 1); if (stop !== undefined && stop < -n) e = -1; }
  const len = step > 0 ? Math.max(0, Math.ceil((e - b) / step)) : Math.max(0, Math.ceil((b - e) / -step));
  const shape = a.shape.slice(); shape[ax] = len;
  const strides = a.strides.slice(); strides[ax] = a.strides[ax]! * step;
  const offset = len > 0 ? a.offset + b * a.strides[ax]! : a.offset;
  return new StridedArray(a.dtype, a.data, shape, strides, offset, a.names);
}

/** The broadcast shape of two shapes (NumPy rules), or SHAPE_MISMATCH. */
export function broadcastShapes(x: readonly number[], y: readonly number[]): number[] {
  const n = Math.max(x.length, y.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const a = x[x.length - n + i] ?? 1;
    const b = y[y.length - n + i] ?? 1;
    if (a !== b && a !== 1 && b !== 1) {
      throw shapeMismatch(`shapes [${x.join(', ')}] and [${y.join(', ')}] cannot be broadcast together`);
    }
    out[i] = a === 1 ? b : a;
  }
  return out;
}

/** A read-only broadcast view of `a` with `shape` (stride 0 on stretched axes), like `np.broadcast_to`. */
export function broadcastTo(a: NDArray, shape: readonly number[], what = 'array'): NDArray {
  if (shape.length < a.ndim) throw shapeMismatch(`${what} of shape [${a.shape.join(', ')}] cannot be broadcast to [${shape.join(', ')}]`);
  const lead = shape.length - a.ndim;
  const strides = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < a.ndim; i++) {
    const d = a.shape[i]!;
    const t = shape[lead + i]!;
    if (d === t) strides[lead + i] = a.strides[i]!;
    else if (d === 1) strides[lead + i] = 0;
    else throw shapeMismatch(`${what} of shape [${a.shape.join(', ')}] cannot be broadcast to [${shape.join(', ')}]`);
  }
  return new StridedArray(a.dtype, a.data, shape, strides, a.offset);
}

/** Reshapes a C-contiguous array without copying (the caller guarantees contiguity). */
export function reshapeContiguous(a: NDArray, shape: readonly number[]): NDArray {
  let n = 1; for (const d of shape) n *= d;
  if (n !== a.size) throw shapeMismatch(`cannot reshape array of size ${a.size} into shape [${shape.join(', ')}]`);
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) { strides[i] = s; s *= Math.max(shape[i]!, 1); }
  return new StridedArray(a.dtype, a.data, shape, strides, a.offset);
}
