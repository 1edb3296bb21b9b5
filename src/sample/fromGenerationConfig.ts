import { describe, invalidArgument } from '../errors/messages.js';
import type { SamplingParams } from './types.js';

/** The Hugging Face `GenerationConfig` fields {@link fromGenerationConfig} reads (snake_case, as in generation_config.json). */
export interface GenerationConfigLike {
  do_sample?: boolean;
  temperature?: number | null;
  top_k?: number | null;
  top_p?: number | null;
  min_p?: number | null;
  repetition_penalty?: number | null;
  bad_words_ids?: number[][] | null;
  suppress_tokens?: number[] | null;
  min_new_tokens?: number | null;
  eos_token_id?: number | number[] | null;
  seed?: number | bigint | null;
  [key: string]: unknown;
}

/** HF's default `top_k` when sampling and the config leaves it out. */
const HF_DEFAULT_TOP_K = 50;

/**
 * Maps a Hugging Face `GenerationConfig` (or generation_config.json object)
 * to {@link SamplingParams}, following Hugging Face's defaults:
 *
 * - `do_sample: false` — HF's default — means **greedy** (temperature 0);
 *   temperature / top_k / top_p / min_p are then ignored, as HF does.
 * - When sampling, an absent `top_k` means HF's default **50** (not off, as
 *   in vLLM); `top_k: 0` is off. `temperature` defaults to 1, `top_p` to 1.
 *   A temperature of 0 with `do_sample: true` is rejected, as HF rejects it.
 * - `repetition_penalty` (HF's formula equals vLLM's), `bad_words_ids` →
 *   badWords, `suppress_tokens` → badTokenIds, `min_new_tokens` → minTokens
 *   with `eos_token_id` (number or list) as the stop ids; `seed` is passed
 *   through when present (-1 means none). Unknown fields are ignored.
 *
 * Errors: INVALID_ARGUMENT for a non-object config or wrongly typed fields;
 * values are checked fully when the params reach the sampler.
 *
 * @example
 * fromGenerationConfig({})                                  // { temperature: 0 }
 * fromGenerationConfig({ do_sample: true, top_p: 0.9 })     // { temperature: 1, topK: 50, topP: 0.9 }
 */
export function fromGenerationConfig(config: GenerationConfigLike): SamplingParams {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw invalidArgument(`fromGenerationConfig: config must be an object, got ${describe(config)}`);
  }
  const c = config as Record<string, unknown>;
  const num = (key: string): number | undefined => {
    const v = c[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number') throw invalidArgument(`fromGenerationConfig: ${key} must be a number, got ${describe(v)}`);
    return v;
  };
  const doSample = c['do_sample'];
  if (doSample !== undefined && doSample !== null && typeof doSample !== 'boolean') {
    throw invalidArgument(`fromGenerationConfig: do_sample must be a boolean, got ${describe(doSample)}`);
  }
  const out: SamplingParams = {};
  if (doSample === true) {
    const t = num('temperature') ?? 1;
    if (t === 0) throw invalidArgument('fromGenerationConfig: temperature must be > 0 when do_sample is true (use do_sample: false for greedy)');
    out.temperature = t;
    out.topK = num('top_k') ?? HF_DEFAULT_TOP_K;
    const p = num('top_p');
    if (p !== undefined) out.topP = p;
    const mp = num('min_p');
    if (mp !== undefined) out.minP = mp;
  } else {
    out.temperature = 0;
  }
  const rp = num('repetition_penalty');
  if (rp !== undefined && rp !== 1) out.repetitionPenalty = rp;
  const bw = c['bad_words_ids'];
  if (bw !== undefined && bw !== null) {
    if (!Array.isArray(bw)) throw invalidArgument(`fromGenerationConfig: bad_words_ids must be a list of token id lists, got ${describe(bw)}`);
    out.badWords = bw as number[][];
  }
  const sup = c['suppress_tokens'];
  if (sup !== undefined && sup !== null) {
    if (!Array.isArray(sup)) throw invalidArgument(`fromGenerationConfig: suppress_tokens must be a list of token ids, got ${describe(sup)}`);
    out.badTokenIds = sup as number[];
  }
  const mnt = num('min_new_tokens');
  if (mnt !== undefined && mnt > 0) {
    out.minTokens = mnt;
    const eos = c['eos_token_id'];
    if (typeof eos === 'number') out.stopTokenIds = [eos];
    else if (Array.isArray(eos)) out.stopTokenIds = eos as number[];
  }
  const seed = c['seed'];
  if (seed !== undefined && seed !== null && seed !== -1) out.seed = seed as number | bigint;
  return out;
}
