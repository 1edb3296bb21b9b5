/**
 * WASM SIMD arg-reduction kernels behind the same contracts as the JS
 * reference kernels of src/reduce/kernels.ts (ContigKernel / BlockKernel):
 * indices relative to the lane start, -1 for an all-NaN slice of a nan* kind,
 * NumPy's NaN / tie / ±0 rules. Tests compare both paths index for index.
 *
 * Data path, decided per call:
 * - arena input (storage inside the kernels' memory, see `allocate`): the
 *   kernel reads it in place, no copy;
 * - JS-heap input of at least `HEAP_CROSSOVER` elements: copied chunk by chunk
 *   (CHUNK elements, sized to stay in L2) into the fixed scratch region and
 *   scanned there; chunk winners are merged with the same order;
 * - smaller JS-heap lanes, other dtypes, or no WASM SIMD: the JS kernel.
 */
import { type Wasm, heapF32, heapF64, heapI32, wasm, wasmAddress, SCRATCH_BYTES } from './wasm/loader.js';

/** The four arg-reductions. */
export type ArgKind = 'argmax' | 'argmin' | 'nanargmax' | 'nanargmin';
type FloatArray = Float32Array | Float64Array;

/**
 * Below this many elements a JS-heap lane stays on the JS kernel (copying it
 * in and calling out costs more than it saves). Measured on the 2-core bench
 * box against src/reduce's unrolled JS kernels (docs/benchmarks.md): at 512
 * float32 the copy + SIMD path is ~2x faster, at 256 they tie.
 */
export const HEAP_CROSSOVER = 512;
/** Arena lanes below this length also stay in JS (call overhead ~0.2 µs dominates; they tie near 256 float32). */
export const ARENA_CROSSOVER = 256;
/** Elements per chunk when a JS-heap lane is copied into scratch (128 KB of f32: stays in L2; 5% faster than 32 KB on [64, 131072]). */
export const CHUNK_F32 = 32768;
/** Elements per chunk for float64 (128 KB). */
export const CHUNK_F64 = 16384;

function laneFn(w: Wasm, kind: ArgKind, f64: boolean): (ptr: number, n: number) => number {
  const k = w.k;
  switch (kind) {
    case 'argmax': return f64 ? k.argmaxF64 : k.argmaxF32;
    case 'argmin': return f64 ? k.argminF64 : k.argminF32;
    case 'nanargmax': return f64 ? k.nanargmaxF64 : k.nanargmaxF32;
    case 'nanargmin': return f64 ? k.nanargminF64 : k.nanargminF32;
  }
}

/**
 * Reduces the contiguous lane `d[off .. off + len)` (len >= 1) with WASM, or
 * returns undefined when the caller should use its JS kernel (no WASM SIMD,
 * or a lane below the crossover for where its data lives). `force` skips
 * the crossovers (tests run the WASM path at every length).
 */
export function wasmArgContig(kind: ArgKind, d: FloatArray, off: number, len: number, force = false): number | undefined {
  const w = wasm();
  if (w === null) return undefined;
  const f64 = d instanceof Float64Array;
  const fn = laneFn(w, kind, f64);
  if (len < ARENA_CROSSOVER && !force) return undefined;
  const addr = wasmAddress(w, d);
  if (addr >= 0) return fn(addr + off * d.BYTES_PER_ELEMENT, len);
  if (len < HEAP_CROSSOVER && !force) return undefined;
  return chunked(w, kind, fn, d, off, len, f64);
}

