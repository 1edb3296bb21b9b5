import type { NDArray } from '../core/StridedArray.js';
import { shapeMismatch, invalidArgument } from '../errors/messages.js';
import { applyPenaltiesRow } from './ops/penalties.js';
import { Scratch } from './ops/scratch.js';
import { inPlaceRows } from './inPlace.js';
import { planBatch } from './params.js';
import type { SampleRequest } from './types.js';

const scratch = new Scratch();

/**
 * In place: vLLM's `apply_penalties` (pipeline step 3) on every row, returns
 * `logits`. Per row b, from `requests[b]`:
 * 1. repetition penalty r on tokens seen in the prompt **or** the output: `l > 0 ? l / r : l * r`;
 * 2. frequency penalty f: `l -= f * (count of the token in the output)`;
 * 3. presence penalty p: `l -= p * (token occurs in the output)`.
 * The prompt counts for 1 only. Arithmetic is float32, as in vLLM.
 *
 * Shape: float32 NDArray [B, V] (or [V]); one request per row (SHAPE_MISMATCH otherwise).
 * Errors: the sampler's validation (INVALID_ARGUMENT naming the request and
 * field, e.g. a token id >= V), before anything is written; DTYPE if not float32.
 * NaN logits stay NaN. Complexity: O(|prompt| + |output|) per row (plus a
 * row copy for non-contiguous rows).
 *
 * @example
 * const x = ndarray(new Float32Array([2, -2, 1]), { shape: [1, 3] });
 * applyPenalties(x, [{ params: { repetitionPenalty: 2 }, promptTokenIds: [0, 1] }]);
 * // x.data: [1, -4, 1]
 */
export function applyPenalties(logits: NDArray, requests: SampleRequest[]): NDArray {
  const r = inPlaceRows(logits, 'applyPenalties');
  const { B, V, data, rs, cs } = r;
  if (!Array.isArray(requests)) throw invalidArgument('applyPenalties: requests must be an array of SampleRequest (one per row)');
  if (requests.length !== B) throw shapeMismatch(`applyPenalties: got ${requests.length} requests for ${B} rows of logits`);
  const plans = planBatch(requests, B, V);
  scratch.ensure(V);
  for (let b = 0; b < B; b++) {
    const plan = plans[b]!;
    if (!plan.penalties) continue;
    const o = r.a.offset + b * rs;
    if (cs === 1) {
      applyPenaltiesRow(data.subarray(o, o + V), plan.prompt, plan.output, plan.presencePenalty, plan.frequencyPenalty, plan.repetitionPenalty, scratch.counts, scratch.seen);
    } else {
      const row = scratch.row;
      for (let i = 0, q = o; i < V; i++, q += cs) row[i] = data[q]!;
      applyPenaltiesRow(row, plan.prompt, plan.output, plan.presencePenalty, plan.frequencyPenalty, plan.repetitionPenalty, scratch.counts, scratch.seen);
      for (let i = 0, q = o; i < V; i++, q += cs) data[q] = row[i]!;
    }
  }
  return logits;
}
