import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import type { NumericTypedArray } from '../core/dtypes.js';
import { describe, invalidArgument } from '../errors/messages.js';
import { bigArgsortRow, booleanOption, checkOptions, inLanesOf, outLike, prepareSelect } from './driver.js';
import { gatherRow, heapSelectRow, Scratch, selectKth, sortRange } from './kernels.js';
import { topkRowF32 } from '../kernels/topkRow.js';

/** Options of {@link topk}. */
export interface TopkOptions {
  /** The axis to select along (negative counts from the end, a string names an axis). Default -1. */
  axis?: number | string;
  /** Select the largest (true, default) or the smallest (false) values. */
  largest?: boolean;
  /** Return the k in rank order (default true); false returns them in ascending index order. */
  sorted?: boolean;
}

/** The result of {@link topk}: values (input dtype) and int32 indices, both with the axis of length k. */
export interface TopkResult {
  values: NDArray;
  indices: NDArray;
}

/** Heap path while k is small against the row; beyond, selection on a copy is cheaper. */
const HEAP_MAX_K = 4096;

let useF32Kernel = true;
/**
 * Test hook: false keeps every row on the JS selection kernels (the reference
 * path); true (default) lets contiguous float32 rows with `largest` try the
 * WASM SIMD fast path of src/kernels/topkRow.ts first. Not exported from the
 * package.
 */
export function setTopkF32Kernel(on: boolean): void {
  useF32Kernel = on;
}

/**
 * Chooses the k entries of one numeric row into `sel[0, k)`. Largest: NaN
 * ranks above +Infinity, then values descending; smallest: values ascending,
 * then NaN. Equal values: lower index first. Never sorts the whole row.
 */
function topkRow(
  src: NumericTypedArray, off: number, stride: number, n: number, k: number, largest: boolean, sorted: boolean,
  s: Scratch, counts: Int32Array, sel: Int32Array,
): void {
  const sign = largest ? -1 : 1; // keys ascending = rank order
  let m: number, nanCount: number;
  // the heap path needs only k-entry buffers; the selection path grows them to n on first use
  let heap = k <= HEAP_MAX_K && k * 16 <= n;
  if (heap) {
    s.ensure(k);
    heap = heapSelectRow(src, off, stride, n, sign, k, (n >> 3) + 4 * k, s, counts);
  }
  if (heap) {
    m = counts[0]!; nanCount = counts[1]!;
  } else {
    s.ensure(n);
    const l = gatherRow(src, off, stride, n, sign, s);
    nanCount = n - l;
    m = Math.min(k, l);
    if (m > 0 && m < l) selectKth(s.kb, s.ib, 0, l - 1, m - 1);
  }
  // s.kb/s.ib [0, m) now hold the best min(k, #non-NaN) non-NaN entries, unordered
  const nanTake = largest ? Math.min(k, nanCount) : k - m;
  const numTake = k - nanTake;
  if (m > 1 && (sorted || numTake < m)) sortRange(s.kb, s.ib, 0, m - 1);
  if (largest) { sel.set(s.nan.subarray(0, nanTake), 0); sel.set(s.ib.subarray(0, numTake), nanTake); }
  else { sel.set(s.ib.subarray(0, numTake), 0); sel.set(s.nan.subarray(0, nanTake), numTake); }
  if (!sorted) sel.subarray(0, k).sort();
}

