import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ndarray } from '../core/ndarray.js';
import { applyTopKTopP } from './applyTopKTopP.js';
import { applyMinP } from './applyMinP.js';
import { createRng } from '../random/createRng.js';

/**
 * A plain sort + cumsum reference of steps 5a-5d (what vLLM's forward_native
 * does, in float64): returns the processed row (-Infinity for dropped tokens)
 * and, for each token, the ascending cumulative probability at which top-p judged it.
 */
export function referenceFilter(raw: ArrayLike<number>, o: { temperature?: number; minP?: number; topK?: number; topP?: number }): { kept: Float32Array; cum: Float64Array } {
  const V = raw.length;
  const t = Math.fround(o.temperature ?? 1);
  const x = new Float32Array(V);
  for (let i = 0; i < V; i++) { const v = raw[i]!; x[i] = Number.isNaN(v) ? -Infinity : t === 1 ? v : v / t; }
  let m = -Infinity;
  for (const v of x) if (v > m) m = v;
  const minP = o.minP ?? 0;
  if (minP > 0) for (let i = 0; i < V; i++) if (Math.exp(x[i]! - m) < minP) x[i] = -Infinity;
  const k = o.topK ?? 0;
  const order = Array.from({ length: V }, (_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b); // ascending, stable
  if (k > 0 && k < V) {
    const thr = x[order[V - k]!]!;
    for (let i = 0; i < V; i++) if (x[i]! < thr) x[i] = -Infinity;
  }
  const cum = new Float64Array(V);
  const p = o.topP ?? 1;
  if (p < 1) {
    let z = 0;
    for (const v of x) if (v !== -Infinity) z += Math.exp(v - m);
    let c = 0;
    const drop: number[] = [];
    for (let j = 0; j < V; j++) {
      const i = order[j]!;
      if (x[i] === -Infinity) continue;
      c += Math.exp(x[i]! - m) / z;
      cum[i] = c;
      if (c <= 1 - p && j < V - 1) drop.push(i);
    }
    for (const i of drop) x[i] = -Infinity;
  }
  return { kept: x, cum };
}

/** The differing tokens of two kept sets must lie at the top-p boundary (a tie of the boundary value, or cumulative mass within `tol` of 1 - p). */
export function expectSameKept(ours: Float32Array, ref: { kept: Float32Array; cum: Float64Array }, p: number, tol = 1e-9): void {
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i] !== -Infinity, b = ref.kept[i] !== -Infinity;
    if (a === b) continue;
    expect(p).toBeLessThan(1);
    expect(Math.abs(ref.cum[i]! - (1 - p))).toBeLessThan(tol);
  }
}

const logitsArb = fc.array(fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -20, max: 20, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 1, arbitrary: fc.constant(-Infinity) },
), { minLength: 1, maxLength: 300 }).filter((a) => a.some((v) => v !== -Infinity));

describe('fast top-k/top-p vs the sort-based reference', () => {
  it('applyTopKTopP(x, k, p) keeps exactly the reference set (fast-check)', () => {
    fc.assert(fc.property(logitsArb, fc.integer({ min: -1, max: 320 }), fc.oneof(fc.constant(1), fc.double({ min: 0.001, max: 1, noNaN: true })), (vals, k, p) => {
      const row = Float32Array.from(vals);
      const x = ndarray(row.slice(), { shape: [1, row.length] });
      applyTopKTopP(x, k, p);
      const ref = referenceFilter(row, { topK: k === -1 ? 0 : k, topP: p });
      expectSameKept(x.data as Float32Array, ref, p);
      // kept values are untouched
      for (let i = 0; i < row.length; i++) if ((x.data as Float32Array)[i] !== -Infinity) expect((x.data as Float32Array)[i]).toBe(row[i]);
    }), { numRuns: 400, seed: 4 });
  });

  it('applyTopKTopP(x, k, p) on wide rows (the histogram path, > 4096 candidates) keeps the reference set', () => {
    fc.assert(fc.property(fc.integer({ min: 4097, max: 40000 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.double({ min: 0.5, max: 60, noNaN: true }), fc.integer({ min: 0, max: 4 }),
      fc.oneof(fc.constant(0), fc.integer({ min: 4100, max: 50000 })), fc.double({ min: 0.001, max: 0.9999, noNaN: true }), (V, seed, scale, quant, k, p) => {
        const rng = createRng(seed);
        const row = Float32Array.from({ length: V }, () => {
          const v = (rng.uniform() ** 3) * scale;
          return quant ? Math.round(v * quant) / quant : v; // quantised rows: many ties
        });
        const x = ndarray(row.slice(), { shape: [1, V] });
        applyTopKTopP(x, k, p);
        expectSameKept(x.data as Float32Array, referenceFilter(row, { topK: k, topP: p }), p);
      }), { numRuns: 40, seed: 9 });
  });

  it('applyTopKTopP(x, null, p) keeps the smallest sufficient set: mass >= p, and dropping its least likely token would fall below p', () => {
    fc.assert(fc.property(logitsArb, fc.double({ min: 0.01, max: 0.99, noNaN: true }), (vals, p) => {
      const row = Float32Array.from(vals);
      const x = ndarray(row.slice(), { shape: [1, row.length] });
      applyTopKTopP(x, null, p);
      let m = -Infinity;
      for (const v of row) if (v > m) m = v;
      let z = 0, zk = 0, minKept = Infinity;
      for (let i = 0; i < row.length; i++) {
        const w = row[i] === -Infinity ? 0 : Math.exp(row[i]! - m);
        z += w;
        if ((x.data as Float32Array)[i] !== -Infinity) { zk += w; if (row[i]! < minKept) minKept = row[i]!; }
      }
      // kept mass > 1 - (1 - p) = p  (the dropped prefix has cumulative mass <= 1 - p)
      expect(zk / z).toBeGreaterThanOrEqual(p - 1e-9);
      // every dropped token is less likely than every kept one (a prefix of the ascending order)
      for (let i = 0; i < row.length; i++) if ((x.data as Float32Array)[i] === -Infinity && row[i] !== -Infinity) expect(row[i]!).toBeLessThanOrEqual(minKept);
      // minimal: without one least-likely kept token, the dropped mass would exceed 1 - p (unless only the max remains)
      const kept = Array.from(x.data as Float32Array).filter((v) => v !== -Infinity).length;
      if (kept > 1) expect((z - zk + Math.exp(minKept - m)) / z).toBeGreaterThan(1 - p - 1e-9);
    }), { numRuns: 300, seed: 5 });
  });

  it('applyMinP(x, minP) drops exactly the tokens with p < minP * max p (fast-check)', () => {
    fc.assert(fc.property(logitsArb, fc.double({ min: 0, max: 1, noNaN: true }), (vals, minP) => {
      const row = Float32Array.from(vals);
      const x = ndarray(row.slice(), { shape: [1, row.length] });
      applyMinP(x, minP);
      let m = -Infinity;
      for (const v of row) if (v > m) m = v;
      for (let i = 0; i < row.length; i++) {
        const ratio = Math.exp(row[i]! - m);
        if (Math.abs(ratio - minP) < 1e-12) continue; // exactly at the boundary: rounding decides
        expect((x.data as Float32Array)[i] !== -Infinity).toBe(row[i] !== -Infinity && !(ratio < minP));
      }
    }), { numRuns: 300, seed: 6 });
  });
});
