import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { setTopkF32Kernel, topk } from './topk.js';
import { argsort } from './argsort.js';
import { ndarray } from '../core/ndarray.js';
import { allocate, release } from '../kernels/arena.js';
import { wasm } from '../kernels/wasm/loader.js';
import { topkRowF32 } from '../kernels/topkRow.js';
import type { NDArray } from '../core/StridedArray.js';

// topk over contiguous float32 rows with `largest` has two implementations: the
// WASM SIMD kernel (src/kernels/topkRow.ts) and the JS selection kernels. These
// tests run both over the same inputs and require identical results.

afterEach(() => setTopkF32Kernel(true));

function both(x: NDArray, k: number, sorted = true): void {
  setTopkF32Kernel(true);
  const fast = topk(x, k, { sorted });
  setTopkF32Kernel(false);
  const ref = topk(x, k, { sorted });
  setTopkF32Kernel(true);
  expect(fast.indices.data, `k=${k} sorted=${sorted}`).toEqual(ref.indices.data);
  expect(fast.values.data).toEqual(ref.values.data);
}

function lcg(n: number, seed: number, scale: number): Float32Array {
  const a = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) { s = (Math.imul(s, 1103515245) + 12345) >>> 0; a[i] = (s / 2 ** 32 - 0.5) * scale; }
  return a;
}

describe('topk: WASM float32 kernel vs JS kernels', () => {
  it('wasm() loads and topkRowF32 accepts a random 4096-row, so the fast path is really exercised', () => {
    expect(wasm()).not.toBeNull();
    expect(topkRowF32(lcg(4096, 1, 100), 0, 4096, 50, new Float32Array(50), new Int32Array(50), 0)).toBe(true);
  });

  it('topk(x, k) is identical on both paths for lengths around the kernel threshold and SIMD tails', () => {
    for (const n of [4095, 4096, 4097, 4098, 4099, 4103, 5000, 8191]) {
      const x = ndarray(lcg(2 * n, n, 100), { shape: [2, n] });
      for (const k of [1, 2, 7, 50, Math.floor(n / 64)]) { both(x, k); both(x, k, false); }
    }
  });

  it('topk(x, k) puts NaN first, then +Infinity, keeps index order among ties and -0 == +0, identically on both paths', () => {
    const n = 6000;
    const a = lcg(3 * n, 11, 8);
    for (const i of [5, 4000, 5999]) a[i] = NaN;
    for (const i of [7, 3000]) a[i] = Infinity;
    for (const i of [100, 200, 300]) a[i] = -Infinity;
    for (let i = n; i < 2 * n; i++) a[i] = Math.round(a[i]! * 4) / 4; // row 1: many ties
    for (let i = 2 * n; i < 3 * n; i += 2) { a[i] = 0; a[i + 1] = -0; } // row 2: ±0 only
    const x = ndarray(a, { shape: [3, n] });
    for (const k of [1, 3, 6, 40, 93]) { both(x, k); both(x, k, false); }
    const { values, indices } = topk(x, 6);
    expect(Array.from(indices.data as Int32Array).slice(0, 6)).toEqual([5, 4000, 5999, 7, 3000, (argsort(x.data.subarray(0, n) as Float32Array, { descending: true }).data as Int32Array)[5]]);
    expect(Number.isNaN((values.data as Float32Array)[0])).toBe(true);
    expect(Array.from(indices.data as Int32Array).slice(12, 18)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('rows of only NaN, only -Infinity or in ascending order give the same result on both paths', () => {
    const n = 4500;
    const a = new Float32Array(3 * n);
    a.fill(NaN, 0, n);
    a.fill(-Infinity, n, 2 * n);
    for (let i = 0; i < n; i++) a[2 * n + i] = i;
    const x = ndarray(a, { shape: [3, n] });
    for (const k of [1, 10, 70]) both(x, k);
    expect(Array.from(topk(x, 3).indices.data as Int32Array).slice(6)).toEqual([n - 1, n - 2, n - 3]);
  });

  it('an arena-backed float32 input gives the same topk as the same values on the JS heap', () => {
    const n = 9000;
    const heap = lcg(2 * n, 3, 50);
    const a = allocate('float32', [2, n]);
    try {
      (a.data as Float32Array).set(heap);
      const r1 = topk(a, 60), r2 = topk(ndarray(heap, { shape: [2, n] }), 60);
      expect(r1.indices.data).toEqual(r2.indices.data);
      expect(r1.values.data).toEqual(r2.values.data);
      setTopkF32Kernel(false);
      expect(topk(a, 60).indices.data).toEqual(r1.indices.data);
    } finally {
      release(a);
    }
  });

  it('property: random float32 rows with specials and ties give identical topk on both paths', () => {
    const elem = fc.oneof(
      { weight: 20, arbitrary: fc.integer({ min: -200, max: 200 }).map((v) => v / 8) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0) },
    );
    fc.assert(fc.property(fc.array(elem, { minLength: 64, maxLength: 64 }), fc.integer({ min: 4096, max: 4400 }), fc.integer({ min: 1, max: 68 }), fc.boolean(), (pattern, n, k, sorted) => {
      const a = new Float32Array(n);
      for (let i = 0; i < n; i++) a[i] = pattern[(i * 37) % 64]! + (i % 5 === 0 ? 0 : (i % 97) / 8);
      const before = a.slice();
      both(ndarray(a, { shape: [n] }), k, sorted);
      expect(a).toEqual(before);
    }), { numRuns: 40 });
  });
});
