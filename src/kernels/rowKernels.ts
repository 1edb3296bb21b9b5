/**
 * Row kernels for softmax-style and sampling code (src/prob, src/sample):
 * the row max, sums of exp, the softmax numerator pass, and the threshold
 * scans top-k / top-p / min-p need. Internal API (not exported from the
 * package); every function works on a contiguous float32 lane
 * `data[offset .. offset + length)` of any Float32Array — an arena array's
 * storage is read in place, a JS-heap array is streamed through the kernels'
 * scratch memory in chunks — and has a JS fallback with the same contract
 * when WebAssembly SIMD is missing (or for short lanes).
 *
 * exp accuracy: the WASM exp works in float32 lanes (Cephes expf with the shift
 * carried exactly, two-step exponent scaling; see assembly/kernels.ts): rounded
 * to float32 it is within 1 ulp of
 * `Math.fround(Math.exp(x))` over the whole float32 range (tested in
 * rowKernels.test.ts, ≤ 2 ulp is the stated bound). Sums accumulate in float64.
 *
 * @example
 * import { rowMaxF32, expSumF32, expDivF32 } from '../kernels/rowKernels.js';
 * const m = rowMaxF32(x, off, V);            // NaN if the row has a NaN
 * const z = expSumF32(x, off, V, m);         // Σ exp(x - m), float64
 * expDivF32(x, off, out, off, V, m, z);      // out = f32(exp(x - m) / z)
 */
import { heapF32, wasm, wasmAddress, SCRATCH_BYTES, type Wasm } from './wasm/loader.js';

/** Lanes shorter than this run in JS (call overhead dominates). */
export const ROW_CROSSOVER = 256;
const CHUNK = SCRATCH_BYTES / 8; // float32 elements per chunk: half the scratch (the other half for outputs)

function fast(data: Float32Array, length: number): Wasm | null {
  if (length < ROW_CROSSOVER) return null;
  return wasm();
}

/**
 * The largest element of `data[offset .. offset + length)`; NaN when any
 * element is NaN; -Infinity for length 0. O(length).
 */
export function rowMaxF32(data: Float32Array, offset: number, length: number): number {
  const w = fast(data, length);
  if (w === null) {
    let m = -Infinity;
    for (let i = offset, e = offset + length; i < e; i++) {
      const v = data[i]!;
      if (v > m) m = v;
      else if (v !== v) return NaN;
    }
    return m;
  }
  const addr = wasmAddress(w, data);
  if (addr >= 0) return w.k.maxF32(addr + offset * 4, length);
  let m = -Infinity;
  forChunks(w, data, offset, length, (ptr, n) => {
    const c = w.k.maxF32(ptr, n);
    m = c !== c || m !== m ? NaN : Math.max(m, c);
  });
  return m;
}

/**
 * Σ exp(x - shift) over `data[offset .. offset + length)`, accumulated in
 * float64 (`x - shift` is exact in float64). Any NaN (or `x - shift` = NaN,
 * e.g. +Inf - +Inf) makes the sum NaN; -Infinity elements add 0. O(length).
 */
export function expSumF32(data: Float32Array, offset: number, length: number, shift: number): number {
  const w = fast(data, length);
  if (w === null) {
    let s = 0;
    for (let i = offset, e = offset + length; i < e; i++) s += Math.exp(data[i]! - shift);
    return s;
  }
  const addr = wasmAddress(w, data);
  if (addr >= 0) return w.k.expSumF32(addr + offset * 4, length, shift);
  let s = 0;
  forChunks(w, data, offset, length, (ptr, n) => { s += w.k.expSumF32(ptr, n, shift); });
  return s;
}

/**
 * The softmax numerator pass: `dst[dstOffset + i] = f32(exp(src[srcOffset + i]
 * - shift) / divisor)` for i in [0, length). `src` and `dst` may be the same
 * array (same offsets = in place) but must not otherwise overlap. O(length).
 */
