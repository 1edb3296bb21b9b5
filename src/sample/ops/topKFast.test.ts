import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sampler } from '../Sampler.js';
import { kthLargestCollect } from './kthLargest.js';
import { Scratch } from './scratch.js';
import { topKCollectFast } from './topKFast.js';

/** Exact top-k threshold by sorting (NaN read as -Infinity) and the ids with x >= it, in id order. */
function sortedKeep(x: Float32Array, o: number, V: number, k: number): { thr: number; ids: number[] } {
  const v = Array.from(x.subarray(o, o + V), (a) => (a === a ? a : -Infinity)).sort((a, b) => b - a);
  const thr = v[k - 1]!;
  const ids: number[] = [];
  for (let i = 0; i < V; i++) if (x[o + i]! >= thr) ids.push(i);
  return { thr, ids };
}

/** A float32 row of V logits on a coarse grid (many ties) with planted specials. */
function gridRow(V: number, seed: number, step: number, plants: [number, number][]): Float32Array {
  const x = new Float32Array(V + 5);
  let s = seed >>> 0;
  for (let i = 0; i < x.length; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; x[i] = Math.round(((s / 2 ** 32) * 12 - 6) / step) * step; }
  for (const [p, v] of plants) x[5 + (p % V)] = v;
  return x;
}

const special = fc.constantFrom(NaN, Infinity, -Infinity, 6, 6, 5.5, -0, 0);

describe('topKCollectFast(x, o, V, k, s) through the shared WASM top-k kernel', () => {
  it('topKCollectFast(row, ...) returns the sorted k-th largest and exactly the ids with x >= it (ties kept), or NaN for the JS path', () => {
    let fast = 0;
    fc.assert(fc.property(
      fc.constantFrom(4096, 5000, 9000, 40000), fc.integer({ min: 1, max: 140 }), fc.nat(), fc.constantFrom(0.001, 0.25, 1),
      fc.array(fc.tuple(fc.nat(), special), { maxLength: 6 }),
      (V, k, seed, step, plants) => {
        const x = gridRow(V, seed, step, plants);
        const s = new Scratch(); s.ensure(V);
        const thr = topKCollectFast(x, 5, V, k, s);
        const want = sortedKeep(x, 5, V, k);
        const hasNaN = x.subarray(5, 5 + V).some((v) => v !== v);
        if (thr !== thr) {
          // declined: only for reasons the doc names (NaN, ±Infinity at the ends, k > V / 64)
          const ends = want.thr === -Infinity || x.subarray(5, 5 + V).includes(Infinity);
          expect(hasNaN || ends || k > V / 64).toBe(true);
          return;
        }
        fast++;
        expect(hasNaN).toBe(false);
        expect(thr).toBe(want.thr);
        expect(Array.from(s.idx.subarray(0, s.ints[0]!))).toEqual(want.ids);
        expect(s.heap[0]).toBe(Math.max(...x.subarray(5, 5 + V)));
        // the JS heap scan agrees: same threshold, a superset of the same ids
        const h = new Scratch(); h.ensure(V);
        expect(kthLargestCollect(x.subarray(5, 5 + V), V, k, h.heap, h.idx, h.ints)).toBe(thr);
        expect(Array.from(h.idx.subarray(0, h.ints[0]!)).filter((i) => x[5 + i]! >= thr)).toEqual(want.ids);
      }), { numRuns: 120, seed: 3 });
    expect(fast).toBeGreaterThan(40); // the fast path really ran
  });

  it('topKCollectFast(row) keeps every token tied at the boundary beyond the k the kernel returns', () => {
    const V = 8192, k = 10;
    const x = new Float32Array(V).fill(-5);
    for (let i = 0; i < 8; i++) x[100 * i + 3] = 9 - i;   // 8 distinct leaders
    for (const i of [7000, 50, 4000, 8191, 1234]) x[i] = 0.5; // five-way tie for places 9-13
    const s = new Scratch(); s.ensure(V);
    expect(topKCollectFast(x, 0, V, k, s)).toBe(0.5);
    expect(Array.from(s.idx.subarray(0, s.ints[0]!))).toEqual([3, 50, 103, 203, 303, 403, 503, 603, 703, 1234, 4000, 7000, 8191]);
  });

  it('Sampler.sample(float32 [B, V], { topK, topP?, minP?, seed }) on the fast path draws what the float64 copying path draws', () => {
    fc.assert(fc.property(
      fc.constantFrom(4096, 9000), fc.integer({ min: 1, max: 64 }), fc.nat(), fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom(0.001, 0.25),
      fc.record({ topP: fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 1, noNaN: true })), minP: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.9, noNaN: true })) }),
      (V, k, rowSeed, seed, step, extra) => {
        const B = 3;
        const data = new Float32Array(B * V);
        for (let b = 0; b < B; b++) data.set(gridRow(V, rowSeed + b, step, []).subarray(5, 5 + V), b * V);
        const copy = data.slice();
        const params = { topK: k, ...extra, seed };
        const a = new Sampler().sample({ data, dims: [B, V] }, params).tokens;
        const b = new Sampler().sample({ data: Float64Array.from(data), dims: [B, V] }, params).tokens;
        expect(Array.from(a)).toEqual(Array.from(b));
        expect(data).toEqual(copy);
      }), { numRuns: 30, seed: 11 });
  });
});
