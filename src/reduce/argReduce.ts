/**
 * The op layer shared by the six arg-reductions: converts the input,
 * validates the options, resolves the axis, checks `out`, picks the fast
 * (dispatch.ts) or the general path (kernels.ts `feedGeneral`) and turns the
 * kernels' sentinels into LogitkitErrors. Nothing here loops over elements
 * except the general path's lane loop.
 */
import { type NDArray, StridedArray, shapeSize, contiguousStrides } from '../core/StridedArray.js';
import { toNDArray, forEachOffset, castArray, type ArrayInput } from '../core/ndarray.js';
import { normalizeAxis } from '../core/axis.js';
import { lanesOf } from '../core/lanes.js';
import { numericStorage } from '../core/values.js';
import { broadcastTo } from '../core/views.js';
import { isBigIntDType, isFloatDType } from '../core/dtypes.js';
import {
  allMasked, allNanSlice, axisOutOfBounds, describe, dtypeError, emptyReduction, invalidArgument, shapeMismatch,
} from '../errors/messages.js';
import { type ArgKind, type UniformSource, compareFor, feedGeneral, newGeneralState } from './kernels.js';
import { argReduceAxis, argReduceFlat } from './dispatch.js';

/** Options of argmax, argmin, nanargmax and nanargmin. */
export interface ArgReduceOptions {
  /** The axis to reduce (negative counts from the end; a string names an axis via `names`). Omitted: the flattened array. */
  axis?: number | string;
  /** Keep the reduced axis (axes, when flat) as length 1. Default false. */
  keepdims?: boolean;
  /** An int32 NDArray of exactly the result shape, written and returned. */
  out?: NDArray;
  /** Which of several equal winners to return. Default 'first' (NumPy). */
  ties?: 'first' | 'last' | 'random';
  /** The random source for `ties: 'random'` (anything with `uniform()` in [0, 1), e.g. `createRng(seed)`). */
  rng?: UniformSource;
  /** A mask broadcastable to `x` (bool, or an integer dtype where nonzero = allowed): false entries never win. */
  where?: ArrayInput;
}

/** Options of maxWithIndices / minWithIndices. */
export interface WithIndicesOptions {
  /** The axis to reduce; omitted: the flattened array (0-d results). */
  axis?: number | string;
  /** Keep the reduced axis as length 1. Default false. */
  keepdims?: boolean;
}

/** What the op layer computed, before it is packaged. */
export interface ArgResult {
  /** The working view: the input, with a 0-d input viewed as shape [1]. */
  view: NDArray;
  /** The input's dtype. */
  input: NDArray;
  /** The reduced axis of `view`, or null for a flat reduction. */
  axis: number | null;
  /** Result indices in C order (lane-relative for an axis, flat otherwise). */
  indices: Int32Array;
  /** The result shape (keepdims applied). */
  shape: number[];
  /** Axis names of the result (the input's, minus the reduced axis unless kept), if the input had names. */
  names: (string | null)[] | undefined;
}

const TIES = ['first', 'last', 'random'] as const;

function isNDArrayLike(x: unknown): x is NDArray {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return typeof o['dtype'] === 'string' && Array.isArray(o['shape']) && Array.isArray(o['strides']) && typeof o['offset'] === 'number' && ArrayBuffer.isView(o['data']);
}

/** Checks an `opts` argument is an object (or absent). */
export function optionsObject<T extends object>(fname: string, opts: T | undefined): Partial<T> {
  if (opts === undefined) return {};
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts)) throw invalidArgument(`${fname}: opts must be an object, got ${describe(opts)}`);
  return opts;
}

/**
 * Runs an arg-reduction of `kind` on `x` (the shared body of the six public
 * functions). `fname` names the public function in messages.
 */