export function expDivF32(src: Float32Array, srcOffset: number, dst: Float32Array, dstOffset: number, length: number, shift: number, divisor: number): void {
  const w = fast(src, length);
  if (w === null) {
    for (let i = 0; i < length; i++) dst[dstOffset + i] = Math.exp(src[srcOffset + i]! - shift) / divisor;
    return;
  }
  const srcAddr = wasmAddress(w, src), dstAddr = wasmAddress(w, dst);
  const srcIn = srcAddr >= 0, dstIn = dstAddr >= 0;
  if (srcIn && dstIn) {
    w.k.expDivF32(srcAddr + srcOffset * 4, dstAddr + dstOffset * 4, length, shift, divisor);
    return;
  }
  const outPtr = w.scratch + CHUNK * 4;
  for (let s = 0; s < length; s += CHUNK) {
    const n = Math.min(CHUNK, length - s);
    let inPtr: number;
    if (srcIn) inPtr = srcAddr + (srcOffset + s) * 4;
    else {
      heapF32(w).set(src.subarray(srcOffset + s, srcOffset + s + n), w.scratch / 4);
      inPtr = w.scratch;
    }
    if (dstIn) {
      w.k.expDivF32(inPtr, dstAddr + (dstOffset + s) * 4, n, shift, divisor);
    } else {
      w.k.expDivF32(inPtr, outPtr, n, shift, divisor);
      const h = heapF32(w);
      dst.set(h.subarray(outPtr / 4, outPtr / 4 + n), dstOffset + s);
    }
  }
}

/** Result of {@link scanAtLeastF32}. */
export interface ScanResult {
  /** How many elements are >= pivot (NaN never counts). */
  count: number;
  /** Σ exp(x - shift) over those elements, float64. */
  mass: number;
}

/**
 * One pass over `data[offset .. offset + length)` counting the elements
 * `x >= pivot` and summing `exp(x - shift)` over them: the top-p mass test
 * for a candidate pivot, and (pivot = -Infinity) the full softmax denominator.
 * Use `shift` = the row max so the mass is Σ of unnormalised probabilities;
 * divide by `expSumF32(..., shift)` to get probability mass. O(length).
 */
export function scanAtLeastF32(data: Float32Array, offset: number, length: number, pivot: number, shift: number): ScanResult {
  const w = fast(data, length);
  if (w === null) {
    let count = 0, mass = 0;
    const p = Math.fround(pivot);
    for (let i = offset, e = offset + length; i < e; i++) {
      const v = data[i]!;
      if (v >= p) { count++; mass += Math.exp(v - shift); }
    }
    return { count, mass };
  }
  const addr = wasmAddress(w, data);
  if (addr >= 0) {
    const count = w.k.scanAtLeastF32(addr + offset * 4, length, pivot, shift);
    return { count, mass: w.k.lastScanMass() };
  }
  let count = 0, mass = 0;
  forChunks(w, data, offset, length, (ptr, n) => {
    count += w.k.scanAtLeastF32(ptr, n, pivot, shift);
    mass += w.k.lastScanMass();
  });
  return { count, mass };
}

/**
 * How many elements of `data[offset .. offset + length)` are `>= pivot` (NaN
 * never counts; the pivot is rounded to float32 first). The top-k / min-p
 * count test: min-p keeps `x >= max + ln(minP)` in logit space. O(length).
 */
export function countAtLeastF32(data: Float32Array, offset: number, length: number, pivot: number): number {
  const w = fast(data, length);
  if (w === null) {
    let c = 0;
    const p = Math.fround(pivot);
    for (let i = offset, e = offset + length; i < e; i++) if (data[i]! >= p) c++;
    return c;
  }
  const addr = wasmAddress(w, data);
  if (addr >= 0) return w.k.countAtLeastF32(addr + offset * 4, length, pivot);
  let c = 0;
  forChunks(w, data, offset, length, (ptr, n) => { c += w.k.countAtLeastF32(ptr, n, pivot); });
  return c;
}

function forChunks(w: Wasm, data: Float32Array, offset: number, length: number, fn: (ptr: number, n: number) => void): void {
  const base = w.scratch / 4;
  for (let s = 0; s < length; s += CHUNK) {
    const n = Math.min(CHUNK, length - s);
    heapF32(w).set(data.subarray(offset + s, offset + s + n), base);
    fn(w.scratch, n);
  }
}
