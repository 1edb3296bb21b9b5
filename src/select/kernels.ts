import type { NumericTypedArray } from '../core/dtypes.js';

/**
 * Selection and sorting kernels over a pair of parallel buffers: `kb` holds
 * keys (non-NaN numbers) and `ib` the original indices. Every kernel orders by
 * the composite key (kb ascending, then ib ascending), so all keys are
 * distinct, ties are broken by the lower index first, and a plain
 * (non-stable) quicksort is stable with respect to the original order.
 * Descending orders use negated keys; NaN never enters these buffers: callers
 * put NaN indices aside and place them first or last (see internal/order.ts
 * for the named orders this implements).
 *
 * No kernel allocates; the buffers are reused across rows via {@link Scratch}.
 */

/** Growable scratch buffers reused across the rows of one call. */
export class Scratch {
  kb = new Float64Array(0);
  ib = new Int32Array(0);
  nan = new Int32Array(0);

  /** Makes every buffer hold at least `n` elements. */
  ensure(n: number): void {
    if (this.kb.length < n) {
      this.kb = new Float64Array(n);
      this.ib = new Int32Array(n);
      this.nan = new Int32Array(n);
    }
  }
}

/**
 * Copies row `src[off + j * stride]` (j in [0, n)) into the scratch buffers:
 * non-NaN values as keys `sign * v` with their index into `kb`/`ib` (in index
 * order), NaN indices into `nan` (in index order). Returns the number of
 * non-NaN values L; the NaN count is n - L. O(n).
 */
export function gatherRow(src: NumericTypedArray, off: number, stride: number, n: number, sign: number, s: Scratch): number {
  const kb = s.kb, ib = s.ib, nanBuf = s.nan;
  let l = 0, q = 0;
  for (let j = 0, o = off; j < n; j++, o += stride) {
    const v = src[o]!;
    if (v === v) { kb[l] = sign * v; ib[l++] = j; } else nanBuf[q++] = j;
  }
  return l;
}

function swap(kb: Float64Array, ib: Int32Array, i: number, j: number): void {
  const tk = kb[i]!; kb[i] = kb[j]!; kb[j] = tk;
  const ti = ib[i]!; ib[i] = ib[j]!; ib[j] = ti;
}

/** True when entry i comes strictly before entry j in the composite order. */
function before(kb: Float64Array, ib: Int32Array, i: number, j: number): boolean {
  const a = kb[i]!, b = kb[j]!;
  return a < b || (a === b && ib[i]! < ib[j]!);
}

function insertionSort(kb: Float64Array, ib: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const k = kb[i]!, x = ib[i]!;
    let j = i - 1;
    while (j >= lo && (kb[j]! > k || (kb[j]! === k && ib[j]! > x))) { kb[j + 1] = kb[j]!; ib[j + 1] = ib[j]!; j--; }
    kb[j + 1] = k; ib[j + 1] = x;
  }
}

function siftDown(kb: Float64Array, ib: Int32Array, lo: number, root: number, size: number): void {
  // max-heap on [lo, lo + size) in the composite order
  for (;;) {
    let child = 2 * root + 1;
    if (child >= size) return;
    if (child + 1 < size && before(kb, ib, lo + child, lo + child + 1)) child++;
    if (!before(kb, ib, lo + root, lo + child)) return;
    swap(kb, ib, lo + root, lo + child);
    root = child;
  }
}

/** Heapsort of [lo, hi]: the O(L log L) worst-case fallback of the introsort/introselect. */
function heapSort(kb: Float64Array, ib: Int32Array, lo: number, hi: number): void {
  const size = hi - lo + 1;
  for (let r = (size >> 1) - 1; r >= 0; r--) siftDown(kb, ib, lo, r, size);
  for (let end = size - 1; end > 0; end--) {
    swap(kb, ib, lo, lo + end);
    siftDown(kb, ib, lo, 0, end);
  }
}

