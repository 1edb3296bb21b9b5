import { StridedArray, contiguousStrides, shapeSize, type NDArray } from '../core/StridedArray.js';
import type { TypedArray } from '../core/dtypes.js';
import { assertNotReleased, markReleased } from '../core/released.js';
import { describe, dtypeError, invalidArgument } from '../errors/messages.js';
import { align, growMemory, registerView, wasm, type Wasm } from './wasm/loader.js';

/** The dtypes `allocate` supports. */
export type ArenaDType = 'float32' | 'float64' | 'int32';

const BYTES: Record<ArenaDType, number> = { float32: 4, float64: 8, int32: 4 };
const CTOR = { float32: Float32Array, float64: Float64Array, int32: Int32Array } as const;
/** Every block starts on a cache line (and so on a SIMD boundary). */
const ALIGN = 64;
const PAGE = 65536;

/**
 * An NDArray whose storage lives in the kernels' WebAssembly memory.
 *
 * `data` is a getter: `memory.grow` (which only `allocate` triggers) detaches
 * every existing view of the memory, so each read re-derives the view when the
 * buffer changed. Read `a.data` again after any `allocate` call rather than
 * keeping an old view. After `release(a)`, reading `data` throws.
 */
class ArenaArray extends StridedArray {
  /** Byte address inside the kernels' memory (0 for a JS-heap fallback or an empty array). */
  readonly byteOffset: number;
  readonly byteLength: number;

  constructor(dtype: ArenaDType, shape: readonly number[], byteOffset: number, byteLength: number, fallback: TypedArray | null) {
    const n = shapeSize(shape);
    const initial = fallback ?? view(dtype, byteOffset, n);
    super(dtype, initial, shape, contiguousStrides(shape), 0);
    this.byteOffset = byteOffset;
    this.byteLength = byteLength;
    let cached: TypedArray = initial;
    let cachedBuffer = memoryBuffer();
    Object.defineProperty(this, 'data', {
      enumerable: true,
      configurable: false,
      get: (): TypedArray => {
        assertNotReleased(this, 'the arena array');
        if (fallback !== null) return fallback;
        const now = memoryBuffer();
        if (cachedBuffer !== now) { cached = view(dtype, byteOffset, n); cachedBuffer = now; }
        return cached;
      },
    });
  }
}

function memoryBuffer(): ArrayBufferLike | null {
  return state?.w.buffer ?? null;
}

function view(dtype: ArenaDType, byteOffset: number, n: number): TypedArray {
  const s = state;
  if (s === null || n === 0) return new CTOR[dtype](0);
  const v = new CTOR[dtype](s.w.buffer, byteOffset, n);
  registerView(v, byteOffset);
  return v;
}

interface Block { ptr: number; size: number }

interface ArenaState {
  readonly w: Wasm;
  /** First byte never handed out (everything above is free). */
  top: number;
  /** Free blocks below `top`, sorted by address, never adjacent (coalesced). */
  free: Block[];
  /** Live blocks by address. */
  live: Map<number, number>;
}

let state: ArenaState | null = null;

function arena(): ArenaState | null {
  if (state !== null) return state;
  const w = wasm();
  if (w === null) return null;
  state = { w, top: w.arenaBase, free: [], live: new Map() };
  return state;
}

function takeBlock(s: ArenaState, size: number): number {
  // first fit among the free blocks
  for (let i = 0; i < s.free.length; i++) {
    const b = s.free[i]!;
    if (b.size < size) continue;
    const ptr = b.ptr;
    if (b.size === size) s.free.splice(i, 1);
    else { b.ptr += size; b.size -= size; }
    return ptr;
  }
  const ptr = s.top;
  const end = ptr + size;
  const have = s.w.buffer.byteLength;
  if (end > have) {
    const pages = Math.ceil((end - have) / PAGE);
    try {
      growMemory(s.w, pages);
    } catch {
      throw invalidArgument(`allocate: cannot grow the kernels' memory by ${pages * PAGE} bytes (WebAssembly memory is limited to 4 GiB)`);
    }
  }
  s.top = end;
  return ptr;
}

function giveBack(s: ArenaState, ptr: number, size: number): void {
  const free = s.free;
  // insertion point by address
  let lo = 0, hi = free.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (free[mid]!.ptr < ptr) lo = mid + 1; else hi = mid;
  }
  let block: Block = { ptr, size };
  const prev = free[lo - 1];
  if (prev !== undefined && prev.ptr + prev.size === ptr) {
    prev.size += size;
    block = prev;
  } else {
    free.splice(lo, 0, block);
    lo += 1;
  }
  const next = free[lo];
  if (next !== undefined && block.ptr + block.size === next.ptr) {
    block.size += next.size;
    free.splice(lo, 1);
  }
  // a free block touching the top shrinks the used region instead
  const last = free[free.length - 1];
  if (last !== undefined && last.ptr + last.size === s.top) {
    s.top = last.ptr;
    free.pop();
  }
}

