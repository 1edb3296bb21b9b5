import type { NumericTypedArray } from '../core/dtypes.js';
import { expDivF32, expSumF32, rowMaxF32 } from '../kernels/rowKernels.js';
import { heapF32, SCRATCH_BYTES, wasm, wasmAddress, type Wasm } from '../kernels/wasm/loader.js';
import {
  EXP2_FRAC, EXP2_INT, EXP2_INT_BIAS, EXP_CLAMP, INV_LN2_64, LN2_64_HI, LN2_64_LO, ROUND_MAGIC,
} from '../internal/expNeg.js';

/**
 * Row kernels of the softmax family. Internal API (not exported from the
 * package root), shared with the sampler and the decisions code so that every
 * softmax in logitkit has the same edge rows and the same rounding.
 *
 * A row is `src[off + j * stride]` for j in [0, n). Values are read as numbers,
 * shifted by the row maximum, scaled by `invT` (1 / temperature), exponentiated
 * with an inlined Tang-style exp (see internal/expNeg.ts) and summed in float64.
 *
 * Edge rows (torch semantics), with lse = logsumexp(x / T):
 * | row                     | softmax | logSoftmax | lse   |
 * |-------------------------|---------|------------|-------|
 * | any NaN                 | NaN     | NaN        | NaN   |
 * | a +Infinity entry       | NaN     | NaN        | +Inf  |
 * | all -Infinity           | NaN     | NaN        | -Inf  |
 * | empty (n = 0)           | (none)  | (none)     | -Inf  |
 * | -Infinity among finite  | 0       | -Inf       | finite|
 */

/** What {@link softmaxRowInto} writes into `dst`. */
export const ROW_SOFTMAX = 0;
/** Write log-probabilities. */
export const ROW_LOG_SOFTMAX = 1;
/** Write nothing; only return logsumexp. */
export const ROW_LSE_ONLY = 2;

/** A writable float row buffer. */
export type FloatOut = Float32Array | Float64Array;

/**
 * The largest non-NaN value of a row (-Infinity when there is none). NaN is
 * not tested here: a `v !== v` branch in this loop makes it ~3x slower in V8;
 * the exp loops below propagate NaN into their sum instead. O(n).
 */
export function rowMax(src: NumericTypedArray | readonly number[], off: number, stride: number, n: number): number {
  let m = -Infinity;
  for (let j = 0, o = off; j < n; j++, o += stride) {
    const v = src[o]!;
    if (v > m) m = v;
  }
  return m;
}

/** True when the row holds a NaN. O(n); only used on rare paths. */
export function rowHasNaN(src: NumericTypedArray | readonly number[], off: number, stride: number, n: number): boolean {
  for (let j = 0, o = off; j < n; j++, o += stride) if (src[o]! !== src[o]!) return true;
  return false;
}

// The two exp loops below are the same inlined expNeg (internal/expNeg.ts);
// they are separate functions because a conditional store inside one loop
// costs V8 ~40%. Module bindings are copied to locals for the same reason.

/** sum_j exp((x_j - m) * invT) over a row whose maximum m is finite; NaN when the row holds a NaN. */
export function expSumRow(src: NumericTypedArray | readonly number[], off: number, stride: number, n: number, m: number, invT: number): number {
  const frac = EXP2_FRAC, int = EXP2_INT, bias = EXP2_INT_BIAS, clamp = EXP_CLAMP;
  const inv64 = INV_LN2_64, hi = LN2_64_HI, lo = LN2_64_LO, magic = ROUND_MAGIC;
  let s = 0;
  for (let j = 0, o = off; j < n; j++, o += stride) {
    // Math.max compiles to a branch-free max; -Infinity becomes the clamp (an exact 0 below), NaN stays NaN and poisons the sum
    const x = Math.max((src[o]! - m) * invT, clamp);
    const kf = x * inv64 + magic - magic;
    const k = kf | 0;
    const r = x - kf * hi - kf * lo;
    s += frac[k & 63]! * (1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120))))))
      * int[(k >> 6) + bias]!;
  }
  return s;
}

