import { describe, expect, it } from 'vitest';
import { fromGenerationConfig } from './fromGenerationConfig.js';
import { fromOpenAI } from './fromOpenAI.js';
import { sample } from './Sampler.js';

describe('fromGenerationConfig(config)', () => {
  it('fromGenerationConfig({}) is greedy: do_sample defaults to false', () => {
    expect(fromGenerationConfig({})).toEqual({ temperature: 0 });
    expect(fromGenerationConfig({ do_sample: false, temperature: 0.7, top_k: 5 })).toEqual({ temperature: 0 });
  });
  it('fromGenerationConfig({do_sample: true}) uses HF\'s top_k default of 50', () => {
    expect(fromGenerationConfig({ do_sample: true })).toEqual({ temperature: 1, topK: 50 });
    expect(fromGenerationConfig({ do_sample: true, top_k: 0, top_p: 0.9, temperature: 0.6, min_p: 0.05 })).toEqual({ temperature: 0.6, topK: 0, topP: 0.9, minP: 0.05 });
  });
  it('maps repetition_penalty, bad_words_ids, suppress_tokens, min_new_tokens + eos_token_id, seed (-1 = none)', () => {
    expect(fromGenerationConfig({ repetition_penalty: 1.2, bad_words_ids: [[1, 2]], suppress_tokens: [7], min_new_tokens: 3, eos_token_id: 2, seed: -1 }))
      .toEqual({ temperature: 0, repetitionPenalty: 1.2, badWords: [[1, 2]], badTokenIds: [7], minTokens: 3, stopTokenIds: [2] });
    expect(fromGenerationConfig({ do_sample: true, seed: 0 }).seed).toBe(0);
  });
  it('rejects a non-object, do_sample not boolean, temperature 0 when sampling (INVALID_ARGUMENT)', () => {
    for (const c of [null, 3, { do_sample: 'yes' }, { do_sample: true, temperature: 0 }, { do_sample: true, top_k: '5' }]) {
      expect(() => fromGenerationConfig(c as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });
});

describe('fromOpenAI(request)', () => {
  it('maps the OpenAI / vLLM names and clamps logit_bias to [-100, 100]', () => {
    expect(fromOpenAI({ temperature: 0.7, top_p: 0.9, top_k: 40, min_p: 0.1, seed: 7, presence_penalty: 0.5, frequency_penalty: -0.5, repetition_penalty: 1.1, logit_bias: { '50': -200, '3': 5, '9': 300 } }))
      .toEqual({ temperature: 0.7, topP: 0.9, topK: 40, minP: 0.1, seed: 7, presencePenalty: 0.5, frequencyPenalty: -0.5, repetitionPenalty: 1.1, logitBias: { 50: -100, 3: 5, 9: 100 } });
  });
  it('seed -1 and null mean no seed; seed 0 is a seed', () => {
    expect(fromOpenAI({ seed: -1 })).toEqual({});
    expect(fromOpenAI({ seed: null })).toEqual({});
    expect(fromOpenAI({ seed: 0 })).toEqual({ seed: 0 });
  });
  it('logprobs: a count (completions) or true + top_logprobs (chat)', () => {
    expect(fromOpenAI({ logprobs: 3 })).toEqual({ logprobs: 3 });
    expect(fromOpenAI({ logprobs: true, top_logprobs: 5 })).toEqual({ logprobs: 5 });
    expect(fromOpenAI({ logprobs: true })).toEqual({ logprobs: 0 });
    expect(fromOpenAI({ logprobs: false, top_logprobs: 5 })).toEqual({});
  });
  it('vLLM extras: min_tokens, stop_token_ids, allowed_token_ids; unknown fields ignored', () => {
    expect(fromOpenAI({ model: 'x', max_tokens: 9, min_tokens: 2, stop_token_ids: [0], allowed_token_ids: [1, 2] }))
      .toEqual({ minTokens: 2, stopTokenIds: [0], allowedTokenIds: [1, 2] });
  });
  it('rejects a non-token logit_bias key and non-numeric fields (INVALID_ARGUMENT)', () => {
    for (const r of [null, { logit_bias: { abc: 1 } }, { logit_bias: { 1: 'x' } }, { temperature: '1' }, { logprobs: 'yes' }]) {
      expect(() => fromOpenAI(r as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });
  it('feeds the sampler directly: a -100 bias bans the top token under greedy decoding', () => {
    const x = { data: Float32Array.from([5, 4, 3]), dims: [1, 3] };
    expect(sample(x, fromOpenAI({ temperature: 0, logit_bias: { '0': -1000 } })).tokens[0]).toBe(1);
  });
});