/**
 * Allocates a zero-filled, C-contiguous array whose storage lives in the
 * kernels' WebAssembly memory (API.md §7b), so every logitkit function reads
 * it in place with no copy, and a runtime can write into it directly
 * (e.g. onnxruntime-web / -node pre-allocated outputs, `new ort.Tensor('float32',
 * a.data, a.shape)`).
 *
 * - `dtype`: 'float32', 'float64' or 'int32' (else `DTYPE`).
 * - `shape`: integers >= 0 (else `INVALID_ARGUMENT`); [] gives a 0-d array.
 * - Memory: blocks are 64-byte aligned and reused first-fit after `release`,
 *   adjacent free blocks merge, and the top of the arena shrinks back, so
 *   allocate/release cycles do not leak. Growing the memory detaches earlier
 *   views of it, which is why `a.data` is re-derived on every read: read
 *   `a.data` again after calling `allocate` rather than keeping an old view
 *   (logitkit's own functions never grow the memory while they run).
 * - Without WebAssembly SIMD the array lives on the JS heap; everything still
 *   works, without the fast kernels.
 *
 * Complexity: O(size) (zero fill) plus O(free blocks) to find a block.
 *
 * @example
 * const logits = allocate('float32', [1, 32000]);
 * logits.data.set(modelOutput);          // or let the runtime write into it
 * argmax(logits, { axis: -1 });          // reads the WASM memory in place
 * release(logits);                       // logits.data now throws
 *
 * See also: {@link release}.
 */
export function allocate(dtype: ArenaDType, shape: readonly number[]): NDArray {
  if (dtype !== 'float32' && dtype !== 'float64' && dtype !== 'int32') {
    throw dtypeError(`allocate: dtype must be 'float32', 'float64' or 'int32', got ${describe(dtype)}`);
  }
  if (!Array.isArray(shape) || shape.some((d) => typeof d !== 'number' || !Number.isInteger(d) || d < 0)) {
    throw invalidArgument(`allocate: shape must be an array of integers >= 0, got ${Array.isArray(shape) ? `[${shape.map(describe).join(', ')}]` : describe(shape)}`);
  }
  const n = shapeSize(shape);
  const bytes = n * BYTES[dtype];
  if (!Number.isSafeInteger(bytes) || bytes > 2 ** 32) throw invalidArgument(`allocate: ${n} elements of ${dtype} exceed the 4 GiB WebAssembly memory`);
  const s = arena();
  if (s === null || n === 0) {
    return new ArenaArray(dtype, shape, 0, 0, new CTOR[dtype](n));
  }
  const size = align(bytes, ALIGN);
  const ptr = takeBlock(s, size);
  s.live.set(ptr, size);
  new Uint8Array(s.w.buffer, ptr, size).fill(0);
  return new ArenaArray(dtype, shape, ptr, size, null);
}

/**
 * Gives the storage of an array from {@link allocate} back to the arena
 * (API.md §7b). Afterwards the array is dead: reading `a.data`, or passing it
 * to any logitkit function, throws `INVALID_ARGUMENT`. Views made from it
 * before the release must not be used either.
 *
 * Errors: `INVALID_ARGUMENT` when `a` was not returned by `allocate` or was
 * already released. Complexity: O(free blocks).
 *
 * @example
 * const a = allocate('float64', [4]);
 * release(a);
 * argmax(a);   // throws LogitkitError INVALID_ARGUMENT
 */
export function release(a: NDArray): void {
  if (!(a instanceof ArenaArray)) throw invalidArgument(`release: expected an array returned by allocate(), got ${describe(a)}`);
  assertNotReleased(a, 'release: the array');
  markReleased(a);
  const s = state;
  if (s === null || a.byteLength === 0) return;
  const size = s.live.get(a.byteOffset);
  if (size === undefined) return;
  s.live.delete(a.byteOffset);
  giveBack(s, a.byteOffset, size);
}

/** Arena statistics for tests and diagnostics (internal). */
export function arenaStats(): { live: number; liveBytes: number; freeBlocks: number; top: number; memoryBytes: number } | null {
  const s = state;
  if (s === null) return null;
  let liveBytes = 0;
  for (const v of s.live.values()) liveBytes += v;
  return { live: s.live.size, liveBytes, freeBlocks: s.free.length, top: s.top - s.w.arenaBase, memoryBytes: s.w.buffer.byteLength };
}