/** Writes exp((x_j - m) * invT) into dst and returns their sum (finite m); NaN when the row holds a NaN. */
export function expStoreRow(
  src: NumericTypedArray | readonly number[], off: number, stride: number, n: number, m: number, invT: number,
  dst: FloatOut, dstOff: number, dstStride: number,
): number {
  const frac = EXP2_FRAC, int = EXP2_INT, bias = EXP2_INT_BIAS, clamp = EXP_CLAMP;
  const inv64 = INV_LN2_64, hi = LN2_64_HI, lo = LN2_64_LO, magic = ROUND_MAGIC;
  let s = 0;
  for (let j = 0, o = off, p = dstOff; j < n; j++, o += stride, p += dstStride) {
    const x = Math.max((src[o]! - m) * invT, clamp);
    const kf = x * inv64 + magic - magic;
    const k = kf | 0;
    const r = x - kf * hi - kf * lo;
    const e = frac[k & 63]! * (1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120))))))
      * int[(k >> 6) + bias]!;
    dst[p] = e;
    s += e;
  }
  return s;
}

/** dst[j] *= c along a row. */
function scaleRow(dst: FloatOut, dstOff: number, dstStride: number, n: number, c: number): void {
  for (let j = 0, p = dstOff; j < n; j++, p += dstStride) dst[p] = dst[p]! * c;
}

/** dst[j] = (x_j - m) * invT - logS along a row. */
function logRow(
  src: NumericTypedArray | readonly number[], off: number, stride: number, n: number, m: number, invT: number, logS: number,
  dst: FloatOut, dstOff: number, dstStride: number,
): void {
  for (let j = 0, o = off, p = dstOff; j < n; j++, o += stride, p += dstStride) dst[p] = (src[o]! - m) * invT - logS;
}

/**
 * {@link expStoreRow} for a Float32Array destination: a degree-3 polynomial
 * and a one-part ln2/64 (relative error < 1e-10, far below float32's 6e-8),
 * ~20% faster. The sum is still accumulated in float64.
 */
export function expStoreRowF32(
  src: NumericTypedArray | readonly number[], off: number, stride: number, n: number, m: number, invT: number,
  dst: Float32Array, dstOff: number, dstStride: number,
): number {
  const frac = EXP2_FRAC, int = EXP2_INT, bias = EXP2_INT_BIAS, clamp = EXP_CLAMP;
  const inv64 = INV_LN2_64, ln2 = LN2_64_HI + LN2_64_LO, magic = ROUND_MAGIC;
  let s = 0;
  for (let j = 0, o = off, p = dstOff; j < n; j++, o += stride, p += dstStride) {
    const x = Math.max((src[o]! - m) * invT, clamp);
    const kf = x * inv64 + magic - magic;
    const k = kf | 0;
    const r = x - kf * ln2;
    const e = frac[k & 63]! * (1 + r * (1 + r * (0.5 + r * (1 / 6)))) * int[(k >> 6) + bias]!;
    dst[p] = e;
    s += e;
  }
  return s;
}

function fillNaN(dst: FloatOut, dstOff: number, dstStride: number, n: number): void {
  for (let j = 0, o = dstOff; j < n; j++, o += dstStride) dst[o] = NaN;
}

/**
 * Computes one softmax row (`mode` ROW_SOFTMAX), log-softmax row
 * (ROW_LOG_SOFTMAX) or nothing (ROW_LSE_ONLY, `dst` may be null) of `x / T`
 * into `dst[dstOff + j * dstStride]`, and returns logsumexp(x / T) of the row.
 * `invT` must be finite and > 0 (callers validate temperature).
 * `dst` may alias `src` (in place) when offsets and strides coincide.
 *
 * Three passes over the row (max, exp-sum, scale), O(n), no allocation.
 * Dispatch: contiguous softmax rows float32 -> float32 / float64 -> float64
 * take the fused type-specialised kernels (softmaxRowF32 / softmaxRowF64);
 * contiguous float32 rows of >= WASM_ROW_MIN elements at temperature 1 take
 * the WASM SIMD path (softmaxRowWasmF32); everything else the shared kernels.
 *
 * @example
 * const out = new Float32Array(2);
 * softmaxRowInto(new Float32Array([1000, 1000]), 0, 1, 2, out, 0, 1, 1, ROW_SOFTMAX); // 1000 + ln 2; out = [0.5, 0.5]
 */
