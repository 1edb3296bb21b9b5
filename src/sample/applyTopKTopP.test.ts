import { describe, expect, it } from 'vitest';
import { ndarray } from '../core/ndarray.js';
import { applyTopKTopP } from './applyTopKTopP.js';
import { applyMinP } from './applyMinP.js';
import { applyPenalties } from './applyPenalties.js';
import { kthLargest, quickselect } from './ops/kthLargest.js';
import { createRng } from '../random/createRng.js';

const row = (vals: number[]) => ndarray(Float32Array.from(vals), { shape: [1, vals.length] });

describe('applyTopKTopP(logits, k, p)', () => {
  it('applyTopKTopP(x, 2, null) keeps every tie of the 2nd largest and returns x', () => {
    const x = row([1, 4, 3, 3, 0]);
    expect(applyTopKTopP(x, 2, null)).toBe(x);
    expect(Array.from(x.data as Float32Array)).toEqual([-Infinity, 4, 3, 3, -Infinity]);
  });
  it('k of 0, -1 or >= V and p of 1 are off; fewer than k finite keeps all finite', () => {
    for (const k of [0, -1, 5, 9]) {
      const x = row([1, 2, 3, 4, 5]);
      applyTopKTopP(x, k, 1);
      expect(Array.from(x.data as Float32Array)).toEqual([1, 2, 3, 4, 5]);
    }
    const y = row([-Infinity, 2, -Infinity, 1]);
    applyTopKTopP(y, 3, null);
    expect(Array.from(y.data as Float32Array)).toEqual([-Infinity, 2, -Infinity, 1]);
  });
  it('applyTopKTopP(x, null, p) keeps the most likely token even for tiny p', () => {
    const x = row([0, 0.5, 0.2]);
    applyTopKTopP(x, null, 1e-9);
    expect(Array.from(x.data as Float32Array)).toEqual([-Infinity, 0.5, -Infinity]);
  });
  it('per-row arrays, strided views, and equal ties at the top-p boundary drop the lower ids first', () => {
    const data = Float32Array.from([0, 0, 0, 0, 5, 1, 2, 3]);
    const x = ndarray(data, { shape: [2, 4] });
    applyTopKTopP(x, [0, 2], [0.5, 1]);
    expect(Array.from(data)).toEqual([-Infinity, -Infinity, 0, 0, 5, -Infinity, -Infinity, 3]);
    const t = Float32Array.from([1, 10, 2, 20, 3, 30]); // columns of a [2, 3] transposed view
    const v = ndarray(t, { shape: [2, 3], strides: [1, 2], offset: 0 });
    applyTopKTopP(v, 1, null);
    expect(Array.from(t)).toEqual([-Infinity, -Infinity, -Infinity, -Infinity, 3, 30]);
  });
  it('errors: DTYPE for float64, INVALID_ARGUMENT for k -3 / p 1.5, SHAPE_MISMATCH for per-row length; nothing written', () => {
    const x = row([1, 2, 3]);
    const before = Array.from(x.data as Float32Array);
    expect(() => applyTopKTopP(ndarray([[1, 2]]), 1, null)).toThrow(expect.objectContaining({ code: 'DTYPE' }));
    expect(() => applyTopKTopP(x, -3, null)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => applyTopKTopP(x, 1, 1.5)).toThrow(/p must be in \(0, 1\], got 1.5/);
    expect(() => applyTopKTopP(x, [1, 2], null)).toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH' }));
    expect(() => applyTopKTopP(x, 1, [0.5, NaN] as never)).toThrow();
    expect(Array.from(x.data as Float32Array)).toEqual(before);
  });
});

describe('applyMinP(logits, minP) and applyPenalties(logits, requests)', () => {
  it('applyMinP(x, 1) keeps only the maximum and its ties', () => {
    const x = row([3, 1, 3, 2.9]);
    applyMinP(x, 1);
    expect(Array.from(x.data as Float32Array)).toEqual([3, -Infinity, 3, -Infinity]);
  });
  it('applyMinP rejects minP 2 (INVALID_ARGUMENT) without writing', () => {
    const x = row([3, 1]);
    expect(() => applyMinP(x, 2)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(Array.from(x.data as Float32Array)).toEqual([3, 1]);
  });
  it('applyPenalties: repetition divides positives and multiplies negatives; prompt counts only for repetition', () => {
    const x = row([2, -2, 1, 1]);
    applyPenalties(x, [{ params: { repetitionPenalty: 2, frequencyPenalty: 0.5, presencePenalty: 0.25 }, promptTokenIds: [0, 1], outputTokenIds: [2, 2] }]);
    expect(Array.from(x.data as Float32Array)).toEqual([1, -4, 0.5 - 1 - 0.25, 1]);
  });
  it('applyPenalties validates before writing (a token id >= V)', () => {
    const x = row([2, -2]);
    expect(() => applyPenalties(x, [{ params: { repetitionPenalty: 2 }, promptTokenIds: [5] }])).toThrow(/promptTokenIds\[0\] of request 0/);
    expect(Array.from(x.data as Float32Array)).toEqual([2, -2]);
  });
});

describe('selection kernels', () => {
  it('kthLargest(x, V, k) equals the sorted k-th largest for heap and quickselect paths', () => {
    const rng = createRng(3);
    for (const V of [1, 2, 7, 100, 5000]) {
      const x = Float32Array.from({ length: V }, () => Math.floor(rng.uniform() * 50) / 4);
      const sorted = Array.from(x).sort((a, b) => b - a);
      for (const k of [1, 2, Math.ceil(V / 2), V, 2049, 3000].filter((k) => k <= V)) {
        expect(kthLargest(x, V, k, new Float32Array(V))).toBe(sorted[k - 1]);
      }
      const c = x.slice();
      expect(quickselect(c, V, 0)).toBe(sorted[V - 1]);
    }
  });
});
