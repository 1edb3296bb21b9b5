import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { describe, invalidArgument } from '../errors/messages.js';
import { bigArgsortRow, checkOptions, inLanesOf, outLike, prepareSelect } from './driver.js';
import { gatherRow, Scratch, selectKth } from './kernels.js';

/** Options of {@link argpartition}. */
export interface ArgpartitionOptions {
  /** The axis to partition along (negative counts from the end, a string names an axis). Default -1. */
  axis?: number | string;
}

/** Normalises kth (a number or a list) against the axis length: sorted, unique, in [0, n). */
function normalizeKth(fn: string, kth: unknown, n: number): number[] {
  const list = typeof kth === 'number' ? [kth] : Array.isArray(kth) ? (kth as unknown[]) : null;
  if (list === null) throw invalidArgument(`${fn}: kth must be an integer or an array of integers, got ${describe(kth)}`);
  const out: number[] = [];
  for (const k of list) {
    if (typeof k !== 'number' || !Number.isInteger(k)) throw invalidArgument(`${fn}: kth must be integers, got ${describe(k)}`);
    if (k < -n || k >= n) throw invalidArgument(`${fn}: kth(=${k}) out of bounds (${n})`);
    out.push(k < 0 ? k + n : k);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/**
 * Indices that partition `x` along `axis` around each `kth` position, like
 * `np.argpartition(x, kth, axis)`: in every lane, the index at position kth
 * points to the value a full ascending sort would put there, every position
 * before it points to a value <= that one and every position after to a
 * value >= it. With a list of kth, this holds for each of them at once.
 * Negative kth counts from the end.
 *
 * Returns a new int32 NDArray of the input's shape (axis names kept); each
 * lane is a permutation of 0..n-1.
 *
 * Order: ascending with NaN last (NumPy), `-0` equal to `+0`. The result is
 * deterministic (ties are placed by index; NaNs are last in index order) but,
 * as in NumPy, only the kth property is promised, not the exact permutation.
 * int64/uint64 compare exactly; float16/bfloat16 by decoded value.
 *
 * Errors: kth not an integer (or list of integers) in [-n, n) →
 * INVALID_ARGUMENT (NumPy's "kth(=5) out of bounds (5)"); a bad axis →
 * AXIS_OUT_OF_BOUNDS / INVALID_ARGUMENT. The input is never modified.
 *
 * Complexity: introselect on a (value, index) copy of each lane: O(n) expected
 * per kth, O(n log n) worst case; int64/uint64 beyond ±2^53 are fully sorted
 * (exact BigInt comparisons), which is a valid partition.
 *
 * @example
 * const idx = toNested(argpartition([5, 1, 4, 2, 3], 2)) as number[];
 * idx[2]                 // 4 (the index of 3, the median)
 * toNested(argpartition([5, 1, NaN, 2], -1))  // [..., 2]: NaN sorts last
 *
 * See also {@link argsort}, {@link topk}.
 */
export function argpartition(x: ArrayInput, kth: number | number[], opts?: ArgpartitionOptions): NDArray {
  const fn = 'argpartition';
  const o = checkOptions(fn, opts);
  const p = prepareSelect(fn, x, o['axis']);
  const n = p.n;
  const ks = normalizeKth(fn, kth, n);
  const { out, lanes: outLanes } = outLike(p, 'int32', n);
  if (out.size === 0) return out;
  const dst = out.data as Int32Array;
  const inLanes = inLanesOf(p);
  const s = new Scratch();
  s.ensure(n);
  const row = new Int32Array(n);
  for (let i = 0; i < inLanes.count; i++) {
    const off = inLanes.offsets[i]!;
    if (p.src === null) {
      bigArgsortRow(p.big!, off, inLanes.stride, n, false, row);
    } else {
      const l = gatherRow(p.src, off, inLanes.stride, n, 1, s);
      let lo = 0;
      for (const k of ks) {
        if (k >= l) break; // positions in the NaN tail hold NaN whatever the order
        selectKth(s.kb, s.ib, lo, l - 1, k);
        lo = k + 1;
      }
      row.set(s.ib.subarray(0, l), 0);
      row.set(s.nan.subarray(0, n - l), l);
    }
    const o0 = outLanes.offsets[i]!, os = outLanes.stride;
    for (let j = 0, q = o0; j < n; j++, q += os) dst[q] = row[j]!;
  }
  return out;
}
