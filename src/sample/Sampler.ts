import { toNDArray } from '../core/ndarray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { numericStorage } from '../core/values.js';
import { allMasked, dtypeError, invalidArgument, shapeMismatch } from '../errors/messages.js';
import { createRng, type Rng } from '../random/createRng.js';
import { applyAllowedTokens, applyBadTokens, applyBadWords } from './ops/allowedBadTokens.js';
import { argmaxRow } from './ops/argmaxRow.js';
import { drawKept, seededUniform } from './ops/draw.js';
import { HEAP_MAX, kthLargestCollect } from './ops/kthLargest.js';
import { minPCollect } from './ops/minP.js';
import { topKCollectFast } from './ops/topKFast.js';
import { gatherRow, logSumExpRow } from './ops/logprobs.js';
import { applyLogitBias } from './ops/logitBias.js';
import { applyMinTokens } from './ops/minTokens.js';
import { applyPenaltiesRow } from './ops/penalties.js';
import { Scratch } from './ops/scratch.js';
import { applyTemperatureMax, loadTemperatureMax } from './ops/temperature.js';
import { drawBinned, keptSet, maskToKept, newKeptSet, type KeptSet } from './ops/topKTopP.js';
import { planBatch, type RowPlan } from './params.js';
import type { LogprobsMode, SampleRequest, SamplerOptions, SamplerOutput, SamplingParams } from './types.js';

const MODES: readonly LogprobsMode[] = ['raw_logprobs', 'raw_logits', 'processed_logprobs', 'processed_logits'];

/**
 * A batched token sampler with vLLM V1 semantics (API.md §7): one token per
 * row of a [B, V] logits array, each row with its own {@link SamplingParams}.
 * It owns its scratch buffers and reuses them across calls, so a decode loop
 * allocates only its outputs.
 *
 * **Pipeline, in this order** (vLLM `vllm/v1/sample/sampler.py`; one in-place op per step in `src/sample/ops/`):
 * 1. The row as float32 (NaN → -Infinity: a NaN logit is never sampled).
 *    `raw_logprobs` / `raw_logits` are read from here.
 * 2. `allowedTokenIds` (every other id → -inf), `badTokenIds`, `badWords`
 *    (the last id of a word whose prefix ends the output → -inf), then
 *    `minTokens` (every `stopTokenIds` id → -inf while the output has fewer
 *    than `minTokens` tokens), then `logitBias` (added in float32; -inf stays -inf).
 * 3. Penalties in float32, in order: repetition on tokens seen in the prompt
 *    or the output (`l > 0 ? l / r : l * r`), frequency (`l -= f * count in
 *    output`), presence (`l -= p * (count in output > 0)`).
 * 4. Greedy rows (temperature 0): the argmax of these logits (first index of
 *    the maximum). They never consume randomness; steps 5a-5e skip them.
 * 5. Other rows: (a) divide by the temperature (float32); (b) min-p: drop
 *    tokens with `p < minP * max p` (strict: the maximum and its ties survive);
 *    (c) top-k: keep `l >=` the k-th largest (ties all kept); (d) top-p over
 *    what is left: in ascending order drop a token when the cumulative
 *    probability up to and including it is `<= 1 - p` (the most likely token
 *    always stays); (e) draw: one uniform u from the request's stream, inverse
 *    CDF over the kept tokens in id order (exact distribution; wide
 *    top-p-only rows order them by value bin, then id — see `drawBinned`).
 * 6. Logprobs from the array the mode names (`raw_*` step 1, `processed_*`
 *    after step 5 with dropped tokens at -inf; greedy rows: after step 3).
 *
 * **Seeds.** A seeded request at step s (the length of its `outputTokenIds`)
 * draws u = `createRng(seed).fork(s).uniform()` — a pure function of (seed,
 * step), so the token depends only on the seed, the step and the row's
 * logits: the same whatever the batch size, row position or neighbours. Seed
 * 0 is a seed. Unseeded rows share this Sampler's own freshly keyed stream.
 *
 * **Not llama.cpp's order.** llama.cpp's default chain applies top-k, top-p,
 * then min-p, and the temperature last; here (as in vLLM) the temperature
 * comes first and min-p before top-k/top-p, so e.g. min-p 0.05 at
 * temperature 2 keeps more tokens here than in llama.cpp.
 *
 * **Speed.** Nothing sorts the vocabulary: top-k is a size-k heap scan
 * (quickselect for k > 2048; on contiguous float32 rows at temperature 1 with
 * V >= 4096 and k <= V / 64, the shared WASM SIMD top-k and count kernels of
 * src/kernels instead), min-p a threshold, top-p a weighted quickselect on the
 * survivors, the draw one walk. Only the tokens that survive min-p and top-k
 * are exponentiated; greedy rows are one pass of the shared `nanargmax` lane
 * kernel (src/reduce/dispatch.ts, WASM SIMD for float rows). Per row:
 * O(V + k log k) for top-k, O(V) expected with top-p. The cost per row does
 * not depend on B, but rows that are no longer in cache (B x V x 4 bytes
 * beyond L2) stream from memory at about half the in-cache speed.
 *
 * **Errors** (all thrown before any row is processed): INVALID_ARGUMENT naming
 * the request and field ("topP of request 3 must be in (0, 1], got 1.5"),
 * SHAPE_MISMATCH for B requests vs B rows or logits that are not [B, V];
 * ALL_MASKED when a row has nothing finite left (greedy rows included).
 * A masked token is never returned. The input is never modified.
 *
 * @example
 * const sampler = new Sampler();
 * const logits = new Float32Array([0, 5, 1, 9, 2, 1]);            // two rows of V = 3
 * const { tokens } = sampler.sample({ data: logits, dims: [2, 3] }, [
 *   { params: { temperature: 0 } },                                 // greedy
 *   { params: { temperature: 0.7, topK: 2, topP: 0.9, seed: 42 }, outputTokenIds: [2] },
 * ]);
 * tokens[0] // 1
 */