/**
 * Hoare partition of [lo, hi] (hi - lo >= 2) around a median-of-three pivot.
 * Returns j with lo <= j < hi such that [lo, j] <= pivot <= [j + 1, hi].
 */
function partition(kb: Float64Array, ib: Int32Array, lo: number, hi: number): number {
  const mid = lo + ((hi - lo) >> 1);
  if (before(kb, ib, mid, lo)) swap(kb, ib, mid, lo);
  if (before(kb, ib, hi, lo)) swap(kb, ib, hi, lo);
  if (before(kb, ib, hi, mid)) swap(kb, ib, hi, mid);
  const pk = kb[mid]!, pi = ib[mid]!;
  let i = lo - 1, j = hi + 1;
  for (;;) {
    do i++; while (kb[i]! < pk || (kb[i]! === pk && ib[i]! < pi));
    do j--; while (kb[j]! > pk || (kb[j]! === pk && ib[j]! > pi));
    if (i >= j) return j;
    swap(kb, ib, i, j);
  }
}

/** Sorts [lo, hi] in the composite order (introsort: quicksort, insertion sort, heapsort fallback). O(L log L). */
export function sortRange(kb: Float64Array, ib: Int32Array, lo: number, hi: number): void {
  sortRec(kb, ib, lo, hi, 2 * Math.ceil(Math.log2(hi - lo + 2)));
  function sortRec(kb2: Float64Array, ib2: Int32Array, l: number, h: number, d: number): void {
    while (h - l >= 16) {
      if (d-- === 0) { heapSort(kb2, ib2, l, h); return; }
      const j = partition(kb2, ib2, l, h);
      // recurse into the smaller side, loop on the larger: O(log L) stack
      if (j - l < h - j - 1) { sortRec(kb2, ib2, l, j, d); l = j + 1; } else { sortRec(kb2, ib2, j + 1, h, d); h = j; }
    }
    insertionSort(kb2, ib2, l, h);
  }
}

/**
 * Introselect: rearranges [lo, hi] so that position `kth` holds the entry a
 * full sort would put there, [lo, kth) holds entries before it and (kth, hi]
 * entries after it (composite order). Expected O(L); after 2 log2 L
 * unbalanced rounds it falls back to heapsort, so the worst case is O(L log L).
 */
export function selectKth(kb: Float64Array, ib: Int32Array, lo: number, hi: number, kth: number): void {
  let budget = 2 * Math.ceil(Math.log2(hi - lo + 2)) + 4;
  while (hi - lo >= 16) {
    if (budget-- === 0) { heapSort(kb, ib, lo, hi); return; }
    const j = partition(kb, ib, lo, hi);
    if (kth <= j) hi = j; else lo = j + 1;
  }
  insertionSort(kb, ib, lo, hi);
}

/**
 * The m smallest keys (`sign * v`, composite order) of row
 * `src[off + j * stride]`, by one pass with a bounded max-heap kept in
 * `s.kb`/`s.ib` [0, m): the fast path of topk for small k. The first
 * `s.nan.length` NaN indices go to `s.nan` in index order (topk never needs
 * more than k of them); all are counted. On success writes `counts[0]` = heap size
 * (min(m, non-NaN count)) and `counts[1]` = NaN count and returns true; after
 * more than `budget` heap replacements (an adversarial order such as an
 * ascending row) it gives up and returns false, and the caller switches to
 * {@link gatherRow} + {@link selectKth}, which is O(n) expected.
 *
 * Each element costs one comparison against the heap root unless it enters
 * the heap (O(log m)); in a row in random order only O(m log(n / m)) enter.
 */