export function softmaxRowInto(
  src: NumericTypedArray | readonly number[], off: number, stride: number, n: number,
  dst: FloatOut | null, dstOff: number, dstStride: number,
  invT: number, mode: number,
): number {
  if (n === 0) return -Infinity;
  if (mode === ROW_SOFTMAX && stride === 1 && dstStride === 1 && n < smallRowMax) {
    // short contiguous rows: type-specialised fused kernels (monomorphic element access)
    if (src instanceof Float32Array) {
      if (dst instanceof Float32Array && (n < wasmRowMin || invT !== 1)) return softmaxRowF32(src, off, n, dst, dstOff, invT);
    } else if (src instanceof Float64Array && dst instanceof Float64Array) {
      return softmaxRowF64(src, off, n, dst, dstOff, invT);
    }
  }
  if (n >= wasmRowMin && invT === 1 && stride === 1 && src instanceof Float32Array
    && (mode !== ROW_SOFTMAX || dst === null || (dst instanceof Float32Array && dstStride === 1))
    && wasm() !== null) {
    return softmaxRowWasmF32(src, off, n, dst, dstOff, dstStride, mode);
  }
  const m = rowMax(src, off, stride, n);
  const write = dst !== null && mode !== ROW_LSE_ONLY;
  if (m === Infinity || m === -Infinity) {
    // +Infinity entry, all -Infinity, or all NaN (m stays -Infinity)
    if (write) fillNaN(dst, dstOff, dstStride, n);
    return rowHasNaN(src, off, stride, n) ? NaN : m;
  }
  if (mode === ROW_SOFTMAX && dst !== null) {
    const s = dst instanceof Float32Array
      ? expStoreRowF32(src, off, stride, n, m, invT, dst, dstOff, dstStride)
      : expStoreRow(src, off, stride, n, m, invT, dst, dstOff, dstStride);
    if (s !== s) { fillNaN(dst, dstOff, dstStride, n); return NaN; }
    scaleRow(dst, dstOff, dstStride, n, 1 / s); // s >= 1: the maximum contributes exp(0)
    return m * invT + Math.log(s);
  }
  const sum = expSumRow(src, off, stride, n, m, invT);
  if (sum !== sum) {
    if (write) fillNaN(dst, dstOff, dstStride, n);
    return NaN;
  }
  const logS = Math.log(sum);
  if (mode === ROW_LOG_SOFTMAX && dst !== null) {
    logRow(src, off, stride, n, m, invT, logS, dst, dstOff, dstStride);
  }
  return m * invT + logS;
}

/**
 * Float32 rows at least this long (contiguous, temperature 1) go through the
 * WASM SIMD kernels of src/kernels/rowKernels.ts when the engine has WebAssembly
 * SIMD. Measured on [2^18 / n, n] float32 (2-core machine, loaded): at n = 256
 * the WASM path is already 1.04x (softmax), 1.26x (logSoftmax) and ~10x
 * (logsumexp) the JS one; it is also the kernels' own ROW_CROSSOVER, below
 * which rowKernels.ts would run its Math.exp fallback instead of SIMD.
 */
export const WASM_ROW_MIN = 256;
let wasmRowMin = WASM_ROW_MIN;

/**
 * Test hook: `'js'` keeps every row on the JS reference kernels, `'wasm'`
 * sends every eligible float32 row (any length >= 1) to the WASM path,
 * `'auto'` restores the measured crossover. Not exported from the package.
 */
export function setSoftmaxRowPath(path: 'auto' | 'js' | 'wasm'): void {
  wasmRowMin = path === 'js' ? Infinity : path === 'wasm' ? 1 : WASM_ROW_MIN;
}