export class Sampler {
  /** Which array logprobs are read from. */
  readonly logprobsMode: LogprobsMode;
  private readonly s = new Scratch();
  private readonly kept: KeptSet = newKeptSet();
  private readonly rng: Rng;

  constructor(opts: SamplerOptions = {}) {
    const mode = opts.logprobsMode ?? 'raw_logprobs';
    if (!MODES.includes(mode)) throw invalidArgument(`logprobsMode must be one of ${MODES.join(', ')}, got ${JSON.stringify(mode)}`);
    this.logprobsMode = mode;
    this.rng = createRng();
  }

  /**
   * Samples one token per row of `logits` ([B, V], or [V] as one row). `requests` is one
   * {@link SampleRequest} per row, or a single {@link SamplingParams} for every row.
   * See the class doc for the pipeline, seeds and errors.
   */
  sample(logits: ArrayInput, requests: SampleRequest[] | SamplingParams): SamplerOutput {
    const x = toNDArray(logits, 'logits');
    if (x.ndim !== 1 && x.ndim !== 2) throw shapeMismatch(`sample: logits must have shape [B, V] (or [V]), got [${x.shape.join(', ')}]`);
    if (x.dtype === 'bool') throw dtypeError('sample: logits must be numeric, got bool');
    const B = x.ndim === 2 ? x.shape[0]! : 1;
    const V = x.shape[x.ndim - 1]!;
    if (V === 0 && B > 0) throw shapeMismatch('sample: logits have an empty vocabulary axis (V = 0)');
    const plans = planBatch(requests, B, V);
    let n = -1;
    for (let b = 0; b < B; b++) if (plans[b]!.logprobs > n) n = plans[b]!.logprobs;

    const src = numericStorage(x);
    const rs = x.ndim === 2 ? x.strides[0]! : 0, cs = x.strides[x.ndim - 1]!;
    const s = this.s;
    s.ensure(V);
    const tokens = new Int32Array(B);
    const w = n + 1;
    const lp = n >= 0 ? { tokenIds: new Int32Array(B * w), logprobs: new Float32Array(B * w), ranks: new Int32Array(B), n } : undefined;
    const processedLp = lp !== undefined && this.logprobsMode.startsWith('processed');
    for (let b = 0; b < B; b++) {
      const plan = plans[b]!;
      const where = `row ${b}`;
      const o = x.offset + b * rs;
      const greedy = plan.temperature === 0;
      let token: number;
      let lse = 0;
      if (greedy && !plan.sparse && !processedLp && src instanceof Float32Array) {
        // step 1 is "logits as float32": other dtypes go through the float32 row load below,
        // so values that differ only below float32 precision tie (and the first wins), as in vLLM
        token = argmaxRow(src, o, cs, V, where);
      } else {
        let row: Float32Array = s.row;
        let m = -Infinity;
        let preThr = NaN, preMinP = false;
        if (!greedy && !plan.sparse) {
          const inPlace = plan.temperature === 1 && cs === 1 && src instanceof Float32Array && !processedLp;
          if (inPlace && plan.topK > 0 && plan.topK <= HEAP_MAX) {
            // top-k at temperature 1 read in place: the heap pass also yields the maximum (the heap's largest)
            row = src.subarray(o, o + V);
            preThr = topKCollectFast(src, o, V, plan.topK, s);
            if (preThr !== preThr) preThr = kthLargestCollect(row, V, plan.topK, s.heap, s.idx, s.ints);
            m = -Infinity;
            for (let j = 0; j < plan.topK; j++) if (s.heap[j]! > m) m = s.heap[j]!;
            if (m === Infinity || m === -Infinity) { row = s.row; preThr = NaN; m = loadTemperatureMax(src, o, cs, V, row, 1); }
          } else if (inPlace && plan.minP > 0 && plan.topK === 0) {
            // min-p at temperature 1 read in place: one pass finds the maximum and a superset of the survivors
            row = src.subarray(o, o + V);
            m = minPCollect(row, V, plan.minP, s.idx, s.ints);
            preMinP = true;
            if (m === Infinity || m === -Infinity) { row = s.row; preMinP = false; m = loadTemperatureMax(src, o, cs, V, row, 1); }
          } else if (inPlace && (m = maxOrNaN(src, o, V)) === m) {
            // temperature 1 over a float32 row without NaN: read the input in place (the kernels only read it)
            row = src.subarray(o, o + V);
          } else m = loadTemperatureMax(src, o, cs, V, row, plan.temperature);
        } else { loadRow(src, o, cs, V, row); this.applySparse(plan, row, V); }
        if (greedy) {
          token = argmaxRow(row, 0, 1, V, where);
          if (processedLp && this.logprobsMode === 'processed_logprobs') lse = logSumExpRow(row, V);
        } else {
          if (plan.sparse) m = applyTemperatureMax(row, V, plan.temperature);
          if (m === -Infinity) throw allMasked(`sample: ${where} has no finite logit left after step 2`);
          if (m === Infinity) { if (row !== s.row) { s.row.set(row); row = s.row; } onlyInfinite(row, V); m = 0; }
          const kept = keptSet(row, V, m, plan.minP, plan.topK, plan.topP, s, this.kept, where, preThr, preMinP);
          const u = plan.seeded ? seededUniform(plan.seedLo, plan.seedHi, plan.step, s.block) : this.rng.uniform();
          token = kept.binned ? drawBinned(row, V, kept, s, u) : drawKept(s, kept, u);
          if (processedLp) {
            maskToKept(row, V, kept);
            if (this.logprobsMode === 'processed_logprobs') lse = kept.m + Math.log(kept.zKept);
          }
        }
      }
      tokens[b] = token;
      if (lp !== undefined) {
        let vals: Float32Array;
        if (processedLp) vals = s.row;
        else {
          vals = s.raw;
          loadRow(src, o, cs, V, vals);
          if (this.logprobsMode === 'raw_logprobs') lse = logSumExpRow(vals, V);
        }
        lp.ranks[b] = gatherRow(vals, V, token, n, lse, lp.tokenIds, lp.logprobs, b * w, s.heapIdx);
      }
    }
    return lp === undefined ? { tokens } : { tokens, logprobs: lp };
  }

