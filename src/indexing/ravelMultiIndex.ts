import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { shapeSize } from '../core/StridedArray.js';
import { broadcastShapes } from '../core/views.js';
import { describe, invalidArgument, shapeMismatch } from '../errors/messages.js';
import { checkOrder, checkShape, int32Array, optionsOf, readIndexArray } from './common.js';

/** How an out-of-range coordinate is handled. */
export type RavelMode = 'raise' | 'wrap' | 'clip';

/** Options of {@link ravelMultiIndex}. */
export interface RavelOptions {
  /** 'raise' (default), 'wrap' (modulo the dim) or 'clip' (clamp), or one mode per dim. */
  mode?: RavelMode | readonly RavelMode[];
  /** 'C' (row-major, default) or 'F' (column-major). */
  order?: 'C' | 'F';
}

const MODES: readonly string[] = ['raise', 'wrap', 'clip'];

/**
 * Converts coordinates into flat indices of an array of `shape`, like
 * `np.ravel_multi_index`.
 *
 * `multiIndex` has one entry per dim: all numbers → a single flat index
 * (a number); arrays (any ArrayInput, broadcast together) → an int32 NDArray
 * of the broadcast shape. `mode` per NumPy: 'raise' rejects coordinates
 * outside [0, dim) (negative ones included), 'wrap' takes them modulo the dim,
 * 'clip' clamps; an array gives one mode per dim.
 *
 * Errors: `SHAPE_MISMATCH` when `multiIndex` (or a per-dim `mode` list) does
 * not have one entry per dim, or the coordinate arrays do not broadcast;
 * `INVALID_ARGUMENT` for an out-of-range coordinate under 'raise'
 * ("invalid entry in coordinates array"), a non-integer, an unknown mode or
 * order, a clip/wrap into a zero-length dim, or an array result beyond int32;
 * `DTYPE` for boolean coordinates. Inputs are never modified.
 * Complexity: O(n · ndim).
 *
 * @example
 * ravelMultiIndex([1, 2], [2, 3])                       // 5
 * ravelMultiIndex([[0, 1], [2, 5]], [2, 3], { mode: 'clip' }) // int32 [2, 5]
 * ravelMultiIndex([-1, 4], [2, 3], { mode: 'wrap' })   // 4
 *
 * See also: unravelIndex.
 */
export function ravelMultiIndex(multiIndex: readonly number[], shape: readonly number[], opts?: RavelOptions): number;
export function ravelMultiIndex(multiIndex: readonly ArrayInput[], shape: readonly number[], opts?: RavelOptions): number | NDArray;
export function ravelMultiIndex(multiIndex: readonly (number | ArrayInput)[], shape: readonly number[], opts?: RavelOptions): number | NDArray {
  const fname = 'ravelMultiIndex';
  const o = optionsOf(fname, opts);
  const dims = checkShape(fname, shape);
  const order = checkOrder(fname, o.order);
  const nd = dims.length;
  if (!Array.isArray(multiIndex)) throw invalidArgument(`${fname}: multiIndex must be an array with one entry per dim, got ${describe(multiIndex)}`);
  if (multiIndex.length !== nd) throw shapeMismatch(`${fname}: multiIndex has ${multiIndex.length} entries, shape [${dims.join(', ')}] needs ${nd}`);
  const modeIn = o.mode ?? 'raise';
  let modes: RavelMode[];
  if (Array.isArray(modeIn)) {
    if (modeIn.length !== nd) throw shapeMismatch(`${fname}: mode has ${modeIn.length} entries, shape [${dims.join(', ')}] needs ${nd}`);
    modes = modeIn.slice() as RavelMode[];
  } else modes = dims.map(() => modeIn as RavelMode);
  for (const m of modes) if (!MODES.includes(m)) throw invalidArgument(`${fname}: mode must be 'raise', 'wrap' or 'clip', got ${describe(m)}`);

  // Place value of each dim.
  const place = new Array<number>(nd);
  let s = 1;
  if (order === 'C') for (let d = nd - 1; d >= 0; d--) { place[d] = s; s *= dims[d]!; }
  else for (let d = 0; d < nd; d++) { place[d] = s; s *= dims[d]!; }

  const fix = (v: number, d: number): number => {
    const n = dims[d]!;
    if (!Number.isInteger(v)) throw invalidArgument(`${fname}: coordinates must be integers, got ${describe(v)}`);
    if (v >= 0 && v < n) return v;
    const mode = modes[d]!;
    if (mode === 'raise') throw invalidArgument(`${fname}: invalid entry in coordinates array: ${v} is outside [0, ${n}) for dim ${d}`);
    if (n === 0) throw invalidArgument(`${fname}: cannot ${mode} index ${v} into dim ${d} of length 0`);
    if (mode === 'wrap') return ((v % n) + n) % n;
    return v < 0 ? 0 : n - 1;
  };

  if (multiIndex.every((m) => typeof m === 'number')) {
    let flat = 0;
    for (let d = 0; d < nd; d++) flat += fix(multiIndex[d] as number, d) * place[d]!;
    return flat;
  }
  const cols = multiIndex.map((m, d) => readIndexArray(fname, m, `multiIndex[${d}]`));
  let bshape: number[] = [];
  for (const c of cols) bshape = broadcastShapes(bshape, c.array.shape);
  const n = shapeSize(bshape);
  if (n > 0 && shapeSize(dims) > 2147483648) throw invalidArgument(`${fname}: shape [${dims.join(', ')}] has more elements than an int32 index can address`);
  const out = new Int32Array(n);
  // Broadcast each coordinate array by C-order strides over bshape.
  for (let d = 0; d < nd; d++) {
    const { array, values } = cols[d]!;
    const lead = bshape.length - array.ndim;
    const st = new Array<number>(bshape.length).fill(0);
    let acc = 1;
    for (let k = array.ndim - 1; k >= 0; k--) { st[lead + k] = array.shape[k] === 1 ? 0 : acc; acc *= array.shape[k]!; }
    const idx = new Array<number>(bshape.length).fill(0);
    let src = 0;
    for (let i = 0; i < n; i++) {
      out[i] = out[i]! + fix(values[src]!, d) * place[d]!;
      for (let k = bshape.length - 1; k >= 0; k--) {
        idx[k]!++; src += st[k]!;
        if (idx[k]! < bshape[k]!) break;
        src -= st[k]! * bshape[k]!; idx[k] = 0;
      }
    }
  }
  return int32Array(out, bshape);
}
