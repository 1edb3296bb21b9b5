// The doc-comment examples of src/reduce and src/indexing, run as written.
import { describe, expect, it } from 'vitest';
import { argmax, argmin, nanargmax, nanargmin, maxWithIndices, minWithIndices } from './index.js';
import { argwhere, flatnonzero, putAlongAxis, ravelMultiIndex, takeAlongAxis, unravelIndex } from '../indexing/index.js';
import { ndarray } from '../core/ndarray.js';
import { toNested } from '../core/toNested.js';
import { createRng } from '../random/createRng.js';

describe('doc examples', () => {
  it('argmax / argmin / nanargmax / nanargmin examples give the documented results', () => {
    expect(toNested(argmax([[1, 5, 5], [7, 2, 9]], { axis: -1 }))).toEqual([1, 2]);
    expect(argmax([[1, 5], [7, 2]])).toBe(2);
    expect(argmax([3, NaN, 9])).toBe(1);
    expect(toNested(argmin([[4, 1, 1], [0, 2, -3]], { axis: 1 }))).toEqual([1, 2]);
    expect(argmin([2, -0, 0, 1])).toBe(1);
    expect(nanargmax([NaN, 3, 7, NaN])).toBe(2);
    expect(nanargmax([NaN, -Infinity])).toBe(0);
    expect(toNested(nanargmax([[NaN, 1], [2, NaN]], { axis: 1 }))).toEqual([1, 0]);
    expect(nanargmin([NaN, 3, -7, NaN])).toBe(2);
    expect(nanargmin([NaN, Infinity])).toBe(0);
  });

  it('maxWithIndices / minWithIndices examples', () => {
    const mx = maxWithIndices([[1, 9, 3], [8, 2, 8]], { axis: 1 });
    expect([toNested(mx.values), toNested(mx.indices), mx.values.dtype, mx.indices.dtype]).toEqual([[9, 8], [1, 0], 'float64', 'int32']);
    const mn = minWithIndices([[1, 9, 3], [8, 2, 8]], { axis: 1 });
    expect([toNested(mn.values), toNested(mn.indices)]).toEqual([[1, 2], [0, 1]]);
  });

  it('index helper examples', () => {
    expect(unravelIndex(5, [2, 3])).toEqual([1, 2]);
    expect(unravelIndex(5, [2, 3], { order: 'F' })).toEqual([1, 2]);
    expect(ravelMultiIndex([1, 2], [2, 3])).toBe(5);
    expect(toNested(ravelMultiIndex([[0, 1], [2, 5]], [2, 3], { mode: 'clip' }) as never)).toEqual([2, 5]);
    expect(ravelMultiIndex([-1, 4], [2, 3], { mode: 'wrap' })).toBe(4);
    const x = [[10, 30, 20], [60, 40, 50]];
    const i = argmax(x, { axis: 1, keepdims: true });
    expect(toNested(i)).toEqual([[1], [0]]);
    expect(toNested(takeAlongAxis(x, i, { axis: 1 }))).toEqual([[30], [60]]);
    const q = ndarray([[1, 5, 2], [7, 3, 0]]);
    putAlongAxis(q, argmax(q, { axis: 1, keepdims: true }), 0, { axis: 1 });
    expect(toNested(q)).toEqual([[1, 0, 2], [0, 3, 0]]);
    expect(toNested(flatnonzero([[0, 3], [NaN, 0]]))).toEqual([1, 2]);
    expect(toNested(argwhere([[0, 3], [5, 0]]))).toEqual([[0, 1], [1, 0]]);
  });

  it('README quick start: per-row argmax, peak coordinates, nanargmax, masked argmax, keepdims + takeAlongAxis', () => {
    const logits = ndarray([[2.1, 0.3, 5.7], [1.0, 4.4, 4.4], [-1.0, 0.0, 3.2]]);
    expect(toNested(argmax(logits, { axis: -1 }))).toEqual([2, 1, 2]);
    const heat = ndarray([[0.1, 0.2, 0.1], [0.3, 0.9, 0.4]]);
    expect(unravelIndex(argmax(heat), heat.shape)).toEqual([1, 1]);
    expect([argmax([0.2, NaN, 0.7]), nanargmax([0.2, NaN, 0.7])]).toEqual([1, 2]);
    const q = [[1.5, 9.0, 0.2], [3.0, 2.0, 8.0]];
    const valid = [[true, false, true], [true, true, false]];
    expect(toNested(argmax(q, { axis: -1, where: valid }))).toEqual([0, 0]);
    const idx = argmax(logits, { axis: -1, keepdims: true });
    expect(idx.shape).toEqual([3, 1]);
    expect(toNested(takeAlongAxis(logits, idx, { axis: -1 }))).toEqual([[5.7], [4.4], [3.2]]);
  });

  it("argmax(x, {ties: 'random', rng: createRng(seed)}) is reproducible per seed", () => {
    const x = [[3, 3, 3, 1], [0, 5, 5, 5]];
    const a = toNested(argmax(x, { axis: 1, ties: 'random', rng: createRng(11) }));
    const b = toNested(argmax(x, { axis: 1, ties: 'random', rng: createRng(11) }));
    expect(a).toEqual(b);
    const seen = new Set<string>();
    for (let s = 0; s < 40; s++) seen.add(JSON.stringify(toNested(argmax(x, { axis: 1, ties: 'random', rng: createRng(s) }))));
    expect(seen.size).toBeGreaterThan(3);
  });
});
