/**
 * The WASM kernel sets the arg-reduction dispatch (src/reduce/dispatch.ts)
 * uses for float32 / float64 storage when WebAssembly SIMD is available. Each
 * entry has the contract of the JS reference kernel it replaces and falls
 * back to it per call (lanes below the crossovers, strided lanes, a block
 * that does not fit the scratch memory).
 */
import type { NumericTypedArray } from '../core/dtypes.js';
import type { ArgKind, KernelSet } from '../reduce/kernels.js';
import { wasmArgBlockF32, wasmArgContig } from './argReduce.js';
import { wasm } from './wasm/loader.js';

const cache = new Map<string, KernelSet>();

function build(kind: ArgKind, f32: boolean, js: KernelSet): KernelSet {
  return {
    contig: (d, off, len) => wasmArgContig(kind, d as Float32Array | Float64Array, off, len) ?? js.contig(d, off, len),
    strided: js.strided,
    block: f32
      ? (d, off, len, inner, res, resOff, scratch) => {
        if (!wasmArgBlockF32(kind, d as Float32Array, off, len, inner, res, resOff)) js.block(d, off, len, inner, res, resOff, scratch);
      }
      : js.block,
  };
}

/**
 * The WASM-backed kernel set for `kind` over `data`, or null (not float32 /
 * float64 storage, or no WebAssembly SIMD in this engine).
 */
export function wasmArgKernels(kind: ArgKind, data: NumericTypedArray, js: KernelSet): KernelSet | null {
  const f32 = data instanceof Float32Array;
  if (!f32 && !(data instanceof Float64Array)) return null;
  if (wasm() === null) return null;
  const key = `${kind}:${f32 ? 'f32' : 'f64'}`;
  let set = cache.get(key);
  if (set === undefined) { set = build(kind, f32, js); cache.set(key, set); }
  return set;
}