/**
 * {@link softmaxRowInto} for a contiguous float32 row at temperature 1 on the
 * WASM kernels: a SIMD max (NaN-propagating, so the edge rows are decided
 * before any exp), then softmax = one SIMD exp pass storing exp(x - m) into
 * `dst` (`expDivF32` with divisor 1), a float64 sum and a scale by 1/sum in
 * JS — one exp per element instead of two; logSoftmax and logsumexp = a SIMD
 * exp sum (no stores) then, for logSoftmax, the JS `x - m - log(sum)` pass.
 * Same edge rows as the JS path; values within 2 float32 ulps of it (the
 * WASM exp is within 1 ulp of `Math.fround(Math.exp(x))`).
 */
function softmaxRowWasmF32(
  src: Float32Array, off: number, n: number, dst: FloatOut | null, dstOff: number, dstStride: number, mode: number,
): number {
  const m = rowMaxF32(src, off, n); // NaN when the row has a NaN
  const write = dst !== null && mode !== ROW_LSE_ONLY;
  if (m !== m || m === Infinity || m === -Infinity) {
    if (write) fillNaN(dst, dstOff, dstStride, n);
    return m;
  }
  if (mode === ROW_SOFTMAX && dst !== null) {
    const d = dst as Float32Array; // checked by the caller, dstStride === 1
    const w = wasm()!; // checked by the caller
    let s: number;
    if (wasmAddress(w, src) < 0 && wasmAddress(w, d) < 0) s = expStoreSumHeapF32(w, src, off, n, m, d, dstOff);
    else { expDivF32(src, off, d, dstOff, n, m, 1); s = sumF32(d, dstOff, n); }
    scaleF32(d, dstOff, n, 1 / s); // s >= 1: the maximum contributes exp(0) = 1
    return m + Math.log(s);
  }
  const logS = Math.log(expSumF32(src, off, n, m));
  if (mode === ROW_LOG_SOFTMAX && dst !== null) logRow(src, off, 1, n, m, 1, logS, dst, dstOff, dstStride);
  return m + logS;
}

// The loops live in their own small functions: inside softmaxRowWasmF32 the
// code after an OSR-compiled loop had no type feedback yet and V8 deoptimized
// and re-entered OSR on every row (measured: 13 ns per element instead of ~1).

/** Elements per chunk: the first half of the kernels' scratch holds the input, the second the output. */
const CHUNK = SCRATCH_BYTES / 8;

/**
 * JS-heap row -> JS-heap row: `dst = f32(exp(src - m))` chunk by chunk through
 * the kernels' scratch memory, summing each output chunk while it is still in
 * cache (before copying it out); returns the float64 sum. Same values as
 * `expDivF32(..., m, 1)`.
 */
function expStoreSumHeapF32(w: Wasm, src: Float32Array, off: number, n: number, m: number, dst: Float32Array, dstOff: number): number {
  const inPtr = w.scratch, outPtr = w.scratch + CHUNK * 4;
  const out0 = outPtr / 4;
  let s = 0;
  for (let b = 0; b < n; b += CHUNK) {
    const c = Math.min(CHUNK, n - b);
    const h = heapF32(w);
    h.set(src.subarray(off + b, off + b + c), inPtr / 4);
    w.k.expDivF32(inPtr, outPtr, c, m, 1); // never grows memory: h stays valid
    s += sumF32(h, out0, c);
    dst.set(h.subarray(out0, out0 + c), dstOff + b);
  }
  return s;
}

/** Σ a[off .. off + n) in float64 (four accumulators: one add chain is latency-bound). */
function sumF32(a: Float32Array, off: number, n: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = off;
  for (const e4 = off + (n & ~3); i < e4; i += 4) { s0 += a[i]!; s1 += a[i + 1]!; s2 += a[i + 2]!; s3 += a[i + 3]!; }
  for (const e = off + n; i < e; i++) s0 += a[i]!;
  return (s0 + s1) + (s2 + s3);
}

/** a[i] *= c over [off, off + n). */
function scaleF32(a: Float32Array, off: number, n: number, c: number): void {
  for (let i = off, e = off + n; i < e; i++) a[i] = a[i]! * c;
}

