/**
 * Kernel dispatch for the arg-reductions: the single place that decides which
 * kernel reduces a lane or a block, by dtype, contiguity and size.
 *
 * Layout cases (the op layer has already decoded float16/bfloat16 to float32
 * storage and resolved the axis):
 * 1. C-contiguous input, reduced axis innermost → one contiguous-lane kernel
 *    call per output element (`contig`).
 * 2. C-contiguous input, reduced axis not innermost → the input is
 *    [outer, len, inner]; each outer block is reduced row by row, keeping
 *    `inner` running winners (`block`), so memory is read in order.
 * 3. A permutation of a C-contiguous array (a transpose, an F-order
 *    tensor) → cases 1/2 on the memory-ordered view, results permuted back.
 * 4. Anything else (sliced, negative-stride, broadcast views) → `lanesOf`
 *    lists the lane offsets with an outer-loop odometer and a strided-lane
 *    kernel reduces each (`strided`, or `contig` at stride 1).
 *
 * Fast kernels (issue 5) plug in here; the JS kernels of kernels.ts stay the
 * reference. Per reduction, `kernelsFor` takes the first of:
 * 1. a set installed with `registerArgKernels(kind, dtype, set)` for
 *    'float32' / 'float64' storage (partial sets fall back to JS per entry);
 * 2. the provider: `provider(kind, data, js)` returns a KernelSet for that
 *    storage or null. The default provider is `wasmArgKernels` (WASM SIMD for
 *    float32/float64 when the engine has it, with per-call fallback to the JS
 *    kernels below its crossovers); `setArgKernelProvider(null)` forces the
 *    pure JS path, `resetArgKernels()` restores the default;
 * 3. the JS reference set.
 * Every set must return exactly what the JS reference returns (same
 * signatures, lane-relative indices, -1 for an all-NaN nan* slice); tests
 * compare both paths.
 */
import type { NumericTypedArray } from '../core/dtypes.js';
import { type NDArray, StridedArray, contiguousStrides, isCContiguous } from '../core/StridedArray.js';
import { forEachOffset } from '../core/ndarray.js';
import { transpose } from '../core/views.js';
import { lanesOf } from '../core/lanes.js';
import { type ArgKind, type KernelSet, JS_KERNELS } from './kernels.js';
import { wasmArgKernels } from '../kernels/reduceKernels.js';

type FastDType = 'float32' | 'float64';

/** Rows shorter than this are always reduced by the JS kernels (no fast kernel wins there). */
export const SHORT_LANE = 64;
const registered = new Map<string, KernelSet>();

/** Chooses a kernel set for one reduction, or returns null for the JS reference set. */
export type ArgKernelProvider = (kind: ArgKind, data: NumericTypedArray, js: KernelSet) => KernelSet | null;
const DEFAULT_PROVIDER: ArgKernelProvider = wasmArgKernels;
let provider: ArgKernelProvider | null = DEFAULT_PROVIDER;

/** Installs the kernel provider asked before every reduction; null means JS kernels only. */
export function setArgKernelProvider(p: ArgKernelProvider | null): void {
  provider = p;
}

/** Installs fast kernels for one kind and storage dtype (partial sets fall back to JS). */
export function registerArgKernels(kind: ArgKind, dtype: FastDType, set: Partial<KernelSet>): void {
  registered.set(`${kind}:${dtype}`, { ...JS_KERNELS[kind], ...set });
}

/** Removes every registered kernel set and restores the default (WASM) provider. */
export function resetArgKernels(): void {
  registered.clear();
  provider = DEFAULT_PROVIDER;
}

/** The kernel set for a kind and the storage it will read. */
export function kernelsFor(kind: ArgKind, data: NumericTypedArray): KernelSet {
  if (registered.size > 0) {
    const dt = data instanceof Float32Array ? 'float32' : data instanceof Float64Array ? 'float64' : null;
    const set = dt === null ? undefined : registered.get(`${kind}:${dt}`);
    if (set !== undefined) return set;
  }
  if (provider !== null) {
    const set = provider(kind, data, JS_KERNELS[kind]);
    if (set !== null) return set;
  }
  return JS_KERNELS[kind];
}

/**
 * Reduces `a` (a view over `data`, numeric storage) along `axis`, writing one
 * lane-relative index per output element (C order of the remaining axes) into
 * `res`; -1 marks an all-NaN slice of a nan* kind. The reduced axis is non-empty.
 */