  /** Steps 2-3 on the row copy. */
  private applySparse(plan: RowPlan, row: Float32Array, V: number): void {
    if (!plan.sparse) return;
    const s = this.s;
    if (plan.allowed !== null) applyAllowedTokens(row, V, plan.allowed, plan.allowed.length <= s.wv.length ? s.wv : new Float32Array(plan.allowed.length));
    if (plan.bad !== null) applyBadTokens(row, plan.bad);
    if (plan.badWords !== null) applyBadWords(row, plan.badWords, plan.output);
    if (plan.stop !== null) applyMinTokens(row, plan.stop, plan.step, plan.minTokens);
    if (plan.biasIds !== null) applyLogitBias(row, plan.biasIds, plan.biasValues!);
    if (plan.penalties) {
      applyPenaltiesRow(row, plan.prompt, plan.output, plan.presencePenalty, plan.frequencyPenalty, plan.repetitionPenalty, s.counts, s.seen);
    }
  }
}

/** Step 1: copies V logits (stride `cs` from `o`) into `row` as float32, NaN → -Infinity. */
export function loadRow(src: ArrayLike<number>, o: number, cs: number, V: number, row: Float32Array): void {
  if (cs === 1) {
    for (let i = 0; i < V; i++) { const v = src[o + i]!; row[i] = v === v ? v : -Infinity; }
  } else {
    for (let i = 0, p = o; i < V; i++, p += cs) { const v = src[p]!; row[i] = v === v ? v : -Infinity; }
  }
}

