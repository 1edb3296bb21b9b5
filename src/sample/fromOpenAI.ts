import { describe, invalidArgument } from '../errors/messages.js';
import type { SamplingParams } from './types.js';

/** The OpenAI / vLLM-server request fields {@link fromOpenAI} reads (snake_case). */
export interface OpenAIRequestLike {
  temperature?: number | null;
  top_p?: number | null;
  top_k?: number | null;
  min_p?: number | null;
  seed?: number | bigint | null;
  /** Completions API: a count; Chat Completions API: a boolean with `top_logprobs`. */
  logprobs?: number | boolean | null;
  top_logprobs?: number | null;
  logit_bias?: Record<string, number> | null;
  presence_penalty?: number | null;
  frequency_penalty?: number | null;
  repetition_penalty?: number | null;
  min_tokens?: number | null;
  stop_token_ids?: number[] | null;
  allowed_token_ids?: number[] | null;
  [key: string]: unknown;
}

/**
 * Maps an OpenAI-style request body (as the OpenAI API and vLLM's server take
 * it) to {@link SamplingParams}: `temperature`, `top_p`, `top_k`, `min_p`,
 * `seed` (-1 or null = no seed), `logprobs` (a count, or `true` with
 * `top_logprobs` as the count; `false` = none), `logit_bias` (string token-id
 * keys, values clamped to [-100, 100] as OpenAI does), `presence_penalty`,
 * `frequency_penalty`, `repetition_penalty`, and vLLM's `min_tokens`,
 * `stop_token_ids`, `allowed_token_ids`. Absent or null fields keep the
 * sampler's defaults (temperature 1, everything else off). Unknown fields
 * (model, messages, max_tokens ...) are ignored.
 *
 * Errors: INVALID_ARGUMENT for a non-object request, a non-numeric field or a
 * `logit_bias` key that is not a token id; ranges are checked when the params
 * reach the sampler.
 *
 * @example
 * fromOpenAI({ temperature: 0.7, top_p: 0.9, seed: -1, logit_bias: { '50256': -200 } })
 * // { temperature: 0.7, topP: 0.9, logitBias: { 50256: -100 } }
 */
export function fromOpenAI(request: OpenAIRequestLike): SamplingParams {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw invalidArgument(`fromOpenAI: request must be an object, got ${describe(request)}`);
  }
  const r = request as Record<string, unknown>;
  const num = (key: string): number | undefined => {
    const v = r[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number') throw invalidArgument(`fromOpenAI: ${key} must be a number, got ${describe(v)}`);
    return v;
  };
  const out: SamplingParams = {};
  const set = <K extends keyof SamplingParams>(k: K, v: SamplingParams[K] | undefined): void => { if (v !== undefined) out[k] = v; };
  set('temperature', num('temperature'));
  set('topP', num('top_p'));
  set('topK', num('top_k'));
  set('minP', num('min_p'));
  set('presencePenalty', num('presence_penalty'));
  set('frequencyPenalty', num('frequency_penalty'));
  set('repetitionPenalty', num('repetition_penalty'));
  set('minTokens', num('min_tokens'));
  const seed = r['seed'];
  if (seed !== undefined && seed !== null && seed !== -1 && seed !== -1n) {
    if (typeof seed !== 'number' && typeof seed !== 'bigint') throw invalidArgument(`fromOpenAI: seed must be an integer, got ${describe(seed)}`);
    out.seed = seed;
  }
  const lp = r['logprobs'];
  if (typeof lp === 'number') out.logprobs = lp;
  else if (lp === true) out.logprobs = num('top_logprobs') ?? 0;
  else if (lp !== undefined && lp !== null && lp !== false) throw invalidArgument(`fromOpenAI: logprobs must be a number or a boolean, got ${describe(lp)}`);
  const bias = r['logit_bias'];
  if (bias !== undefined && bias !== null) {
    if (typeof bias !== 'object' || Array.isArray(bias)) throw invalidArgument(`fromOpenAI: logit_bias must be an object {"token id": bias}, got ${describe(bias)}`);
    const lb: Record<number, number> = {};
    for (const [key, v] of Object.entries(bias as Record<string, unknown>)) {
      if (!/^\d+$/.test(key.trim())) throw invalidArgument(`fromOpenAI: logit_bias key ${JSON.stringify(key)} is not a token id`);
      if (typeof v !== 'number' || Number.isNaN(v)) throw invalidArgument(`fromOpenAI: logit_bias[${JSON.stringify(key)}] must be a number, got ${describe(v)}`);
      lb[Number(key)] = Math.min(100, Math.max(-100, v));
    }
    out.logitBias = lb;
  }
  for (const [from, to] of [['stop_token_ids', 'stopTokenIds'], ['allowed_token_ids', 'allowedTokenIds']] as const) {
    const v = r[from];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v)) throw invalidArgument(`fromOpenAI: ${from} must be a list of token ids, got ${describe(v)}`);
    out[to] = v as number[];
  }
  return out;
}