export function heapSelectRow(
  src: NumericTypedArray, off: number, stride: number, n: number, sign: number, m: number, budget: number,
  s: Scratch, counts: Int32Array,
): boolean {
  const kb = s.kb, ib = s.ib, nanBuf = s.nan, nanCap = nanBuf.length;
  let size = 0, q = 0, j = 0, o = off;
  // fill phase: the first m non-NaN entries, sifted up into a max-heap
  for (; j < n && size < m; j++, o += stride) {
    const v = src[o]!;
    if (v !== v) { if (q < nanCap) nanBuf[q] = j; q++; continue; }
    let c = size++;
    const key = sign * v;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (kb[p]! > key || (kb[p]! === key && ib[p]! > j)) break; // parent already after the new entry
      kb[c] = kb[p]!; ib[c] = ib[p]!; c = p;
    }
    kb[c] = key; ib[c] = j;
  }
  let root = size > 0 ? kb[0]! : Infinity;
  let replaced = 0;
  while (j < n) {
    // tight scan to the next candidate: later indices lose ties, so only a
    // strictly smaller key enters; NaN fails `>=` too and is handled below
    let key = sign * src[o]!;
    while (key >= root) {
      if (++j === n) break;
      o += stride;
      key = sign * src[o]!;
    }
    if (j === n) break;
    if (key !== key) {
      if (q < nanCap) nanBuf[q] = j;
      q++;
    } else {
      if (++replaced > budget) return false;
      // replace the root (the worst entry) and sift down
      let c = 0;
      for (;;) {
        let child = 2 * c + 1;
        if (child >= size) break;
        if (child + 1 < size && (kb[child + 1]! > kb[child]! || (kb[child + 1]! === kb[child]! && ib[child + 1]! > ib[child]!))) child++;
        const ck = kb[child]!;
        if (ck < key || (ck === key && ib[child]! < j)) break;
        kb[c] = ck; ib[c] = ib[child]!; c = child;
      }
      kb[c] = key; ib[c] = j;
      root = kb[0]!;
    }
    j++;
    o += stride;
  }
  counts[0] = size;
  counts[1] = q;
  return true;
}

/** How {@link packedArgsortRow} reads a row: float32 bits, signed or unsigned integers of at most 32 bits. */
export type PackedKind = 'f32' | 'int' | 'uint';

/** Rows up to this length fit the index into the low 21 bits of a packed key. */
export const PACKED_MAX_N = 2 ** 21;
const IDX_SCALE = 2 ** 21;

/**
 * Stable argsort of one row whose values fit 32 bits, with the engine's
 * native numeric sort: each element becomes the exact double
 * `orderedUint32(value) * 2^21 + index` (< 2^53), the keys are sorted with
 * `Float64Array.prototype.sort()` and the indices read back from the low bits.
 * Ties fall back on the index, so the result is the stable order; `-0` is
 * mapped to `+0`; NaN goes last ascending and first descending, in index order
 * (compareAscNanLast / compareDescNanFirst). About 2x faster than the
 * (value, index) introsort in JS. `bits` is the row storage as uint32 words for
 * 'f32', or the values themselves for 'int'/'uint'; `keys` needs n entries.
 */
export function packedArgsortRow(
  bits: Uint32Array | Int32Array | Int16Array | Int8Array | Uint16Array | Uint8Array | Uint8ClampedArray,
  kind: PackedKind, off: number, stride: number, n: number, descending: boolean, keys: Float64Array, dst: Int32Array,
): void {
  for (let j = 0, o = off; j < n; j++, o += stride) {
    let u: number;
    if (kind === 'f32') {
      let b = bits[o]!;
      if ((b & 0x7fffffff) > 0x7f800000) { keys[j] = (descending ? 0 : 0xffffffff) * IDX_SCALE + j; continue; } // NaN
      if (b === 0x80000000) b = 0; // -0 == +0
      u = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
    } else {
      u = kind === 'int' ? bits[o]! + 0x80000000 : bits[o]!;
    }
    keys[j] = (descending ? 0xffffffff - u : u) * IDX_SCALE + j;
  }
  const ks = keys.subarray(0, n);
  ks.sort();
  for (let j = 0; j < n; j++) dst[j] = ks[j]! % IDX_SCALE;
}