/** The maximum of `src[o..o+V)`, or NaN when some entry is NaN. One read-only pass. */
function maxOrNaN(src: Float32Array, o: number, V: number): number {
  let m = -Infinity, nan = false;
  for (let i = o, e = o + V; i < e; i++) {
    const v = src[i]!;
    if (v > m) m = v;
    else if (v !== v) nan = true;
  }
  return nan ? NaN : m;
}

/** A row whose maximum is +Infinity: the +Infinity tokens share all the mass (softmax's limit); they become 0, the rest -Infinity. */
export function onlyInfinite(row: Float32Array, V: number): void {
  for (let i = 0; i < V; i++) row[i] = row[i] === Infinity ? 0 : -Infinity;
}

const shared = new Map<LogprobsMode, Sampler>();

/**
 * Functional form of {@link Sampler.sample}: samples one token per row of
 * `logits` ([B, V]) with per-request params (or one {@link SamplingParams} for
 * every row). Reuses a module-level Sampler per logprobs mode (its scratch and
 * its unseeded stream). Same pipeline, seeds and errors as {@link Sampler}.
 *
 * @example
 * sample([[1, 3, 2]], { temperature: 0 }).tokens            // Int32Array [1]
 * sample([[1, 3, 2]], { topK: 2, seed: 0 }).tokens[0]      // 1 or 2, the same on every run
 */
export function sample(logits: ArrayInput, requests: SampleRequest[] | SamplingParams, opts: SamplerOptions = {}): SamplerOutput {
  const mode = opts.logprobsMode ?? 'raw_logprobs';
  let s = shared.get(mode);
  if (s === undefined) { s = new Sampler(opts); shared.set(mode, s); }
  return s.sample(logits, requests);
}