export function argReduceAxis(kind: ArgKind, data: NumericTypedArray, a: NDArray, axis: number, res: Int32Array): void {
  const k = kernelsFor(kind, data);
  const count = res.length;
  if (count === 0) return;
  if (isCContiguous(a)) { contiguousAxis(kind, k, data, a, axis, res); return; }
  // A transposed (F-order, permuted) view of contiguous memory: reduce the
  // memory-ordered permutation with the in-order kernels, then put the
  // results back into the view's axis order. Order along `axis` is kept, so
  // the first-occurrence rule is unchanged.
  const perm = contiguousPermutation(a);
  if (perm !== null) {
    const tmp = new Int32Array(count);
    contiguousAxis(kind, k, data, transpose(a, perm), perm.indexOf(axis), tmp);
    const memAxes = perm.filter((d) => d !== axis);           // tmp is C order over these
    const memStrides = contiguousStrides(memAxes.map((d) => a.shape[d]!));
    const outAxes = a.shape.map((_, d) => d).filter((d) => d !== axis);
    const back = new StridedArray('int32', tmp, outAxes.map((d) => a.shape[d]!), outAxes.map((d) => memStrides[memAxes.indexOf(d)]!), 0);
    let i = 0;
    forEachOffset(back, (o) => { res[i++] = tmp[o]!; });
    return;
  }
  const len = a.shape[axis]!;
  const { offsets, stride } = lanesOf(a, axis);
  if (stride === 1) for (let o = 0; o < count; o++) res[o] = k.contig(data, offsets[o]!, len);
  else for (let o = 0; o < count; o++) res[o] = k.strided(data, offsets[o]!, stride, len);
}

// Case 1 and 2 of the header: `a` is C-contiguous.
function contiguousAxis(kind: ArgKind, k: KernelSet, data: NumericTypedArray, a: NDArray, axis: number, res: Int32Array): void {
  const len = a.shape[axis]!;
  const count = res.length;
  let inner = 1;
  for (let d = axis + 1; d < a.ndim; d++) inner *= a.shape[d]!;
  if (inner === 1) {
    // Short rows (class logits, [B, 10]) stay on the JS kernel: per-call
    // overhead would eat any gain of a fast kernel.
    if (len < SHORT_LANE) {
      const ks = JS_KERNELS[kind].strided; // small enough for V8 to inline into this loop
      for (let o = 0, off = a.offset; o < count; o++, off += len) res[o] = ks(data, off, 1, len);
      return;
    }
    for (let o = 0, off = a.offset; o < count; o++, off += len) res[o] = k.contig(data, off, len);
    return;
  }
  const outer = count / inner;
  const scratch = new Float64Array(inner);
  for (let o = 0, off = a.offset; o < outer; o++, off += len * inner) k.block(data, off, len, inner, res, o * inner, scratch);
}

/**
 * The axis order that makes `a` C-contiguous (axes sorted by decreasing
 * stride), or null when no permutation does (negative or zero strides on
 * axes longer than 1, gaps, overlaps).
 */
function contiguousPermutation(a: NDArray): number[] | null {
  for (let d = 0; d < a.ndim; d++) if (a.shape[d]! > 1 && a.strides[d]! <= 0) return null;
  const perm = a.shape.map((_, i) => i).sort((p, q) => a.strides[q]! - a.strides[p]! || p - q);
  return isCContiguous(transpose(a, perm)) ? perm : null;
}

/**
 * Reduces all of `a` (non-empty) to one index into its C-order flattening,
 * or -1 for an all-NaN nan* reduction. A C-contiguous input is one
 * contiguous lane; otherwise each last-axis lane is reduced (by
 * argReduceAxis) and the lane winners are merged in C order with the same
 * rule (first lane wins ties).
 */
export function argReduceFlat(kind: ArgKind, data: NumericTypedArray, a: NDArray): number {
  if (a.ndim === 0 || isCContiguous(a)) return kernelsFor(kind, data).contig(data, a.offset, a.size);
  // Reduce every last-axis lane (through argReduceAxis, so a transposed view
  // is still read in memory order), then merge the lane winners in C order.
  const axis = a.ndim - 1;
  const { offsets, stride, length: len, count } = lanesOf(a, axis);
  const winners = new Int32Array(count);
  argReduceAxis(kind, data, a, axis, winners);
  const max = kind === 'argmax' || kind === 'nanargmax';
  const skipNaN = kind === 'nanargmax' || kind === 'nanargmin';
  let bestIdx = -1, best = 0, sawNumber = false;
  for (let l = 0; l < count; l++) {
    const off = offsets[l]!;
    const j = winners[l]!;
    if (j < 0) {
      // all NaN in this lane (nan* kinds): NumPy reads NaN as ∓Infinity, so the
      // lane's first element is a candidate (it wins when nothing beats ∓Inf)
      if (bestIdx < 0) { best = max ? -Infinity : Infinity; bestIdx = l * len; }
      continue;
    }
    if (skipNaN) sawNumber = true;
    const v = data[off + j * stride]!;
    if (!skipNaN) {
      if (v !== v) return l * len + j; // first NaN in C order
      if (bestIdx < 0 || (max ? v > best : v < best)) { best = v; bestIdx = l * len + j; }
      continue;
    }
    // nan*: a lane winner that is NaN stands for ∓Infinity
    const w = v === v ? v : (max ? -Infinity : Infinity);
    if (bestIdx < 0 || (max ? w > best : w < best)) { best = w; bestIdx = l * len + j; }
  }
  return skipNaN && !sawNumber ? -1 : bestIdx;
}
