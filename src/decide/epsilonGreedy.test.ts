import { describe, expect, it } from 'vitest';
import { epsilonGreedy } from './epsilonGreedy.js';
import { createRng } from '../random/createRng.js';
import { ndarray } from '../core/ndarray.js';
import { transpose } from '../core/views.js';
import { toNested } from '../core/toNested.js';
import type { NDArray } from '../core/StridedArray.js';
import { LogitkitError } from '../errors/LogitkitError.js';

function code(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return e instanceof LogitkitError ? e.code : `not a LogitkitError: ${String(e)}`; }
  return undefined;
}

describe('epsilonGreedy', () => {
  it('epsilonGreedy(q 1-D, {epsilon: 0}) returns the argmax as a number', () => {
    expect(epsilonGreedy([0.1, 0.9, 0.3], { epsilon: 0, rng: createRng(1) })).toBe(1);
  });

  it('epsilonGreedy(q, {epsilon: 0, mask}) returns the masked argmax', () => {
    expect(epsilonGreedy([0.1, 0.9, 0.3], { epsilon: 0, rng: createRng(1), mask: [true, false, true] })).toBe(2);
    expect(epsilonGreedy([0.1, 0.9, 0.3], { epsilon: 0, rng: createRng(1), mask: new Uint8Array([1, 0, 0]) })).toBe(0);
  });

  it('epsilonGreedy(q, {epsilon: 0}) breaks ties toward the lower index', () => {
    expect(epsilonGreedy([2, 5, 5, 1], { epsilon: 0, rng: createRng(3) })).toBe(1);
  });

  it('epsilonGreedy(q 2-D, {axis}) returns int32 per row, along any axis, same on a transposed view', () => {
    const q = [[1, 2, 0], [3, 0, 9]];
    const r = epsilonGreedy(q, { epsilon: 0, rng: createRng(0) }) as NDArray;
    expect(r.dtype).toBe('int32');
    expect(toNested(r)).toEqual([1, 2]);
    expect(toNested(epsilonGreedy(q, { epsilon: 0, rng: createRng(0), axis: 0 }) as NDArray)).toEqual([1, 0, 1]);
    const t = transpose(ndarray(q));
    expect(toNested(epsilonGreedy(t, { epsilon: 0, rng: createRng(0), axis: 0 }) as NDArray)).toEqual([1, 2]);
  });

  it('epsilonGreedy(q, {epsilon: 1, mask}) is uniform over the allowed actions only', () => {
    const rng = createRng(42);
    const counts = [0, 0, 0, 0];
    const n = 8000;
    for (let i = 0; i < n; i++) counts[epsilonGreedy([5, 1, 2, 3], { epsilon: 1, rng, mask: [true, true, false, true] }) as number]!++;
    expect(counts[2]).toBe(0);
    for (const c of [counts[0]!, counts[1]!, counts[3]!]) expect(Math.abs(c / n - 1 / 3)).toBeLessThan(4 * Math.sqrt((1 / 3) * (2 / 3) / n));
  });

  it('epsilonGreedy(q, {epsilon: 0.3}) picks the greedy action with probability 1 - eps + eps / A', () => {
    const rng = createRng(9);
    const q = ndarray(new Float64Array(4 * 5000).map((_, i) => (i % 4 === 2 ? 1 : 0)), { shape: [5000, 4] });
    const r = toNested(epsilonGreedy(q, { epsilon: 0.3, rng }) as NDArray) as number[];
    const greedy = r.filter((a) => a === 2).length / r.length;
    const p = 0.7 + 0.3 / 4;
    expect(Math.abs(greedy - p)).toBeLessThan(4 * Math.sqrt(p * (1 - p) / r.length));
  });

  it('epsilonGreedy(q, {rng: createRng(seed)}) is reproducible for a seed', () => {
    const q = ndarray(new Float64Array(300).map((_, i) => Math.sin(i)), { shape: [30, 10] });
    const a = toNested(epsilonGreedy(q, { epsilon: 0.5, rng: createRng(77) }) as NDArray);
    const b = toNested(epsilonGreedy(q, { epsilon: 0.5, rng: createRng(77) }) as NDArray);
    expect(a).toEqual(b);
  });

  it('epsilonGreedy(q, {mask all false in a row}) throws ALL_MASKED and does not advance the rng', () => {
    const rng = createRng(5), ref = createRng(5);
    expect(code(() => epsilonGreedy([[1, 2], [3, 4]], { epsilon: 0.5, rng, mask: [[true, false], [false, false]] }))).toBe('ALL_MASKED');
    expect(rng.uniform()).toBe(ref.uniform());
  });

  it('epsilonGreedy(q, {epsilon outside [0, 1] or NaN}) throws INVALID_ARGUMENT, input unchanged', () => {
    const q = [1, 2, 3];
    for (const epsilon of [-0.1, 1.5, NaN]) expect(code(() => epsilonGreedy(q, { epsilon, rng: createRng(1) }))).toBe('INVALID_ARGUMENT');
    expect(code(() => epsilonGreedy(q, { epsilon: 0.1 } as never))).toBe('INVALID_ARGUMENT');
    expect(q).toEqual([1, 2, 3]);
  });

  it('epsilonGreedy(q, {mask of the wrong shape}) throws SHAPE_MISMATCH', () => {
    expect(code(() => epsilonGreedy([1, 2, 3], { epsilon: 0, rng: createRng(1), mask: [true, false] }))).toBe('SHAPE_MISMATCH');
  });

  it('epsilonGreedy(q with a broadcast mask row) applies it to every row', () => {
    const r = epsilonGreedy([[9, 1, 2], [8, 7, 0]], { epsilon: 0, rng: createRng(1), mask: [false, true, true] }) as NDArray;
    expect(toNested(r)).toEqual([2, 1]);
  });
});
