import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { routeTopK } from './routeTopK.js';
import { ndarray } from '../core/ndarray.js';
import { transpose } from '../core/views.js';
import { toNested } from '../core/toNested.js';
import { LogitkitError } from '../errors/LogitkitError.js';

function code(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return e instanceof LogitkitError ? e.code : `not a LogitkitError: ${String(e)}`; }
  return undefined;
}

const softmaxRow = (z: number[]): number[] => {
  const m = Math.max(...z), e = z.map((v) => Math.exp(v - m)), s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

describe('routeTopK', () => {
  it('routeTopK(gates [T, E], k) picks experts by descending gate, weights = softmax over the selected, load counts', () => {
    const r = routeTopK([[2, 1, 3, 0], [0, 0, 5, 5]], 2);
    expect(r.experts.dtype).toBe('int32');
    expect(toNested(r.experts)).toEqual([[2, 0], [2, 3]]);
    const w = toNested(r.weights) as number[][];
    const w0 = softmaxRow([3, 2]);
    expect(w[0]![0]).toBeCloseTo(w0[0]!, 14);
    expect(w[0]![1]).toBeCloseTo(w0[1]!, 14);
    expect(w[1]).toEqual([0.5, 0.5]);
    expect(r.load).toBeInstanceOf(Int32Array);
    expect(Array.from(r.load)).toEqual([1, 0, 2, 1]);
  });

  it('routeTopK(gates, k, {normalize: false}) gives the probabilities under the softmax over all experts', () => {
    const g = [[2, 1, 3, 0]];
    const r = routeTopK(g, 2, { normalize: false });
    const p = softmaxRow(g[0]!);
    const w = toNested(r.weights) as number[][];
    expect(w[0]![0]).toBeCloseTo(p[2]!, 14);
    expect(w[0]![1]).toBeCloseTo(p[0]!, 14);
  });

  it('routeTopK(tied gates) puts the lower expert index first', () => {
    expect(toNested(routeTopK([[1, 4, 4, 4]], 2).experts)).toEqual([[1, 2]]);
    expect(toNested(routeTopK([[0, 0, 0]], 3).experts)).toEqual([[0, 1, 2]]);
  });

  it('routeTopK(random gates, k) matches a naive stable sort and loads sum to T·k (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 6 }).chain((E) => fc.tuple(fc.integer({ min: 1, max: E }), fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: E, maxLength: E }), { minLength: 1, maxLength: 8 }))),
      ([k, gates]) => {
        const E = gates[0]!.length;
        const r = routeTopK(gates, k);
        const experts = toNested(r.experts) as number[][];
        const weights = toNested(r.weights) as number[][];
        gates.forEach((g, t) => {
          const order = g.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, k).map((x) => x[1]);
          expect(experts[t]).toEqual(order);
          const sw = softmaxRow(order.map((i) => g[i]!));
          weights[t]!.forEach((w, i) => expect(w).toBeCloseTo(sw[i]!, 12));
        });
        const load = new Array<number>(E).fill(0);
        experts.flat().forEach((e) => load[e]!++);
        expect(Array.from(r.load)).toEqual(load);
      }));
  });

  it('routeTopK(float32 gates) returns float32 weights; a transposed view equals its copy', () => {
    const g = ndarray(new Float32Array([0.5, 2, -1, 3, 0, 1]), { shape: [2, 3] });
    expect(routeTopK(g, 2).weights.dtype).toBe('float32');
    const t = transpose(ndarray([[0.5, 3], [2, 0], [-1, 1]]));
    expect(toNested(routeTopK(t, 2).experts)).toEqual([[1, 0], [0, 2]]);
  });

  it('routeTopK(1-D gates) routes one token', () => {
    const r = routeTopK([0.1, 0.7, 0.2], 1);
    expect(toNested(r.experts)).toEqual([1]);
    expect(toNested(r.weights)).toEqual([1]);
  });

  it('routeTopK(gates with -Infinity) gives disabled experts weight 0; all -Infinity is ALL_MASKED', () => {
    const r = routeTopK([[1, -Infinity, -Infinity]], 2);
    expect(toNested(r.experts)).toEqual([[0, 1]]);
    expect(toNested(r.weights)).toEqual([[1, 0]]);
    expect(code(() => routeTopK([[-Infinity, -Infinity]], 1))).toBe('ALL_MASKED');
  });

  it('routeTopK(NaN gate | k outside [1, E]) throws INVALID_ARGUMENT, input unchanged', () => {
    const g = [[NaN, 1, 2]];
    expect(code(() => routeTopK(g, 1))).toBe('INVALID_ARGUMENT');
    expect(g[0]![0]).toBeNaN();
    for (const k of [0, 4, 1.5, -1]) expect(code(() => routeTopK([[1, 2, 3]], k))).toBe('INVALID_ARGUMENT');
    expect(code(() => routeTopK([[1, 2]], 1, { normalize: 'yes' as never }))).toBe('INVALID_ARGUMENT');
  });
});
