import type { NDArray } from '../core/StridedArray.js';
import { toNDArray } from '../core/ndarray.js';
import { dtypeError, invalidArgument, shapeMismatch } from '../errors/messages.js';
import { assertNotReleased } from '../core/released.js';
import type { ArrayInput } from '../core/ndarray.js';
import { numericStorage } from '../core/values.js';

/** The rows of a float32 [B, V] NDArray modified in place by applyTopKTopP / applyMinP / applyPenalties. */
export interface InPlaceRows {
  a: NDArray;
  data: Float32Array;
  B: number;
  V: number;
  rs: number;
  cs: number;
}

/** Checks that `logits` is a float32 NDArray of shape [B, V] (or [V]) that can be written in place. */
export function inPlaceRows(logits: unknown, fn: string): InPlaceRows {
  if (logits === null || typeof logits !== 'object' || !ArrayBuffer.isView((logits as NDArray).data) || !Array.isArray((logits as NDArray).shape)) {
    throw invalidArgument(`${fn}: logits must be a float32 NDArray (modified in place); wrap data with ndarray(data, { shape: [B, V] })`);
  }
  assertNotReleased(logits as object, 'logits');
  const a = logits as NDArray;
  if (a.dtype !== 'float32' || !(a.data instanceof Float32Array)) throw dtypeError(`${fn}: logits must be float32 (modified in place), got ${a.dtype}`);
  if (a.ndim !== 1 && a.ndim !== 2) throw shapeMismatch(`${fn}: logits must have shape [B, V] (or [V]), got [${a.shape.join(', ')}]`);
  const B = a.ndim === 2 ? a.shape[0]! : 1;
  const V = a.shape[a.ndim - 1]!;
  return { a, data: a.data, B, V, rs: a.ndim === 2 ? a.strides[0]! : 0, cs: a.strides[a.ndim - 1]! };
}

/**
 * A per-row parameter: a number for every row, an array of B values, or null
 * (off for every row, given as `off`). Returns B numbers, validated by `check`.
 */
export function perRow(v: number | ArrayInput | null, B: number, name: string, off: number, check: (x: number, where: string) => void, fn: string): Float64Array {
  const out = new Float64Array(B);
  if (v === null || v === undefined) { out.fill(off); return out; }
  if (typeof v === 'number') {
    check(v, name);
    out.fill(v);
    return out;
  }
  const a = toNDArray(v, name);
  if (a.ndim !== 1 || a.shape[0] !== B) throw shapeMismatch(`${fn}: ${name} must be a number or have one value per row (${B}), got shape [${a.shape.join(', ')}]`);
  const s = numericStorage(a);
  for (let b = 0; b < B; b++) {
    const x = s[a.offset + b * a.strides[0]!]!;
    check(x, `${name}[${b}]`);
    out[b] = x;
  }
  return out;
}