// Copies the lane into scratch chunk by chunk, scans each chunk in WASM and
// merges the chunk winners with the kind's order (first chunk wins ties).
function chunked(w: Wasm, kind: ArgKind, fn: (ptr: number, n: number) => number, d: FloatArray, off: number, len: number, f64: boolean): number {
  const chunk = f64 ? CHUNK_F64 : CHUNK_F32;
  const heap = f64 ? heapF64(w) : heapF32(w);
  const base = w.scratch / heap.BYTES_PER_ELEMENT;
  const max = kind === 'argmax' || kind === 'nanargmax';
  const skipNaN = kind === 'nanargmax' || kind === 'nanargmin';
  let bestIdx = -1, best = 0, sawNumber = false;
  for (let s = 0; s < len; s += chunk) {
    const n = Math.min(chunk, len - s);
    heap.set(d.subarray(off + s, off + s + n), base);
    const j = fn(w.scratch, n);
    if (!skipNaN) {
      const v = d[off + s + j]!;
      if (v !== v) return s + j; // the first NaN wins
      if (bestIdx < 0 || (max ? v > best : v < best)) { best = v; bestIdx = s + j; }
      continue;
    }
    // nan*: NaN stands for ∓Infinity. An all-NaN chunk (-1) is a chunk of
    // ∓Inf whose first element is its candidate; a chunk winner that is NaN
    // means its chunk holds only NaN and ∓Inf.
    if (j >= 0) sawNumber = true;
    const at = s + (j < 0 ? 0 : j);
    const v = d[off + at]!;
    const x = v === v ? v : max ? -Infinity : Infinity;
    if (bestIdx < 0 || (max ? x > best : x < best)) { best = x; bestIdx = at; }
  }
  if (skipNaN && !sawNumber) return -1;
  return bestIdx;
}

/**
 * Reduces the middle axis of the C-contiguous float32 block `[len, inner]`
 * starting at `d[off]` (the BlockKernel contract: `inner` lane-relative
 * indices, -1 for an all-NaN nan* column, into `res[resOff ..]`), or returns
 * false when the caller should use its JS kernel. Rows stream through memory
 * in order; each column keeps its running winner in SIMD lanes.
 */
export function wasmArgBlockF32(kind: ArgKind, d: Float32Array, off: number, len: number, inner: number, res: Int32Array, resOff: number, force = false): boolean {
  const w = wasm();
  if (w === null) return false;
  if (!force && (inner < 16 || len * inner < HEAP_CROSSOVER)) return false;
  // state: best (inner f32) and idx (inner i32) at the start of scratch, rows after
  const stateBytes = inner * 8;
  const rowBytes = inner * 4;
  const room = SCRATCH_BYTES - stateBytes;
  if (room < rowBytes) return false;
  const k = w.k;
  const fn = kind === 'argmax' ? k.argmaxColsF32 : kind === 'argmin' ? k.argminColsF32 : kind === 'nanargmax' ? k.nanargmaxColsF32 : k.nanargminColsF32;
  const idxPtr = w.scratch, bestPtr = w.scratch + inner * 4, rowsPtr = w.scratch + stateBytes;
  const addr = wasmAddress(w, d);
  if (addr >= 0) {
    fn(addr + off * 4, len, inner, idxPtr, bestPtr, 0, 1);
  } else {
    const heap = heapF32(w);
    const rowsPerChunk = Math.max(1, Math.floor(room / rowBytes));
    for (let r = 0; r < len; r += rowsPerChunk) {
      const n = Math.min(rowsPerChunk, len - r);
      heap.set(d.subarray(off + r * inner, off + (r + n) * inner), rowsPtr / 4);
      fn(rowsPtr, n, inner, idxPtr, bestPtr, r, r === 0 ? 1 : 0);
    }
  }
  const idx = heapI32(w);
  const i0 = idxPtr / 4;
  res.set(idx.subarray(i0, i0 + inner), resOff);
  if (kind === 'nanargmax' || kind === 'nanargmin') {
    // -1: nothing beat ∓Inf in that column, so it holds only NaN and ∓Inf;
    // NumPy's answer is 0 unless the column is all NaN (-1 stays).
    for (let c = 0; c < inner; c++) {
      if (res[resOff + c] !== -1) continue;
      for (let r = 0; r < len; r++) {
        const v = d[off + r * inner + c]!;
        if (v === v) { res[resOff + c] = 0; break; }
      }
    }
  }
  return true;
}

/** True when the WASM SIMD kernels are available in this engine. */
export function wasmAvailable(): boolean {
  return wasm() !== null;
}