/**
 * Rows shorter than this (contiguous softmax, float32 -> float32 or float64 ->
 * float64) take the fused, type-specialised kernels below. Their element reads
 * see one array type only, while the shared kernels above are called with every
 * numeric dtype in a program and their reads go polymorphic (measured ~50%
 * slower on [10000, 10] rows once float64 and int inputs have been seen).
 */
const SMALL_ROW_MAX = 1 << 30;
let smallRowMax = SMALL_ROW_MAX;

/** Test hook: false sends every row to the shared kernels (the reference path). */
export function setSmallRowKernels(on: boolean): void {
  smallRowMax = on ? SMALL_ROW_MAX : 0;
}

/** Edge rows of a contiguous softmax (max is ±Infinity or the sum NaN): fill NaN, return lse. */
function edgeRow(src: Float32Array | Float64Array, off: number, n: number, m: number, dst: FloatOut, dstOff: number): number {
  fillNaN(dst, dstOff, 1, n);
  return rowHasNaN(src, off, 1, n) ? NaN : m === m && (m === Infinity || m === -Infinity) ? m : NaN;
}

/** Fused softmax of one contiguous float32 row into float32 (same result as the shared kernels). */
function softmaxRowF32(src: Float32Array, off: number, n: number, dst: Float32Array, dstOff: number, invT: number): number {
  let m = -Infinity;
  for (let i = off, e = off + n; i < e; i++) { const v = src[i]!; if (v > m) m = v; }
  if (m === Infinity || m === -Infinity) return edgeRow(src, off, n, m, dst, dstOff);
  const frac = EXP2_FRAC, int = EXP2_INT, bias = EXP2_INT_BIAS, clamp = EXP_CLAMP;
  const inv64 = INV_LN2_64, ln2 = LN2_64_HI + LN2_64_LO, magic = ROUND_MAGIC;
  let s = 0;
  for (let j = 0; j < n; j++) {
    const x = Math.max((src[off + j]! - m) * invT, clamp);
    const kf = x * inv64 + magic - magic;
    const k = kf | 0;
    const r = x - kf * ln2;
    const e = frac[k & 63]! * (1 + r * (1 + r * (0.5 + r * (1 / 6)))) * int[(k >> 6) + bias]!;
    dst[dstOff + j] = e;
    s += e;
  }
  if (s !== s) return edgeRow(src, off, n, NaN, dst, dstOff);
  const c = 1 / s;
  for (let i = dstOff, e = dstOff + n; i < e; i++) dst[i] = dst[i]! * c;
  return m * invT + Math.log(s);
}

/** Fused softmax of one contiguous float64 row into float64 (same result as the shared kernels). */
function softmaxRowF64(src: Float64Array, off: number, n: number, dst: Float64Array, dstOff: number, invT: number): number {
  let m = -Infinity;
  for (let i = off, e = off + n; i < e; i++) { const v = src[i]!; if (v > m) m = v; }
  if (m === Infinity || m === -Infinity) return edgeRow(src, off, n, m, dst, dstOff);
  const frac = EXP2_FRAC, int = EXP2_INT, bias = EXP2_INT_BIAS, clamp = EXP_CLAMP;
  const inv64 = INV_LN2_64, hi = LN2_64_HI, lo = LN2_64_LO, magic = ROUND_MAGIC;
  let s = 0;
  for (let j = 0; j < n; j++) {
    const x = Math.max((src[off + j]! - m) * invT, clamp);
    const kf = x * inv64 + magic - magic;
    const k = kf | 0;
    const r = x - kf * hi - kf * lo;
    const e = frac[k & 63]! * (1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120))))))
      * int[(k >> 6) + bias]!;
    dst[dstOff + j] = e;
    s += e;
  }
  if (s !== s) return edgeRow(src, off, n, NaN, dst, dstOff);
  const c = 1 / s;
  for (let i = dstOff, e = dstOff + n; i < e; i++) dst[i] = dst[i]! * c;
  return m * invT + Math.log(s);
}
