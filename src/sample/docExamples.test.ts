// The doc-comment examples of src/sample, executed.
import { describe, expect, it } from 'vitest';
import { ndarray } from '../core/ndarray.js';
import { applyMinP } from './applyMinP.js';
import { applyPenalties } from './applyPenalties.js';
import { applyTopKTopP } from './applyTopKTopP.js';
import { fromGenerationConfig } from './fromGenerationConfig.js';
import { fromOpenAI } from './fromOpenAI.js';
import { Sampler, sample } from './Sampler.js';

describe('doc examples of src/sample run as written', () => {
  it('Sampler: a greedy row and a seeded top-k/top-p row', () => {
    const sampler = new Sampler();
    const logits = new Float32Array([0, 5, 1, 9, 2, 1]);
    const { tokens } = sampler.sample({ data: logits, dims: [2, 3] }, [
      { params: { temperature: 0 } },
      { params: { temperature: 0.7, topK: 2, topP: 0.9, seed: 42 }, outputTokenIds: [2] },
    ]);
    expect(tokens[0]).toBe(1);
    expect([0, 1]).toContain(tokens[1]);
  });
  it('sample: greedy and seeded', () => {
    expect(Array.from(sample([[1, 3, 2]], { temperature: 0 }).tokens)).toEqual([1]);
    const t = sample([[1, 3, 2]], { topK: 2, seed: 0 }).tokens[0];
    expect([1, 2]).toContain(t);
    expect(sample([[1, 3, 2]], { topK: 2, seed: 0 }).tokens[0]).toBe(t);
  });
  it('applyTopKTopP, applyMinP, applyPenalties', () => {
    const x = ndarray(new Float32Array([1, 4, 2, 3]), { shape: [1, 4] });
    applyTopKTopP(x, 2, null);
    expect(Array.from(x.data as Float32Array)).toEqual([-Infinity, 4, -Infinity, 3]);
    const y = ndarray(new Float32Array([0, Math.log(0.5), Math.log(0.01)]), { shape: [1, 3] });
    applyMinP(y, 0.1);
    expect((y.data as Float32Array)[2]).toBe(-Infinity);
    expect((y.data as Float32Array)[1]).toBeCloseTo(-0.693, 3);
    const z = ndarray(new Float32Array([2, -2, 1]), { shape: [1, 3] });
    applyPenalties(z, [{ params: { repetitionPenalty: 2 }, promptTokenIds: [0, 1] }]);
    expect(Array.from(z.data as Float32Array)).toEqual([1, -4, 1]);
  });
  it('fromGenerationConfig and fromOpenAI', () => {
    expect(fromGenerationConfig({})).toEqual({ temperature: 0 });
    expect(fromGenerationConfig({ do_sample: true, top_p: 0.9 })).toEqual({ temperature: 1, topK: 50, topP: 0.9 });
    expect(fromOpenAI({ temperature: 0.7, top_p: 0.9, seed: -1, logit_bias: { '50256': -200 } })).toEqual({ temperature: 0.7, topP: 0.9, logitBias: { 50256: -100 } });
  });

  it('README: batched sampling with per-request params and seeds; greedy', () => {
    const sampler = new Sampler();
    const B = 2, V = 8;
    const logits = { data: Float32Array.from({ length: B * V }, (_, i) => Math.sin(i) * 4), dims: [B, V] };
    const { tokens, logprobs } = sampler.sample(logits, [
      { params: { temperature: 0 } },
      { params: { temperature: 0.8, topK: 50, topP: 0.9, minP: 0.05, seed: 42, logprobs: 3, repetitionPenalty: 1.1 },
        promptTokenIds: [1, 2, 3], outputTokenIds: [5] },
    ]);
    const row0 = Array.from(logits.data.subarray(0, V));
    expect(tokens[0]).toBe(row0.indexOf(Math.max(...row0)));
    expect(logprobs!.n).toBe(3);
    expect(logprobs!.tokenIds.length).toBe(B * 4);
    expect(logprobs!.tokenIds[4]).toBe(tokens[1]);
    const again = new Sampler().sample({ data: logits.data.slice(V), dims: [1, V] }, [
      { params: { temperature: 0.8, topK: 50, topP: 0.9, minP: 0.05, seed: 42, repetitionPenalty: 1.1 }, promptTokenIds: [1, 2, 3], outputTokenIds: [5] },
    ]);
    expect(again.tokens[0]).toBe(tokens[1]);
    expect(sampler.sample(logits, fromOpenAI({ temperature: 0.7, top_p: 0.95, seed: 7 })).tokens.length).toBe(2);
  });
});
