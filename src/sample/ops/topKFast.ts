import { countAtLeastF32 } from '../../kernels/rowKernels.js';
import { topkRowF32 } from '../../kernels/topkRow.js';
import type { Scratch } from './scratch.js';

/**
 * The top-k threshold and candidate list of one contiguous float32 row
 * `x[o .. o + V)` through the shared WASM SIMD kernels of src/kernels (no
 * private scan): `topkRowF32` (a sampled pivot, one SIMD collect pass, an
 * exact sort of the few candidates) gives the k largest values in
 * descending order, then `countAtLeastF32` (one SIMD pass) counts the
 * tokens `>=` the k-th largest, so ties at the boundary are all kept.
 *
 * On success returns the threshold (the k-th largest value, counting
 * duplicates: what `kthLargestCollect` returns) and leaves exactly the
 * row-relative ids with `x >= threshold`, in increasing id order, in
 * `s.idx[0 .. s.ints[0])`; `s.heap[0]` is the row maximum and
 * `s.heap[0 .. k)` the k largest values. That is the contract the
 * in-place top-k path of the sampler hands to `keptSet` (an exact
 * candidate set instead of a superset: the kept set is the same).
 *
 * Returns NaN (and nothing useful in `s`) when the caller must run its JS
 * heap scan instead: no WebAssembly SIMD, a row outside the kernel's range
 * (V < 4096, k > V / 64), too many candidates, a NaN in the row (the
 * sampler reads NaN as -Infinity, the kernel ranks it first), an infinite
 * maximum or threshold (the caller's special cases). Ties at the boundary
 * beyond the k returned ids cost one extra scalar collect pass.
 *
 * Complexity: two streaming SIMD passes plus O(c log k) for c ≈ 4k
 * sampled candidates, and O(k log k) to order the ids.
 */
export function topKCollectFast(x: Float32Array, o: number, V: number, k: number, s: Scratch): number {
  const vals = s.heap, ids = s.heapIdx;
  if (!topkRowF32(x, o, V, k, vals, ids, 0)) return NaN;
  const m = vals[0]!, thr = vals[k - 1]!;
  // m NaN: the row has a NaN (it ranks first); ±Infinity ends: the caller's special cases
  if (!(m < Infinity) || !(thr > -Infinity)) return NaN;
  const count = countAtLeastF32(x, o, V, thr);
  const idx = s.idx;
  if (count === k) {
    for (let j = 0; j < k; j++) idx[j] = ids[j]!;
    idx.subarray(0, k).sort();
  } else {
    // ties at the boundary beyond the k returned: collect every x >= thr in id order
    let n = 0;
    for (let i = 0; i < V; i++) if (x[o + i]! >= thr) idx[n++] = i;
  }
  s.ints[0] = count;
  return thr;
}
