import { KERNELS_WASM_BASE64 } from './kernels.wasm.js';

/** The functions the AssemblyScript module exports (pointers are byte addresses). */
export interface KernelExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  argmaxF32(ptr: number, n: number): number;
  argminF32(ptr: number, n: number): number;
  argmaxF64(ptr: number, n: number): number;
  argminF64(ptr: number, n: number): number;
  nanargmaxF32(ptr: number, n: number): number;
  nanargminF32(ptr: number, n: number): number;
  nanargmaxF64(ptr: number, n: number): number;
  nanargminF64(ptr: number, n: number): number;
  argmaxColsF32(ptr: number, rows: number, cols: number, outIdx: number, best: number, rowBase: number, init: number): void;
  argminColsF32(ptr: number, rows: number, cols: number, outIdx: number, best: number, rowBase: number, init: number): void;
  nanargmaxColsF32(ptr: number, rows: number, cols: number, outIdx: number, best: number, rowBase: number, init: number): void;
  nanargminColsF32(ptr: number, rows: number, cols: number, outIdx: number, best: number, rowBase: number, init: number): void;
  maxF32(ptr: number, n: number): number;
  expSumF32(ptr: number, n: number, shift: number): number;
  expDivF32(src: number, dst: number, n: number, shift: number, divisor: number): void;
  scanAtLeastF32(ptr: number, n: number, pivot: number, shift: number): number;
  lastScanMass(): number;
  countAtLeastF32(ptr: number, n: number, pivot: number): number;
  collectAtLeastF32(ptr: number, n: number, pivot: number, outIdx: number, cap: number, base: number): number;
  expShiftRawF32(src: number, dst: number, n: number, shift: number): void;
}

/** Bytes of the fixed scratch region (chunked copies of JS-heap inputs). Never moves, never grows. */
export const SCRATCH_BYTES = 256 * 1024;

/**
 * The loaded module with its memory layout:
 * [0, heapBase) static data · [scratch, scratch + SCRATCH_BYTES) scratch ·
 * [arenaBase, memory end) the arena (src/kernels/arena.ts).
 */
export interface Wasm {
  readonly k: KernelExports;
  readonly memory: WebAssembly.Memory;
  readonly scratch: number;
  readonly arenaBase: number;
  /**
   * `memory.buffer`, cached: the getter is a slow host call, and the buffer
   * only changes when `growMemory` (the one place that grows it) runs.
   */
  buffer: ArrayBuffer;
}

let loaded: Wasm | null | undefined;
let forcedOff = false;

function decodeBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function load(): Wasm | null {
  if (typeof WebAssembly !== 'object' || typeof atob !== 'function') return null;
  try {
    const bytes = decodeBase64(KERNELS_WASM_BASE64);
    // The module uses SIMD 128 throughout: an engine without it fails validation
    // and every op stays on its JS reference kernel.
    if (!WebAssembly.validate(bytes)) return null;
    const module = new WebAssembly.Module(bytes);
    const instance = new WebAssembly.Instance(module, {
      env: { abort: () => { throw new Error('logitkit wasm kernel aborted'); } },
    });
    const k = instance.exports as unknown as KernelExports;
    const scratch = align(k.heapBase(), 64);
    const arenaBase = align(scratch + SCRATCH_BYTES, 64);
    const memory = k.memory;
    if (memory.buffer.byteLength < arenaBase) memory.grow(Math.ceil((arenaBase - memory.buffer.byteLength) / 65536));
    return { k, memory, scratch, arenaBase, buffer: memory.buffer };
  } catch {
    return null;
  }
}

/** Rounds `n` up to a multiple of `a` (a power of two). */
export function align(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/**
 * The WASM SIMD kernels, instantiated on first use (synchronously: the module
 * is a few KB), or null when the engine lacks WebAssembly SIMD, in which case
 * callers use their JS reference kernels.
 */
export function wasm(): Wasm | null {
  if (forcedOff) return null;
  if (loaded === undefined) loaded = load();
  return loaded;
}

/**
 * Test hook: `false` makes wasm() return null so the JS reference paths run
 * (as on an engine without SIMD); `true` restores the default. Internal, not
 * exported from the package.
 */
export function setWasmEnabled(on: boolean): void {
  forcedOff = !on;
}

/** Grows the kernels' memory by `pages` (64 KiB each); throws RangeError past the engine's limit. */
export function growMemory(w: Wasm, pages: number): void {
  try {
    w.memory.grow(pages);
  } finally {
    w.buffer = w.memory.buffer;
  }
}

let viewBuf: ArrayBuffer | null = null;
let f32: Float32Array = new Float32Array(0);
let f64: Float64Array = new Float64Array(0);
let i32: Int32Array = new Int32Array(0);

function refresh(w: Wasm): void {
  const buf = w.buffer;
  if (buf !== viewBuf) {
    viewBuf = buf;
    f32 = new Float32Array(buf);
    f64 = new Float64Array(buf);
    i32 = new Int32Array(buf);
  }
}

/** Whole-memory views, re-derived after memory.grow detached the old ones. */
export function heapF32(w: Wasm): Float32Array { refresh(w); return f32; }
/** See heapF32. */
export function heapF64(w: Wasm): Float64Array { refresh(w); return f64; }
/** See heapF32. */
export function heapI32(w: Wasm): Int32Array { refresh(w); return i32; }

// Views the arena created, with their byte address. Reading `.buffer` or
// `.byteOffset` of a typed array over WebAssembly memory costs ~100 ns in this
// V8 (a runtime call), a WeakMap hit ~30 ns: the per-call overhead that sets
// the crossovers.
const views = new WeakMap<object, number>();

/** Records that `v` is a view of the kernels' memory starting at byte `address`. */
export function registerView(v: ArrayBufferView, address: number): void {
  views.set(v, address);
}

/**
 * The byte address of `data[0]` inside the kernels' memory, or -1 when `data`
 * lives elsewhere (a JS-heap array). Arena views are looked up; any other view
 * of the memory (e.g. a subarray of an arena array) is recognised by its buffer.
 */
export function wasmAddress(w: Wasm, data: ArrayBufferView): number {
  const a = views.get(data);
  if (a !== undefined && data.byteLength !== 0) return a;
  return data.buffer === w.buffer ? data.byteOffset : -1;
}

/** True when `data` is a view of the kernels' memory (an arena array): kernels then read it in place. */
export function inWasmMemory(w: Wasm, data: ArrayBufferView): boolean {
  return wasmAddress(w, data) >= 0;
}
