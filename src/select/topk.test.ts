import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { topk } from './topk.js';
import { argsort } from './argsort.js';
import { ndarray } from '../core/ndarray.js';
import { toNested } from '../core/toNested.js';
import { flip, transpose } from '../core/views.js';
import { encodeFloat16 } from '../core/float16.js';
import { LogitkitError } from '../errors/LogitkitError.js';
import type { NDArray } from '../core/StridedArray.js';
import { compareTopkLargest, compareTopkSmallest } from '../internal/order.js';

type Enc = number | string | Enc[];
const num = (v: Enc): number => (v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : (v as number));
const flat = (v: Enc): number[] => (Array.isArray(v) ? v.flatMap(flat) : [num(v)]);

interface TopkCase {
  name: string; dtype: 'float32' | 'float64'; shape: number[]; x: Enc; k: number; axis: number; largest: boolean;
  values: Enc; indices: Enc | null;
}
const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/select.json', import.meta.url), 'utf8')) as { topk: TopkCase[] };
const ints = (a: NDArray): number[] => Array.from(a.data as Int32Array);
const nums = (a: NDArray): number[] => Array.from(a.data as Float64Array);

/** First k of a stable argsort (descending for largest), per lane, gathered as topk would lay it out. */
function reference(x: NDArray, k: number, axis: number, largest: boolean): number[] {
  const order = toNested(argsort(x, { axis, descending: largest })) as unknown;
  const ax = axis < 0 ? axis + x.ndim : axis;
  if (x.ndim === 1) return (order as number[]).slice(0, k);
  if (x.ndim === 2 && ax === 1) return (order as number[][]).flatMap((r) => r.slice(0, k));
  if (x.ndim === 2 && ax === 0) {
    const o = order as number[][];
    return o.slice(0, k).flat();
  }
  throw new Error('reference: unsupported rank');
}

describe('topk vs torch.topk (test/fixtures/select.json)', () => {
  for (const c of fixture.topk) {
    it(`topk(${c.name}, ${c.k}, {axis: ${c.axis}, largest: ${c.largest}}) values equal torch.topk's`, () => {
      const ctor = c.dtype === 'float32' ? Float32Array : Float64Array;
      const x = ndarray(ctor.from(flat(c.x)), { shape: c.shape });
      const { values, indices } = topk(x, c.k, { axis: c.axis, largest: c.largest });
      const shape = c.shape.slice();
      shape[c.axis < 0 ? c.axis + shape.length : c.axis] = c.k;
      expect(values.shape).toEqual(shape);
      expect(values.dtype).toBe(c.dtype);
      expect(indices.dtype).toBe('int32');
      expect(nums(values)).toEqual(flat(c.values));
      if (c.indices !== null) expect(ints(indices)).toEqual(flat(c.indices));
      // whatever torch does among ties, ours is the first k of the stable order
      expect(ints(indices)).toEqual(reference(x, c.k, c.axis, c.largest));
    });
  }
});

