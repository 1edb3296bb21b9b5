import { describe, expect, it } from 'vitest';
// the README snippets of issue 3, through the barrels the package root re-exports
import { ndarray, toNested } from '../core/index.js';
import { topk, argsort } from './index.js';
import { softmax, logsumexp, gumbelSoftmax } from '../prob/index.js';
import { createRng } from '../random/index.js';

describe('README snippets (selection, softmax, rng)', () => {
  it('top-5 with topk: NaN ranks first, ties go to the lower index', () => {
    const logits = ndarray(new Float32Array([0.1, 2.5, -1, 2.5, 0.7, NaN, 3, -Infinity, 1, 0, 0, 4, 2, 2, -3, 0.5]), { shape: [2, 8] });
    const { values, indices } = topk(logits, 5);
    expect(toNested(indices)).toEqual([[5, 6, 1, 3, 4], [3, 4, 5, 0, 7]]);
    expect(toNested(values)).toEqual([[NaN, 3, 2.5, 2.5, Math.fround(0.7)], [4, 2, 2, 1, 0.5]]);
    expect((toNested(argsort(logits, { descending: true })) as number[][]).map((r) => r.slice(0, 5))).toEqual(toNested(indices));
  });

  it('a stable softmax with temperature', () => {
    expect(toNested(softmax([1000, 1000]))).toEqual([0.5, 0.5]);
    const p = toNested(softmax([[2, 1, -Infinity]], { temperature: 0.5 })) as number[][];
    expect(p[0]![0]).toBeCloseTo(0.8807970779778823, 15);
    expect(p[0]![2]).toBe(0);
    expect((toNested(logsumexp([[2, 1, -Infinity]], { temperature: 0.5 })) as number[])[0]).toBeCloseTo(4.126928011042972, 14);
  });

  it('a seeded rng: the same numbers on every machine, one stream per row with fork', () => {
    const rng = createRng(42);
    expect(rng.uniform()).toBe(0.6129598801477738);
    expect(createRng(42).fork(3).uniform()).toBe(0.6900708467707957);
    expect(toNested(gumbelSoftmax([[2, 1, 0]], { temperature: 0.5, rng: createRng(7), hard: true }))).toEqual([[1, 0, 0]]);
  });
});