/**
 * The k largest (or smallest) entries along `axis` and their indices, like
 * `torch.topk(x, k, dim, largest, sorted)` with a deterministic tie rule.
 *
 * Returns `{ values, indices }`: `values` has the input's dtype (the selected
 * elements copied bit for bit), `indices` is int32; both have the input's
 * shape with `axis` of length k (axis names kept). A 0-d input is a row of one
 * element and gives 0-d results for k = 1.
 *
 * Order: with `largest` (default), NaN ranks above +Infinity (torch), then
 * values descending; with `largest: false`, values ascending and NaN last.
 * Among equal values (`-0` equals `+0`) the lower index comes first, so the
 * result equals the first k of a stable descending (ascending) argsort.
 * `sorted: false` returns the same k entries in ascending index order.
 *
 * Errors: `k` not an integer in [0, n] (n = length of `axis`) →
 * INVALID_ARGUMENT; a bad axis → AXIS_OUT_OF_BOUNDS / INVALID_ARGUMENT. The
 * input is never modified.
 *
 * Complexity: O(n + k log k) per row, never a full sort. Contiguous float32
 * rows with `largest` (n >= 4096, k <= n / 64) first try a WebAssembly SIMD
 * pass (a sampled pivot, SIMD collection of the ~4k candidates above it, an
 * exact heap over them): ~3-4x faster than the JS heap, and immune to
 * ascending-order rows. Otherwise, small k: one pass
 * comparing each element with the root of a k-entry heap (only O(k log(n/k))
 * elements enter on rows in random order); large k, or a row in adversarial
 * order: introselect on a (value, index) copy, O(n) expected; then the k are
 * sorted. Scratch buffers are typed arrays reused across rows: no
 * per-element objects. int64/uint64 beyond ±2^53 take an O(n log n) exact
 * BigInt path.
 *
 * @example
 * const { values, indices } = topk([[0.1, 2, NaN, 2, -1]], 3);
 * toNested(values)   // [[NaN, 2, 2]]
 * toNested(indices)  // [[2, 1, 3]]
 * toNested(topk([3, 1, 2], 2, { largest: false }).indices)  // [1, 2]
 *
 * See also {@link argsort}, {@link argpartition}.
 */
export function topk(x: ArrayInput, k: number, opts?: TopkOptions): TopkResult {
  const fn = 'topk';
  const o = checkOptions(fn, opts);
  const largest = booleanOption(fn, 'largest', o['largest'], true);
  const sorted = booleanOption(fn, 'sorted', o['sorted'], true);
  const p = prepareSelect(fn, x, o['axis']);
  const n = p.n;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k > n) {
    throw invalidArgument(`${fn}: k must be an integer in [0, ${n}] (the length of axis ${p.axis}), got ${describe(k)}`);
  }
  const { out: values, lanes: outLanes } = outLike(p, p.a.dtype, k);
  const { out: indices } = outLike(p, 'int32', k);
  if (values.size === 0) return { values, indices };
  const inLanes = inLanesOf(p);
  const srcData = p.a.data as unknown as ArrayLike<number | bigint> & { [i: number]: number | bigint };
  const vDst = values.data as unknown as { [i: number]: number | bigint };
  const iDst = indices.data as Int32Array;
  const s = new Scratch();
  const counts = new Int32Array(2);
  const sel = new Int32Array(p.src === null ? n : k);
  // contiguous float32 rows, largest: the WASM SIMD kernel (same order: NaN
  // first, values descending, -0 == +0, ties by lower index); it declines
  // (returns false) for short rows, k > n / 64, heavy ties or no WASM SIMD
  const f32 = useF32Kernel && largest && inLanes.stride === 1 && p.src instanceof Float32Array ? p.src : null;
  const f32Values = f32 === null ? null : new Float32Array(k);
  for (let i = 0; i < inLanes.count; i++) {
    const off = inLanes.offsets[i]!, stride = inLanes.stride;
    if (p.src === null) {
      bigArgsortRow(p.big!, off, stride, n, largest, sel);
      if (!sorted) sel.subarray(0, k).sort();
    } else if (f32 !== null && topkRowF32(f32, off, n, k, f32Values!, sel, 0)) {
      if (!sorted) sel.subarray(0, k).sort();
    } else {
      topkRow(p.src, off, stride, n, k, largest, sorted, s, counts, sel);
    }
    const o0 = outLanes.offsets[i]!, os = outLanes.stride;
    for (let t = 0, q = o0; t < k; t++, q += os) {
      const j = sel[t]!;
      iDst[q] = j;
      vDst[q] = srcData[off + j * stride]!;
    }
  }
  return { values, indices };
}