describe('topk semantics', () => {
  it('topk([[0.1, 2, NaN, 2, -1]], 3) ranks NaN above everything and takes tied values lower index first', () => {
    const { values, indices } = topk([[0.1, 2, NaN, 2, -1]], 3);
    expect(toNested(values)).toEqual([[NaN, 2, 2]]);
    expect(toNested(indices)).toEqual([[2, 1, 3]]);
    expect(toNested(topk([0.1, 2, NaN, 2, -1], 5, { largest: false }).indices)).toEqual([4, 0, 1, 3, 2]);
  });

  it('topk(x, 0) and topk(x, n) work; k outside [0, n] throws INVALID_ARGUMENT', () => {
    const x = new Float32Array([3, 1, 2]);
    expect(topk(x, 0).values.shape).toEqual([0]);
    expect(toNested(topk(x, 3).indices)).toEqual([0, 2, 1]);
    for (const k of [-1, 4, 1.5, NaN, '2']) {
      try { topk(x, k as number); expect.unreachable(); } catch (e) {
        expect(e).toBeInstanceOf(LogitkitError);
        expect((e as LogitkitError).code).toBe('INVALID_ARGUMENT');
        expect((e as Error).message).toContain('k must be an integer in [0, 3]');
      }
    }
    expect(Array.from(x)).toEqual([3, 1, 2]);
  });

  it('topk(x, k, {sorted: false}) returns the same entries in ascending index order', () => {
    const x = [5, 9, 1, 9, 7, 3];
    expect(toNested(topk(x, 3, { sorted: false }).indices)).toEqual([1, 3, 4]);
    expect(toNested(topk(x, 3, { sorted: false }).values)).toEqual([9, 9, 7]);
  });

  it('topk keeps the dtype: float16 bits, int64 BigInts beyond 2^53, bool', () => {
    const bits = Uint16Array.from([1, 3, NaN, 2].map(encodeFloat16));
    const h = topk(ndarray(bits, { dtype: 'float16' }), 2);
    expect(h.values.dtype).toBe('float16');
    expect(Array.from(h.values.data as Uint16Array)).toEqual([bits[2], bits[1]]);
    const big = BigInt64Array.from([2n ** 60n + 1n, 2n ** 60n, -(2n ** 62n), 2n ** 60n + 1n]);
    const b = topk(big, 3);
    expect(toNested(b.values)).toEqual([2n ** 60n + 1n, 2n ** 60n + 1n, 2n ** 60n]);
    expect(toNested(b.indices)).toEqual([0, 3, 1]);
    expect(toNested(topk(big, 2, { largest: false, sorted: false }).indices)).toEqual([1, 2]);
    expect(toNested(topk(BigInt64Array.from([5n, -2n, 7n]), 1).indices)).toEqual([2]);
    expect(toNested(topk([true, false, true], 2).indices)).toEqual([0, 2]);
  });

  it('topk on transposed and negative-stride views equals topk of the contiguous copy, along every axis', () => {
    const base = ndarray(Float32Array.from({ length: 30 }, (_, i) => ((i * 13) % 7) - 3), { shape: [5, 6] });
    for (const v of [transpose(base), flip(base, 1), flip(base, 0)]) {
      const copy = ndarray(toNested(v) as number[][], { dtype: 'float32' });
      for (const axis of [0, 1, -1]) {
        const k = Math.min(v.shape[axis < 0 ? 1 : axis]!, 3);
        for (const largest of [true, false]) {
          const a = topk(v, k, { axis, largest }), b = topk(copy, k, { axis, largest });
          expect(toNested(a.indices)).toEqual(toNested(b.indices));
          expect(toNested(a.values)).toEqual(toNested(b.values));
        }
      }
    }
  });

  it('topk of a 0-d input with k = 1 gives 0-d results; axis names are kept', () => {
    const r = topk(4, 1);
    expect(r.values.shape).toEqual([]);
    expect(toNested(r.values)).toBe(4);
    expect(toNested(r.indices)).toBe(0);
    const named = ndarray(new Float64Array([1, 2, 3, 4]), { shape: [2, 2], names: ['b', 'v'] });
    const t = topk(named, 1, { axis: 'v' });
    expect(t.values.names).toEqual(['b', 'v']);
    expect(toNested(t.indices)).toEqual([[1], [1]]);
  });

  it('topk with NaN present has a total order (tfjs regression): any permutation gives the same values', () => {
    const xs = [NaN, 1, Infinity, -Infinity, NaN, 0, -0, 1, 2, NaN];
    const expected = topk(xs, 6).values;
    expect(toNested(expected)).toEqual([NaN, NaN, NaN, Infinity, 2, 1]);
    let seed = 7;
    for (let trial = 0; trial < 50; trial++) {
      const p = xs.slice();
      for (let i = p.length - 1; i > 0; i--) { seed = (seed * 1103515245 + 12345) >>> 0; const j = seed % (i + 1); [p[i], p[j]] = [p[j]!, p[i]!]; }
      expect(toNested(topk(p, 6).values)).toEqual(toNested(expected));
      // -0 and +0 are equal, so either may come first after a shuffle
      expect((toNested(topk(p, 4, { largest: false }).values) as number[]).map((v) => v + 0)).toEqual([-Infinity, 0, 0, 1]);
    }
  });

  it('topk rejects bad options with LogitkitError codes', () => {
    const code = (f: () => unknown) => { try { f(); } catch (e) { return (e as LogitkitError).code; } return 'none'; };
    expect(code(() => topk([1, 2], 1, { axis: 1 }))).toBe('AXIS_OUT_OF_BOUNDS');
    expect(code(() => topk([1, 2], 1, { largest: 0 as unknown as boolean }))).toBe('INVALID_ARGUMENT');
    expect(code(() => topk([1, 2], 1, { sorted: 'no' as unknown as boolean }))).toBe('INVALID_ARGUMENT');
    expect(code(() => topk('abc' as unknown as number[], 1))).toBe('INVALID_ARGUMENT');
  });
});

describe('topk properties', () => {
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: -5, max: 5 }) },
    { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0) },
  );
  it('topk(x, k) equals the first k of a stable descending argsort (ascending for largest: false)', () => {
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 120 }), fc.nat(), fc.boolean(), fc.boolean(), (xs, kr, largest, f32) => {
      const k = kr % (xs.length + 1);
      const x = f32 ? Float32Array.from(xs) : Float64Array.from(xs);
      const ref = Array.from(argsort(x, { descending: largest }).data as Int32Array).slice(0, k);
      const { values, indices } = topk(x, k, { largest });
      expect(ints(indices)).toEqual(ref);
      expect(nums(values)).toEqual(ref.map((i) => x[i]!));
    }), { seed: 21, numRuns: 400 });
  });

  it('topk(x, k) lists the first k entries of the named orders compareTopkLargest / compareTopkSmallest', () => {
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.nat(), fc.boolean(), (xs, kr, largest) => {
      const k = kr % (xs.length + 1);
      const cmp = largest ? compareTopkLargest : compareTopkSmallest;
      const ref = xs.map((_, i) => i).sort((i, j) => cmp(xs[i]!, i, xs[j]!, j)).slice(0, k);
      expect(ints(topk(xs, k, { largest }).indices)).toEqual(ref);
    }), { seed: 22, numRuns: 300 });
  });

  it('topk on long rows (heap path, and its fallback on sorted rows) equals the argsort reference', () => {
    const n = 20_000;
    let seed = 99;
    const rnd = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32; };
    const rows: [string, Float32Array][] = [
      ['random', Float32Array.from({ length: n }, () => rnd() * 2 - 1)],
      ['ascending', Float32Array.from({ length: n }, (_, i) => i)],
      ['descending', Float32Array.from({ length: n }, (_, i) => -i)],
      ['few values', Float32Array.from({ length: n }, () => Math.floor(rnd() * 4))],
      ['NaN sprinkled', Float32Array.from({ length: n }, (_, i) => (i % 97 === 0 ? NaN : rnd()))],
      ['all equal', new Float32Array(n).fill(1)],
    ];
    for (const [name, x] of rows) {
      for (const k of [1, 50, 1000, 3000]) {
        for (const largest of [true, false]) {
          const ref = Array.from(argsort(x, { descending: largest }).data as Int32Array).slice(0, k);
          expect(ints(topk(x, k, { largest }).indices), `${name} k=${k} largest=${largest}`).toEqual(ref);
        }
      }
    }
  });
});
