import type { ArrayInput } from '../core/ndarray.js';

/**
 * Per-request sampling parameters (API.md §7), named as in vLLM's
 * `SamplingParams` (camelCase). Every field is optional; the defaults switch
 * the corresponding step off.
 */
export interface SamplingParams {
  /** Default 1; 0 = greedy; any finite value > 0 samples at exactly that temperature. */
  temperature?: number;
  /** Default 0 = off (-1 also off); an integer; k >= vocab size is off too. */
  topK?: number;
  /** Default 1 = off; in (0, 1]. */
  topP?: number;
  /** Default 0 = off; in [0, 1]. */
  minP?: number;
  /** Per-request generator: an integer >= 0 (0 is a seed) or a bigint < 2^64. */
  seed?: number | bigint;
  /** Return this many top logprobs (plus the sampled token's); an integer in [0, V]. */
  logprobs?: number;
  /** In [-2, 2], default 0: `l -= p * (count in output > 0)`. */
  presencePenalty?: number;
  /** In [-2, 2], default 0: `l -= f * count in output`. */
  frequencyPenalty?: number;
  /** Finite and > 0, default 1: tokens seen in the prompt or output get `l > 0 ? l / r : l * r`. */
  repetitionPenalty?: number;
  /** Token id -> value added to its logit (-Infinity bans the token; -inf stays -inf). */
  logitBias?: Record<number, number>;
  /** When given (non-empty), every other token is masked. */
  allowedTokenIds?: number[];
  /** Always masked. */
  badTokenIds?: number[];
  /** Token sequences: the last id is masked when the output ends with the rest (a one-token word is always masked). */
  badWords?: number[][];
  /** An integer >= 0: `stopTokenIds` are masked while the output has fewer tokens. */
  minTokens?: number;
  /** Masked while fewer than `minTokens` outputs exist (put EOS here). */
  stopTokenIds?: number[];
}

/** One row of a batch: its parameters and its token history. */
export interface SampleRequest {
  params: SamplingParams;
  /** Prompt tokens (they count for the repetition penalty only). */
  promptTokenIds?: ArrayInput;
  /** Tokens generated so far: penalties, minTokens, badWords, and the step of the seeded stream (its length). */
  outputTokenIds?: ArrayInput;
}

/** Which array the returned logprobs are read from (vLLM's `logprobs_mode`). */
export type LogprobsMode = 'raw_logprobs' | 'raw_logits' | 'processed_logprobs' | 'processed_logits';

/** Options of {@link Sampler} and {@link sample}. */
export interface SamplerOptions {
  /** Default 'raw_logprobs' (vLLM's default). */
  logprobsMode?: LogprobsMode;
}

/** What {@link Sampler.sample} returns. */
export interface SamplerOutput {
  /** One sampled token id per row, [B]. */
  tokens: Int32Array;
  /**
   * Present when some request asked for logprobs. `tokenIds` and `logprobs`
   * are [B, n + 1] flattened row-major: column 0 is the sampled token, then
   * the top n tokens in descending order (ties: lower id first). `ranks[b]`
   * counts the tokens whose value is >= the sampled token's (1 = best).
   */
  logprobs?: { tokenIds: Int32Array; logprobs: Float32Array; ranks: Int32Array; n: number };
}
