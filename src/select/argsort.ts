import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { bigArgsortRow, booleanOption, checkOptions, inLanesOf, outLike, prepareSelect } from './driver.js';
import { gatherRow, PACKED_MAX_N, packedArgsortRow, Scratch, sortRange, type PackedKind } from './kernels.js';
import type { PreparedSelect } from './driver.js';

/** Options of {@link argsort}. */
export interface ArgsortOptions {
  /** The axis to sort along (negative counts from the end, a string names an axis). Default -1. */
  axis?: number | string;
  /** Sort from largest to smallest. Default false. */
  descending?: boolean;
  /** Keep equal values in their original order. Default true; logitkit's sort is always stable, so false gives the same result. */
  stable?: boolean;
}

/**
 * The storage to sort with packed native keys when every value fits 32 bits
 * (float32 and the decoded float16/bfloat16, integers up to 32 bits, bool)
 * and the axis is short enough to pack the index; null otherwise (float64,
 * 64-bit integers: the (value, index) introsort).
 */
function packedSource(p: PreparedSelect): { bits: Parameters<typeof packedArgsortRow>[0]; kind: PackedKind } | null {
  const src = p.src;
  if (src === null || p.n > PACKED_MAX_N) return null;
  if (src instanceof Float32Array) return { bits: new Uint32Array(src.buffer, src.byteOffset, src.length), kind: 'f32' };
  if (src instanceof Int32Array || src instanceof Int16Array || src instanceof Int8Array) return { bits: src, kind: 'int' };
  if (src instanceof Uint32Array || src instanceof Uint16Array || src instanceof Uint8Array || src instanceof Uint8ClampedArray) return { bits: src, kind: 'uint' };
  return null;
}

/**
 * The indices that sort `x` along `axis`, like `np.argsort(x, axis, kind='stable')`
 * (ascending) and `torch.sort(x, dim, descending=True, stable=True).indices`.
 *
 * Returns a new int32 NDArray of the input's shape (axis names kept); along
 * `axis`, each lane holds a permutation of 0..n-1.
 *
 * Order: ascending puts NaN last (NumPy); descending puts NaN first (torch).
 * Equal values — `-0` and `+0` included, NaNs among themselves — keep their
 * original order in both directions (the sort is stable). int64/uint64
 * compare exactly (as BigInt when a value exceeds ±2^53); float16/bfloat16
 * by their decoded values; bool as 0/1. A 0-d input gives the 0-d index 0.
 *
 * Errors: a bad axis → AXIS_OUT_OF_BOUNDS / INVALID_ARGUMENT; non-boolean
 * flags → INVALID_ARGUMENT. The input is never modified.
 *
 * Complexity: O(n log n) per lane. Values that fit 32 bits (float32,
 * float16, bfloat16, integers up to 32 bits, bool) are packed with their
 * index into exact float64 keys and sorted by the engine's native numeric
 * sort; float64 and 64-bit integers use an introsort on (value, index) pairs.
 * Scratch buffers are typed arrays reused across lanes: no per-element objects.
 *
 * @example
 * toNested(argsort([3, 1, NaN, 1]))                        // [1, 3, 0, 2]
 * toNested(argsort([3, 1, NaN, 1], { descending: true }))  // [2, 0, 1, 3]
 *
 * See also {@link argpartition}, {@link topk}.
 */
export function argsort(x: ArrayInput, opts?: ArgsortOptions): NDArray {
  const fn = 'argsort';
  const o = checkOptions(fn, opts);
  const descending = booleanOption(fn, 'descending', o['descending'], false);
  booleanOption(fn, 'stable', o['stable'], true);
  const p = prepareSelect(fn, x, o['axis']);
  const { out, lanes: outLanes } = outLike(p, 'int32', p.n);
  if (out.size === 0) return out;
  const dst = out.data as Int32Array;
  const inLanes = inLanesOf(p);
  const n = p.n;
  const s = new Scratch();
  s.ensure(n);
  const row = new Int32Array(n);
  const packed = packedSource(p);
  for (let i = 0; i < inLanes.count; i++) {
    const off = inLanes.offsets[i]!;
    if (packed !== null) {
      packedArgsortRow(packed.bits, packed.kind, off, inLanes.stride, n, descending, s.kb, row);
    } else if (p.src === null) {
      bigArgsortRow(p.big!, off, inLanes.stride, n, descending, row);
    } else {
      const l = gatherRow(p.src, off, inLanes.stride, n, descending ? -1 : 1, s);
      if (l > 1) sortRange(s.kb, s.ib, 0, l - 1);
      const nans = n - l;
      if (descending) { row.set(s.nan.subarray(0, nans), 0); row.set(s.ib.subarray(0, l), nans); }
      else { row.set(s.ib.subarray(0, l), 0); row.set(s.nan.subarray(0, nans), l); }
    }
    const o0 = outLanes.offsets[i]!, os = outLanes.stride;
    for (let j = 0, q = o0; j < n; j++, q += os) dst[q] = row[j]!;
  }
  return out;
}