export function computeArg(kind: ArgKind, fname: string, x: ArrayInput, o: ArgReduceOptions): ArgResult {
  const input = toNDArray(x, 'x');
  if (o.keepdims !== undefined && typeof o.keepdims !== 'boolean') throw invalidArgument(`${fname}: keepdims must be a boolean, got ${describe(o.keepdims)}`);
  const keepdims = o.keepdims === true;
  const ties = o.ties ?? 'first';
  if (!(TIES as readonly string[]).includes(ties)) throw invalidArgument(`${fname}: ties must be 'first', 'last' or 'random', got ${describe(ties)}`);
  if (ties === 'random' && (typeof o.rng !== 'object' || o.rng === null || typeof o.rng.uniform !== 'function')) {
    throw invalidArgument(`${fname}: ties: 'random' needs an rng with uniform() (e.g. createRng(seed)), got ${describe(o.rng)}`);
  }

  // Axis: 0-d arrays accept 0 and -1 like NumPy and are reduced as shape [1].
  let axis: number | null = null;
  const zeroD = input.ndim === 0;
  if (o.axis !== undefined) {
    if (zeroD && typeof o.axis === 'number') {
      if (o.axis !== 0 && o.axis !== -1) {
        if (!Number.isInteger(o.axis)) throw invalidArgument(`${fname}: axis must be an integer or an axis name, got ${String(o.axis)}`);
        throw axisOutOfBounds(o.axis, 0);
      }
      axis = 0;
    } else {
      axis = normalizeAxis(o.axis, input);
    }
  }
  const view: NDArray = zeroD ? new StridedArray(input.dtype, input.data, [1], [1], input.offset) : input;

  let mask: NDArray | null = null;
  if (o.where !== undefined) {
    let m = toNDArray(o.where, 'where');
    // Integer masks (e.g. a Uint8Array, or an int64 attention mask) count nonzero as allowed;
    // float masks are refused rather than guessed at.
    if (isFloatDType(m.dtype)) throw dtypeError(`${fname}: where must be a boolean (or integer 0/1) mask, got dtype ${m.dtype} (use booleans or ndarray(mask, { dtype: 'bool' }))`);
    if (m.dtype !== 'bool') m = castArray(m, 'bool');
    const b = broadcastTo(m, input.shape, 'where');
    mask = zeroD ? new StridedArray('bool', b.data, [1], [1], b.offset) : b;
  }

  // Result shape.
  let shape: number[];
  if (axis === null) shape = keepdims ? input.shape.map(() => 1) : [];
  else if (zeroD) shape = [];
  else shape = keepdims ? input.shape.map((d, i) => (i === axis ? 1 : d)) : input.shape.filter((_, i) => i !== axis);

  if (o.out !== undefined) checkOut(fname, o.out, shape);

  const op = kind === 'argmax' || kind === 'nanargmax' ? 'argmax' : 'argmin';
  if (axis === null ? input.size === 0 : view.shape[axis] === 0) throw emptyReduction(op);

  const count = axis === null ? 1 : shapeSize(shape);
  const indices = new Int32Array(count);
  if (mask !== null || ties !== 'first' || isBigIntDType(input.dtype)) {
    general(kind, fname, view, mask, axis, ties, o.rng, indices);
  } else {
    const data = numericStorage(view);
    if (axis === null) indices[0] = argReduceFlat(kind, data, view);
    else argReduceAxis(kind, data, view, axis, indices);
    for (let i = 0; i < count; i++) if (indices[i]! < 0) throw allNanSlice(fname);
  }
  let names: (string | null)[] | undefined;
  if (input.names !== undefined && shape.length > 0) {
    names = axis === null || keepdims ? input.names.slice() : input.names.filter((_, i) => i !== axis);
  }
  return { view, input, axis, indices, shape, names };
}

function general(
  kind: ArgKind, fname: string, view: NDArray, mask: NDArray | null, axis: number | null,
  ties: 'first' | 'last' | 'random', rng: UniformSource | undefined, indices: Int32Array,
): void {
  const data = isBigIntDType(view.dtype) ? (view.data as BigInt64Array | BigUint64Array) : numericStorage(view);
  const laneAxis = axis ?? view.ndim - 1;
  const lanes = lanesOf(view, laneAxis);
  const mlanes = mask === null ? null : lanesOf(mask, laneAxis);
  const mdata = mask === null ? null : (mask.data as Uint8Array);
  const cmp = compareFor(kind);
  const gopts = { ties, rng };
  const nanKind = kind === 'nanargmax' || kind === 'nanargmin';
  const finish = (st: ReturnType<typeof newGeneralState>): number => {
    if (!st.anyUnmasked) throw allMasked(`${fname}: every element of a slice is masked out by where (nothing left to choose from)`);
    if (nanKind && !st.anyNonNaN) throw allNanSlice(fname);
    return st.index;
  };
  const len = lanes.length;
  if (axis === null) {
    const st = newGeneralState();
    for (let l = 0; l < lanes.count; l++) {
      feedGeneral(st, kind, cmp, gopts, data, lanes.offsets[l]!, lanes.stride, len, l * len,
        mdata, mlanes ? mlanes.offsets[l]! : 0, mlanes ? mlanes.stride : 0);
    }
    indices[0] = finish(st);
    return;
  }
  for (let l = 0; l < lanes.count; l++) {
    const st = newGeneralState();
    feedGeneral(st, kind, cmp, gopts, data, lanes.offsets[l]!, lanes.stride, len, 0,
      mdata, mlanes ? mlanes.offsets[l]! : 0, mlanes ? mlanes.stride : 0);
    indices[l] = finish(st);
  }
}

/** Validates an `out` array: an int32 NDArray of exactly `shape`. */
export function checkOut(fname: string, out: unknown, shape: readonly number[]): void {
  if (!isNDArrayLike(out)) throw invalidArgument(`${fname}: out must be an int32 NDArray, got ${describe(out)}`);
  toNDArray(out, 'out'); // released / out-of-bounds views
  if (out.dtype !== 'int32') throw dtypeError(`${fname}: out must have dtype int32, got ${out.dtype}`);
  if (out.shape.length !== shape.length || out.shape.some((d, i) => d !== shape[i])) {
    throw shapeMismatch(`${fname}: out must have shape [${shape.join(', ')}], got [${out.shape.join(', ')}]`);
  }
}

/** Copies C-order `values` into `out` through its strides. */
export function writeOut(out: NDArray, values: Int32Array): void {
  const data = out.data as Int32Array;
  let k = 0;
  forEachOffset(out, (o) => { data[o] = values[k++]!; });
}

/** Packages an arg result as NumPy does: a number, or an int32 NDArray (or `out`). */
export function packageArg(r: ArgResult, o: ArgReduceOptions): number | NDArray {
  if (o.out !== undefined) { writeOut(o.out, r.indices); return o.out; }
  if (r.axis === null && o.keepdims !== true) return r.indices[0]!;
  return new StridedArray('int32', r.indices, r.shape, contiguousStrides(r.shape), 0, r.names);
}

/** The public body of argmax/argmin/nanargmax/nanargmin. */
export function argReduce(kind: ArgKind, x: ArrayInput, opts: ArgReduceOptions | undefined): number | NDArray {
  const o = optionsObject(kind, opts);
  return packageArg(computeArg(kind, kind, x, o), o);
}
