import type { ArrayInput } from '../core/ndarray.js';
import type { NDArray } from '../core/StridedArray.js';
import { invalidArgument } from '../errors/messages.js';
import { applyMinPRow } from './ops/minP.js';
import { Scratch } from './ops/scratch.js';
import { inPlaceRows, perRow } from './inPlace.js';
import { loadRow } from './Sampler.js';

const scratch = new Scratch();

/**
 * In place: min-p filtering (vLLM `MinPLogitsProcessor`), returns `logits`.
 * Per row, a token becomes -Infinity when its probability is strictly below
 * `minP * max probability` — i.e. when `logit - max < ln(minP)` (no
 * exponentials). The maximum and its ties always survive; 0 is off.
 *
 * Shape: float32 NDArray [B, V] (or [V]); `minP` a number for every row or
 * one per row (length B, else SHAPE_MISMATCH). NaN logits are treated (and
 * written) as -Infinity; with a +Infinity logit only +Infinity entries survive.
 * Errors: DTYPE if not float32; INVALID_ARGUMENT for minP outside [0, 1].
 * Complexity: two passes, O(V) per row.
 *
 * @example
 * const x = ndarray(new Float32Array([0, Math.log(0.5), Math.log(0.01)]), { shape: [1, 3] });
 * applyMinP(x, 0.1);   // x.data: [0, -0.693..., -Infinity]
 */
export function applyMinP(logits: NDArray, minP: number | ArrayInput): NDArray {
  const r = inPlaceRows(logits, 'applyMinP');
  const { B, V, data, rs, cs } = r;
  const mp = perRow(minP, B, 'minP', 0, (v, w) => {
    if (!(v >= 0 && v <= 1)) throw invalidArgument(`applyMinP: ${w} must be in [0, 1], got ${v}`);
  }, 'applyMinP');
  scratch.ensure(V);
  const row = scratch.row;
  for (let b = 0; b < B; b++) {
    if (!(mp[b]! > 0)) continue;
    const o = r.a.offset + b * rs;
    loadRow(data, o, cs, V, row);
    applyMinPRow(row, V, mp[b]!);
    for (let i = 0, q = o; i < V; i++, q += cs) if (row[i] === -Infinity) data[q] = -Infinity;
  }
  return logits;
}
