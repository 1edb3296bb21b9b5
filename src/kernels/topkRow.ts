/**
 * A fast path for the largest-k of one contiguous float32 row (torch.topk
 * semantics: descending, NaN ranks above +Infinity, equal values in index
 * order), for src/select's topk and the sampler's top-k. Internal API.
 *
 * Algorithm: a strided sample of 512 elements gives a pivot a little below
 * the k-th largest value (the r-th largest sample, r ≈ k·512/len + 3); one
 * WASM SIMD pass collects every element >= pivot or NaN (about 4k of them in
 * expectation, far fewer than len); those candidates are sorted exactly and the
 * first k kept. If the pivot was too high (fewer than k candidates, rare), it
 * is lowered and the pass repeated; if there would be too many candidates
 * (heavy ties, or k large against len) the function declines and the caller
 * runs its general algorithm. Cost ≈ one streaming pass + O(c log c) for c
 * candidates.
 *
 * @example
 * const vals = new Float32Array(50), idx = new Int32Array(50);
 * if (!topkRowF32(logits, row * V, V, 50, vals, idx, 0)) fallback();
 */
import { heapF32, heapI32, wasm, wasmAddress, SCRATCH_BYTES } from './wasm/loader.js';

const INDEX_SPAN = 2 ** 21;
/** Rows longer than this go to the caller (packed sort keys hold 21 index bits). */
export const MAX_PACKED_LENGTH = INDEX_SPAN;
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** float32 -> uint32 in the order "NaN > +Inf > ... > -Inf", with -0 == +0 and every NaN equal. */
function orderedBits(v: number): number {
  if (v !== v) return 0xffffffff;
  f32[0] = v === 0 ? 0 : v;
  const b = u32[0]!;
  return b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
}

/** Rows shorter than this go to the caller's general algorithm. */
export const TOPK_MIN_LENGTH = 4096;
const SAMPLE = 512;
/** Candidate slots: a quarter of the scratch region. */
const CAP = SCRATCH_BYTES / 16;
/** Float32 elements per chunk for JS-heap rows (the rest of the scratch). */
const CHUNK = (SCRATCH_BYTES - CAP * 4) / 4;

/**
 * Writes the k largest elements of `d[off .. off + len)` in descending order
 * (NaN first, ties by lower index) to `values[outOff ..]` and their
 * row-relative indices to `indices[outOff ..]`, and returns true; or returns
 * false without writing anything when this fast path does not apply (no
 * WebAssembly SIMD, len < TOPK_MIN_LENGTH or > MAX_PACKED_LENGTH, k < 1 or
 * k > len / 64, or too many candidates). O(len) expected.
 */
export function topkRowF32(d: Float32Array, off: number, len: number, k: number, values: Float32Array | Float64Array, indices: Int32Array, outOff: number): boolean {
  if (len < TOPK_MIN_LENGTH || len > MAX_PACKED_LENGTH || k < 1 || k > len / 64) return false;
  const w = wasm();
  if (w === null) return false;
  // strided sample; NaN counts as +Infinity for choosing the pivot
  const sample = new Float32Array(SAMPLE);
  const step = len / SAMPLE;
  for (let i = 0; i < SAMPLE; i++) {
    const v = d[off + Math.floor(i * step)]!;
    sample[i] = v !== v ? Infinity : v;
  }
  let r = Math.min(SAMPLE - 1, Math.ceil((k * SAMPLE) / len) + 3);
  const idxPtr = w.scratch;
  for (;;) {
    const pivot = rthLargest(sample, r);
    const count = collect(w, d, off, len, pivot, idxPtr);
    if (count > CAP) return false;
    if (count >= k) {
      const heap = heapI32(w);
      const c0 = idxPtr / 4;
      // exact order among the candidates (value descending, NaN first, -0 == +0,
      // then lower index) on packed float64 keys: order-preserving float32
      // bits * 2^21 + (2^21 - 1 - index), exact below 2^53. A min-heap keeps
      // the k largest keys; they are then sorted by insertion.
      const top = new Float64Array(k);
      let size = 0;
      for (let j = 0; j < count; j++) {
        const i = heap[c0 + j]!;
        const key = orderedBits(d[off + i]!) * INDEX_SPAN + (INDEX_SPAN - 1 - i);
        if (size < k) { top[size] = key; siftUp(top, size++); } else if (key > top[0]!) { top[0] = key; siftDown(top, k); }
      }
      // heap -> descending order
      for (let end = k - 1; end > 0; end--) {
        const t = top[0]!; top[0] = top[end]!; top[end] = t;
        siftDown(top, end);
      }
      for (let j = 0; j < k; j++) {
        const key = top[j]!;
        const i = INDEX_SPAN - 1 - (key % INDEX_SPAN);
        values[outOff + j] = d[off + i]!;
        indices[outOff + j] = i;
      }
      return true;
    }
    if (r === SAMPLE - 1) return false; // even the sample minimum leaves < k: let the caller handle it
    r = Math.min(SAMPLE - 1, r * 4 + 8);
  }
}

// min-heap on a Float64Array
function siftUp(h: Float64Array, i: number): void {
  const x = h[i]!;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (h[p]! <= x) break;
    h[i] = h[p]!; i = p;
  }
  h[i] = x;
}
function siftDown(h: Float64Array, n: number): void {
  let i = 0;
  const x = h[0]!;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && h[c + 1]! < h[c]!) c++;
    if (h[c]! >= x) break;
    h[i] = h[c]!; i = c;
  }
  h[i] = x;
}

/** The r-th largest (0-based) of `a` without sorting it all: insertion into a small descending buffer. */
function rthLargest(a: Float32Array, r: number): number {
  const m = r + 1;
  const best = new Float64Array(m).fill(-Infinity);
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v <= best[m - 1]!) continue;
    let j = m - 1;
    while (j > 0 && best[j - 1]! < v) { best[j] = best[j - 1]!; j--; }
    best[j] = v;
  }
  return best[m - 1]!;
}

function collect(w: NonNullable<ReturnType<typeof wasm>>, d: Float32Array, off: number, len: number, pivot: number, idxPtr: number): number {
  const addr = wasmAddress(w, d);
  if (addr >= 0) return w.k.collectAtLeastF32(addr + off * 4, len, pivot, idxPtr, CAP, 0);
  const dataPtr = w.scratch + CAP * 4;
  let total = 0;
  for (let s = 0; s < len; s += CHUNK) {
    const n = Math.min(CHUNK, len - s);
    heapF32(w).set(d.subarray(off + s, off + s + n), dataPtr / 4);
    const room = Math.max(0, CAP - total);
    total += w.k.collectAtLeastF32(dataPtr, n, pivot, idxPtr + Math.min(total, CAP) * 4, room, s);
    if (total > CAP) return total;
  }
  return total;
}
