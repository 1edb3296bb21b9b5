import { isCContiguous, type NDArray } from '../../core/StridedArray.js';
import { toNDArray } from '../../core/ndarray.js';
import { toFloatArray } from '../../core/values.js';
import { transpose } from '../../core/views.js';
import { normalizeAxis } from '../../core/axis.js';
import { invalidArgument, shapeMismatch } from '../../errors/messages.js';
import { LogitkitError } from '../../errors/LogitkitError.js';

/**
 * Shared, non-exported plumbing of the decision functions: reading class
 * indices (predictions, targets) and laying a class axis out as contiguous rows.
 */

/** Class indices read from an integer-valued array, in C order. */
export interface ClassIndices {
  readonly shape: readonly number[];
  readonly values: Int32Array;
}

/**
 * Reads `input` as class indices: every element must be an integer (any
 * numeric dtype or bool), and in [0, numClasses) when `numClasses` is given;
 * else INVALID_ARGUMENT naming `fn`, `name` and the first offending position.
 * O(size).
 */
export function readClassIndices(input: unknown, name: string, fn: string, numClasses?: number): ClassIndices {
  const a = toNDArray(input, name);
  const flat = toFloatArray(a);
  const values = new Int32Array(flat.length);
  for (let i = 0; i < flat.length; i++) {
    const v = flat[i]!;
    if (!Number.isInteger(v)) {
      throw invalidArgument(`${fn}: ${name} must hold integer class indices, got ${v} at flat position ${i}` +
        (Number.isFinite(v) ? ' (pass argmax(logits, {axis: -1}) or predict(logits).indices, not scores)' : ''));
    }
    if (numClasses !== undefined && (v < 0 || v >= numClasses)) {
      throw invalidArgument(`${fn}: ${name} must be in [0, ${numClasses}) (numClasses), got ${v} at flat position ${i}`);
    }
    if (v < -2147483648 || v > 2147483647) throw invalidArgument(`${fn}: ${name} holds ${v} at flat position ${i}, outside the int32 range`);
    values[i] = v;
  }
  return { shape: a.shape, values };
}

/** Throws SHAPE_MISMATCH unless the two shapes are equal. */
export function assertSameShape(a: readonly number[], b: readonly number[], fn: string, aName: string, bName: string, hint = ''): void {
  if (a.length === b.length && a.every((d, i) => d === b[i])) return;
  throw shapeMismatch(`${fn}: ${aName} of shape [${a.join(', ')}] and ${bName} of shape [${b.join(', ')}] must have the same shape${hint}`);
}

/** Validates `numClasses`: an integer >= 1. */
export function checkNumClasses(numClasses: unknown, fn: string): number {
  if (typeof numClasses !== 'number' || !Number.isInteger(numClasses) || numClasses < 1) {
    throw invalidArgument(`${fn}: numClasses must be an integer >= 1, got ${String(numClasses)}`);
  }
  return numClasses;
}

/** A class axis laid out as `rows` contiguous rows of `classes` values each. */
export interface ClassRows {
  /** Row-major [rows, classes] values. May share the input's storage: read only. */
  readonly data: Float64Array | Float32Array;
  readonly rows: number;
  readonly classes: number;
  /** The shape of one value per row: the input shape without the class axis. */
  readonly outShape: number[];
}

/**
 * `a` with its class axis `axis` (already normalized) moved last, so row r is
 * `data[r * classes .. (r + 1) * classes)` and rows follow the C order of the
 * remaining axes. A C-contiguous float32/float64 array with the class axis last
 * (e.g. a fresh softmax result) is used in place; anything else is copied to
 * float64. O(size) at worst, O(1) in place.
 */
export function classRows(a: NDArray, axis: number): ClassRows {
  if (axis === a.ndim - 1 && isCContiguous(a) && (a.dtype === 'float64' || a.dtype === 'float32')) {
    const classes = a.shape[axis]!;
    const outShape = a.shape.slice(0, -1);
    let rows = 1;
    for (const d of outShape) rows *= d;
    const d = a.data as Float64Array | Float32Array;
    return { data: d.subarray(a.offset, a.offset + rows * classes), rows, classes, outShape };
  }
  const perm: number[] = [];
  for (let d = 0; d < a.ndim; d++) if (d !== axis) perm.push(d);
  perm.push(axis);
  const moved = axis === a.ndim - 1 ? a : transpose(a, perm);
  const classes = a.shape[axis]!;
  const outShape = perm.slice(0, -1).map((d) => a.shape[d]!);
  let rows = 1;
  for (const d of outShape) rows *= d;
  const src = toFloatArray(moved);
  const data = src instanceof Float64Array ? src : Float64Array.from(src);
  return { data, rows, classes, outShape };
}

/** Resolves a class axis and rejects 0-d inputs and empty class axes (EMPTY_REDUCTION). */
export function classAxis(a: NDArray, axis: number | string | undefined, fn: string): number {
  if (a.ndim === 0) throw invalidArgument(`${fn}: expected scores with a class axis, got a 0-d array`);
  const ax = normalizeAxis(axis ?? -1, a);
  if (a.shape[ax] === 0) throw new LogitkitError('EMPTY_REDUCTION', `${fn}: the class axis ${ax} is empty (attempt to get argmax of an empty sequence)`);
  return ax;
}

/**
 * The shared prologue of the metrics: converts `pred` and `target`, checks they
 * have the same shape (SHAPE_MISMATCH, with a hint when `pred` looks like
 * [N, C] scores), and reads both as class indices (in [0, numClasses) when
 * given). O(N).
 */
export function readPredTarget(pred: unknown, target: unknown, fn: string, numClasses?: number): { p: ClassIndices; t: ClassIndices } {
  const pa = toNDArray(pred, 'pred'), ta = toNDArray(target, 'target');
  assertSameShape(pa.shape, ta.shape, fn, 'pred', 'target',
    pa.ndim === ta.ndim + 1 ? ' (pass class indices, e.g. predict(logits).indices, not [N, C] scores)' : '');
  return { p: readClassIndices(pa, 'pred', fn, numClasses), t: readClassIndices(ta, 'target', fn, numClasses) };
}
