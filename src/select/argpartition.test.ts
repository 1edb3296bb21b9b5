import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { argpartition } from './argpartition.js';
import { ndarray } from '../core/ndarray.js';
import { toNested } from '../core/toNested.js';
import { transpose } from '../core/views.js';
import { LogitkitError } from '../errors/LogitkitError.js';
import { compareAscNanLast, compareBigInt } from '../internal/order.js';

/** Checks NumPy's kth property on one lane: `idx` permutes 0..n-1 and each kth splits the sorted order. */
function checkKth(xs: ArrayLike<number>, idx: number[], kths: number[]): void {
  const n = xs.length;
  expect([...idx].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  const sorted = Array.from(xs).sort(compareAscNanLast);
  for (const k0 of kths) {
    const k = k0 < 0 ? k0 + n : k0;
    const pivot = xs[idx[k]!]!;
    expect(compareAscNanLast(pivot, sorted[k]!)).toBe(0);
    const before: number[] = [], after: number[] = [];
    for (let i = 0; i < k; i++) if (compareAscNanLast(xs[idx[i]!]!, pivot) > 0) before.push(i);
    for (let i = k + 1; i < n; i++) if (compareAscNanLast(xs[idx[i]!]!, pivot) < 0) after.push(i);
    expect(before, `positions before kth ${k} holding larger values`).toEqual([]);
    expect(after, `positions after kth ${k} holding smaller values`).toEqual([]);
  }
}

describe('argpartition', () => {
  it('argpartition([5, 1, 4, 2, 3], 2) puts the median at position 2', () => {
    const idx = toNested(argpartition([5, 1, 4, 2, 3], 2)) as number[];
    expect(idx[2]).toBe(4);
    checkKth([5, 1, 4, 2, 3], idx, [2]);
  });

  it('argpartition(x, -1) sorts NaN last, like NumPy', () => {
    const xs = [5, 1, NaN, 2];
    const idx = toNested(argpartition(xs, -1)) as number[];
    expect(idx[3]).toBe(2);
    checkKth(xs, idx, [-1]);
    checkKth(xs, toNested(argpartition(xs, [0, -1])) as number[], [0, -1]);
  });

  it('argpartition(x, [kth...]) satisfies every kth at once, along any axis of a strided view', () => {
    const base = ndarray(Float64Array.from({ length: 60 }, (_, i) => ((i * 37) % 11) - 5), { shape: [6, 10] });
    const t = transpose(base); // [10, 6]
    const out = toNested(argpartition(t, [1, -2, 3], { axis: 0 })) as number[][];
    const tn = toNested(t) as number[][];
    for (let c = 0; c < 6; c++) checkKth(tn.map((r) => r[c]!), out.map((r) => r[c]!), [1, -2, 3]);
    const rows = toNested(argpartition(base, 4)) as number[][];
    (toNested(base) as number[][]).forEach((r, i) => checkKth(r, rows[i]!, [4]));
  });

  it('argpartition on int64 beyond 2^53 compares exactly', () => {
    const big = BigInt64Array.from([2n ** 60n + 1n, 2n ** 60n, -5n, 2n ** 60n + 3n]);
    const idx = toNested(argpartition(big, 2)) as number[];
    const vals = idx.map((i) => big[i]!);
    expect(vals[2]).toBe(2n ** 60n + 1n);
    expect(compareBigInt(vals[0]!, vals[2]!) <= 0 && compareBigInt(vals[1]!, vals[2]!) <= 0).toBe(true);
  });

  it('argpartition rejects kth out of bounds with NumPy\'s message and leaves the input unchanged', () => {
    const x = new Float32Array([3, 1, 2]);
    for (const kth of [3, -4, 1.5, [0, 5], 'a']) {
      try { argpartition(x, kth as number); expect.unreachable(); } catch (e) {
        expect(e).toBeInstanceOf(LogitkitError);
        expect((e as LogitkitError).code).toBe('INVALID_ARGUMENT');
      }
    }
    expect(() => argpartition(x, 3)).toThrow('kth(=3) out of bounds (3)');
    expect(() => argpartition(x, 0, { axis: 1 })).toThrow('axis 1 is out of bounds for array of dimension 1');
    expect(Array.from(x)).toEqual([3, 1, 2]);
  });

  it('argpartition(x, kth) has the kth property for random rows with NaN, ties and signed zeros', () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double(), fc.constantFrom(NaN, -0, 0, Infinity, -Infinity));
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 200 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.boolean(), (xs, ks, f32) => {
      const n = xs.length;
      const kths = ks.map((k, i) => (i % 2 ? -(k % n) - 1 : k % n));
      const x = f32 ? Float32Array.from(xs) : Float64Array.from(xs);
      checkKth(x, Array.from(argpartition(x, kths).data as Int32Array), kths);
    }), { seed: 31, numRuns: 300 });
  });

  it('argpartition on long sorted, reversed and constant rows keeps the kth property', () => {
    const n = 10_000;
    for (const xs of [Float64Array.from({ length: n }, (_, i) => i), Float64Array.from({ length: n }, (_, i) => -i), new Float64Array(n).fill(2),
      Float64Array.from({ length: n }, (_, i) => (i % 2 ? i : n - i))]) {
      checkKth(xs, Array.from(argpartition(xs, [17, 5000, -3]).data as Int32Array), [17, 5000, -3]);
    }
  });
});
