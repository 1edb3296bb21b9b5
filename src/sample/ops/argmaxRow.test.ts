import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ndarray } from '../../core/ndarray.js';
import { transpose } from '../../core/views.js';
import { LogitkitError } from '../../errors/LogitkitError.js';
import { resetArgKernels, setArgKernelProvider } from '../../reduce/dispatch.js';
import { Sampler } from '../Sampler.js';
import { argmaxRow } from './argmaxRow.js';

/** The sampler's former private greedy loop (the semantics to keep): first index of the maximum, NaN never wins, -1 if nothing beats -Infinity. */
function oldArgmaxRow(x: ArrayLike<number>, o: number, st: number, V: number): number {
  let best = -1, m = -Infinity;
  for (let i = 0, p = o; i < V; i++, p += st) { const v = x[p]!; if (v > m) { m = v; best = i; } }
  return best;
}

const special = fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1, 1, 2.5);
const value = fc.oneof(fc.float({ min: -4, max: 4, noNaN: true }), special);

afterEach(() => resetArgKernels());

describe('argmaxRow(x, o, st, V, where) through the shared nanargmax kernel', () => {
  // lengths below and above the WASM crossovers (256 arena / 512 heap) and across an 8192-element chunk boundary
  const lengths = [1, 3, 63, 64, 255, 300, 511, 512, 1000, 8191, 8192, 8193, 20000];

  it('argmaxRow(row, ...) equals the old private loop on NaN / ±Infinity / tie rows, float32 and float64, WASM and JS kernels', () => {
    for (const provider of ['default', 'js'] as const) {
      if (provider === 'js') setArgKernelProvider(null); else resetArgKernels();
      fc.assert(fc.property(fc.constantFrom(...lengths), fc.array(fc.tuple(fc.nat(), value), { maxLength: 12 }), value, fc.boolean(), (V, plants, fillWith, f64) => {
        // a row of one repeated value with a few planted specials: ties, NaN runs, ±Inf anywhere (including across chunk edges)
        const x = f64 ? new Float64Array(V + 3) : new Float32Array(V + 3);
        x.fill(fillWith);
        for (const [pos, v] of plants) x[3 + (pos % V)] = v;
        const want = oldArgmaxRow(x, 3, 1, V);
        if (want < 0) expect(() => argmaxRow(x, 3, 1, V, 'row 0')).toThrowError(LogitkitError);
        else expect(argmaxRow(x, 3, 1, V, 'row 0')).toBe(want);
      }), { numRuns: 150 });
    }
  });

  it('argmaxRow(row, o, st, ...) with a stride other than 1 (a transposed batch) equals the old loop', () => {
    fc.assert(fc.property(fc.array(value, { minLength: 2, maxLength: 600 }), fc.integer({ min: 1, max: 3 }), (vals, B) => {
      const V = vals.length;
      const x = new Float32Array(V * B);
      for (let i = 0; i < V; i++) for (let b = 0; b < B; b++) x[i * B + b] = b === 0 ? vals[i]! : -1;
      const want = oldArgmaxRow(x, 0, B, V);
      if (want < 0) expect(() => argmaxRow(x, 0, B, V, 'row 0')).toThrowError(LogitkitError);
      else expect(argmaxRow(x, 0, B, V, 'row 0')).toBe(want);
    }), { numRuns: 150 });
  });

  it('argmaxRow(x) returns the first of tied maxima, treats -0 and +0 as equal, and lets +Infinity beat everything', () => {
    const V = 4096;
    const x = new Float32Array(V).fill(-3);
    x[100] = -0; x[50] = 0;
    expect(argmaxRow(x, 0, 1, V, 'row 0')).toBe(50);
    x[3000] = 7; x[4000] = 7; x[20] = NaN;
    expect(argmaxRow(x, 0, 1, V, 'row 0')).toBe(3000);
    x[4095] = Infinity; x[4094] = NaN;
    expect(argmaxRow(x, 0, 1, V, 'row 0')).toBe(4095);
  });

  it('argmaxRow(x) throws ALL_MASKED on rows of only -Infinity, only NaN, or both (long rows on the WASM path too)', () => {
    for (const V of [5, 5000]) {
      for (const fill of [[-Infinity], [NaN], [NaN, -Infinity], [-Infinity, NaN]]) {
        const x = new Float32Array(V);
        for (let i = 0; i < V; i++) x[i] = fill[i % fill.length]!;
        let err: unknown;
        try { argmaxRow(x, 0, 1, V, 'row 2'); } catch (e) { err = e; }
        expect(err).toBeInstanceOf(LogitkitError);
        expect((err as LogitkitError).code).toBe('ALL_MASKED');
        expect((err as Error).message).toContain('row 2');
      }
    }
  });
});

describe('Sampler.sample(logits, { temperature: 0 }) on batches through the shared kernel', () => {
  it('sample([B, V], greedy) picks the old loop\'s token per row for contiguous, transposed and float64 batches, input unchanged', () => {
    const B = 5, V = 3000;
    const data = new Float32Array(B * V);
    for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 12.9898) * 4;
    data[1 * V + 10] = NaN; data[1 * V + 11] = 9; data[1 * V + 2999] = 9;   // tie after a NaN: first wins
    data[2 * V + 2048] = Infinity;                                           // +Inf in a later chunk
    data[3 * V + 0] = 50; data[3 * V + 2999] = 50;                           // tie at both ends
    const copy = data.slice();
    const want = Array.from({ length: B }, (_, b) => oldArgmaxRow(data, b * V, 1, V));
    const s = new Sampler();
    expect(Array.from(s.sample(ndarray(data, { shape: [B, V] }), { temperature: 0 }).tokens)).toEqual(want);
    expect(Array.from(s.sample(ndarray(Float64Array.from(data), { shape: [B, V] }), { temperature: 0 }).tokens)).toEqual(want);
    // the same rows as a transposed view: the vocabulary axis has stride B
    const t = new Float32Array(B * V);
    for (let b = 0; b < B; b++) for (let i = 0; i < V; i++) t[i * B + b] = data[b * V + i]!;
    expect(Array.from(s.sample(transpose(ndarray(t, { shape: [V, B] }), [1, 0]), { temperature: 0 }).tokens)).toEqual(want);
    expect(data).toEqual(copy);
    expect(want).toEqual([want[0], 11, 2048, 0, want[4]]);
  });
});
