import type { ArrayInput } from '../core/ndarray.js';
import type { NDArray } from '../core/StridedArray.js';
import { invalidArgument } from '../errors/messages.js';
import { Scratch } from './ops/scratch.js';
import { keptSet, maskToKept, newKeptSet } from './ops/topKTopP.js';
import { inPlaceRows, perRow } from './inPlace.js';
import { loadRow, onlyInfinite } from './Sampler.js';

const scratch = new Scratch();
const kept = newKeptSet();

/**
 * In place: masks (sets to -Infinity) every logit outside vLLM's top-k /
 * top-p kept set, row by row, and returns `logits` (vLLM `apply_top_k_top_p`).
 *
 * - `k`: a number for every row, one per row (length B), or null (off).
 *   Per row, 0, -1 or >= V is off. Keeps every token whose logit is >= the
 *   k-th largest (counting duplicates: ties at the boundary all survive; with
 *   fewer than k finite logits all finite ones survive).
 * - `p`: a number, one per row, or null (off); in (0, 1], 1 is off. Over the
 *   ascending order a token is dropped when the cumulative probability (of
 *   softmax over what top-k left) up to and including it is <= 1 - p; the
 *   most likely token is always kept. Among tokens tied exactly at the
 *   boundary the lower ids are dropped first (a stable ascending sort).
 *   Unlike vLLM, p = 1 does not drop tokens whose probability underflows to 0.
 *
 * Shape: `logits` is a float32 NDArray [B, V] (or [V]); strided views work.
 * NaN: a NaN logit is treated as -Infinity (and written as -Infinity). A row
 * with a +Infinity logit keeps only its +Infinity entries under top-p. A row
 * with nothing finite is left as it is.
 * Errors: DTYPE if not float32; INVALID_ARGUMENT for k not an integer >= -1
 * or p outside (0, 1] (naming the row); SHAPE_MISMATCH for per-row arrays
 * whose length is not B. Nothing is written before validation passes.
 * Complexity: O(V) expected per row — no sort (heap/quickselect for k,
 * weighted quickselect for p).
 *
 * @example
 * const x = ndarray(new Float32Array([1, 4, 2, 3]), { shape: [1, 4] });
 * applyTopKTopP(x, 2, null);   // x.data: [-Infinity, 4, -Infinity, 3]
 */
export function applyTopKTopP(logits: NDArray, k: number | ArrayInput | null, p: number | ArrayInput | null): NDArray {
  const r = inPlaceRows(logits, 'applyTopKTopP');
  const { B, V, data, rs, cs } = r;
  const ks = perRow(k, B, 'k', 0, (v, w) => {
    if (!Number.isInteger(v) || v < -1) throw invalidArgument(`applyTopKTopP: ${w} must be an integer: 0 or -1 (off) or >= 1, got ${v}`);
  }, 'applyTopKTopP');
  const ps = perRow(p, B, 'p', 1, (v, w) => {
    if (!(v > 0 && v <= 1)) throw invalidArgument(`applyTopKTopP: ${w} must be in (0, 1], got ${v}`);
  }, 'applyTopKTopP');
  scratch.ensure(V);
  const row = scratch.row;
  for (let b = 0; b < B; b++) {
    let kb = ks[b]!;
    if (kb === -1 || kb >= V) kb = 0;
    const pb = ps[b]!;
    if (kb === 0 && pb === 1) continue;
    const o = r.a.offset + b * rs;
    loadRow(data, o, cs, V, row);
    let m = -Infinity;
    for (let i = 0; i < V; i++) if (row[i]! > m) m = row[i]!;
    if (m === -Infinity) continue;
    if (m === Infinity) {
      if (pb < 1) onlyInfinite(row, V);
      m = pb < 1 ? 0 : Number.MAX_VALUE;
    }
    maskToKept(row, V, keptSet(row, V, m, 0, kb, pb, scratch, kept, `row ${b}`));
    for (let i = 0, q = o; i < V; i++, q += cs) if (row[i] === -Infinity) data[q] = -Infinity;
  }
  return logits;
}
