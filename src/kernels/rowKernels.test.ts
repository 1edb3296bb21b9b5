import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, release } from './arena.js';
import { countAtLeastF32, expDivF32, expSumF32, rowMaxF32, scanAtLeastF32 } from './rowKernels.js';
import { setWasmEnabled } from './wasm/loader.js';

afterEach(() => setWasmEnabled(true));

const f32bits = new Float32Array(1);
const i32bits = new Int32Array(f32bits.buffer);
/** Distance in float32 ulps between two finite non-negative float32 values (bit-pattern difference). */
function ulps(a: number, b: number): number {
  f32bits[0] = a; const ia = i32bits[0]!;
  f32bits[0] = b; const ib = i32bits[0]!;
  return Math.abs(ia - ib);
}

function onArena(values: ArrayLike<number>): { d: Float32Array; done: () => void } {
  const a = allocate('float32', [values.length]);
  (a.data as Float32Array).set(values);
  return { d: a.data as Float32Array, done: () => release(a) };
}

describe('expDivF32', () => {
  it('expDivF32(x, shift, divisor 1) is within 2 ulp (in fact 1) of Math.fround(Math.exp(x - shift)) over the whole float32 range, heap and arena', () => {
    // x - shift from -104 (results underflow to subnormals and 0) to 96 (past
    // float32 overflow), 400k points per shift, a quarter of them random
    const n = 400_000;
    for (const shift of [0, 3.7, -12.25, 50.5]) {
      const x = new Float32Array(n);
      for (let i = 0; i < n; i++) x[i] = Math.fround(shift - 104 + (200 * i) / (n - 1));
      let s = 7;
      for (let i = 0; i < 100_000; i++) { s = (s * 1103515245 + 12345) >>> 0; x[i * 4] = Math.fround(shift - 104 + (s / 2 ** 32) * 200); }
      for (const where of ['heap', 'arena'] as const) {
        const { d, done } = where === 'arena' ? onArena(x) : { d: x, done: () => {} };
        const out = new Float32Array(n);
        expDivF32(d, 0, out, 0, n, shift, 1);
        let worst = 0, at = 0;
        for (let i = 0; i < n; i++) {
          const want = Math.fround(Math.exp(x[i]! - shift));
          const u = want === Infinity || out[i] === Infinity ? (want === out[i] ? 0 : 99) : ulps(out[i]!, want);
          if (u > worst) { worst = u; at = x[i]!; }
        }
        expect(worst, `${where}, shift ${shift}: worst ${worst} ulp at x = ${at}`).toBeLessThanOrEqual(1);
        done();
      }
    }
  });

  it('expDivF32 maps -Inf to 0, +Inf to Inf, NaN to NaN, overflow to Inf and deep underflow to 0', () => {
    const x = new Float32Array([-Infinity, Infinity, NaN, 89, 100, -110, -1000, 0, -0]);
    const pad = new Float32Array(300).fill(1); // long enough for the WASM path
    const all = new Float32Array([...x, ...pad]);
    const out = new Float32Array(all.length);
    expDivF32(all, 0, out, 0, all.length, 0, 1);
    expect(Array.from(out.subarray(0, x.length))).toEqual([0, Infinity, NaN, Infinity, Infinity, 0, 0, 1, 1]);
  });

  it('expDivF32 computes the softmax numerator f32(exp(x - shift) / divisor), in place and at offsets, like the JS path', () => {
    fc.assert(fc.property(
      fc.array(fc.float({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 1200 }),
      fc.integer({ min: 0, max: 5 }),
      (vals, off) => {
        const src = new Float32Array(vals.length + off); src.set(vals, off);
        const shift = Math.max(...vals);
        setWasmEnabled(false);
        const js = new Float32Array(vals.length);
        expDivF32(src, off, js, 0, vals.length, shift, 3.5);
        setWasmEnabled(true);
        const fast = new Float32Array(vals.length + 2);
        expDivF32(src, off, fast, 2, vals.length, shift, 3.5);
        for (let i = 0; i < vals.length; i++) if (ulps(fast[i + 2]!, js[i]!) > 2) return false;
        const inPlace = src.slice();
        expDivF32(inPlace, off, inPlace, off, vals.length, shift, 3.5);
        for (let i = 0; i < vals.length; i++) if (inPlace[off + i] !== fast[i + 2]) return false;
        return true;
      }), { numRuns: 60 });
  });
});

describe('rowMaxF32 / expSumF32 / scanAtLeastF32 / countAtLeastF32', () => {
  function row(n: number, seed: number): Float32Array {
    const d = new Float32Array(n);
    let s = seed;
    for (let i = 0; i < n; i++) { s = (s * 1103515245 + 12345) >>> 0; d[i] = Math.round((s / 2 ** 32) * 4000 - 2000) / 64; }
    return d;
  }

  for (const n of [1, 7, 255, 256, 257, 1000, 40_000, 131_072]) {
    it(`row kernels over a ${n}-element row agree between WASM (heap, arena) and JS: max exactly, counts exactly, sums to 2^-23 relative (float32 terms)`, () => {
      const d = row(n, n);
      setWasmEnabled(false);
      const m = rowMaxF32(d, 0, n);
      const z = expSumF32(d, 0, n, m);
      const pivots = [-Infinity, m, m - 1, d[n >> 1]!, m + 1];
      const js = pivots.map((p) => ({ ...scanAtLeastF32(d, 0, n, p, m), c: countAtLeastF32(d, 0, n, p) }));
      setWasmEnabled(true);
      const { d: ad, done } = onArena(d);
      for (const src of [d, ad]) {
        expect(rowMaxF32(src, 0, n)).toBe(m);
        expect(Math.abs(expSumF32(src, 0, n, m) - z) / z).toBeLessThan(2 ** -23);
        pivots.forEach((p, i) => {
          const r = scanAtLeastF32(src, 0, n, p, m);
          expect(r.count).toBe(js[i]!.count);
          expect(countAtLeastF32(src, 0, n, p)).toBe(js[i]!.c);
          expect(r.count).toBe(js[i]!.c);
          if (js[i]!.mass === 0) expect(r.mass).toBe(0);
          else expect(Math.abs(r.mass - js[i]!.mass) / js[i]!.mass).toBeLessThan(2 ** -23);
        });
      }
      // pivot -Inf: the full count and the full denominator
      expect(scanAtLeastF32(d, 0, n, -Infinity, m).count).toBe(n);
      done();
    });
  }

  it('rowMaxF32 is NaN when the row has a NaN; NaN never counts in scans; -Inf adds no mass', () => {
    for (const n of [10, 300, 20_000]) {
      const d = row(n, 3);
      d[n - 2] = NaN;
      d[1] = -Infinity;
      for (const on of [false, true]) {
        setWasmEnabled(on);
        expect(rowMaxF32(d, 0, n)).toBeNaN();
        expect(expSumF32(d, 0, n, 0)).toBeNaN();
        expect(countAtLeastF32(d, 0, n, -Infinity)).toBe(n - 1);
        expect(scanAtLeastF32(d, 0, n, -Infinity, 100).count).toBe(n - 1);
        const noNaN = d.slice(); noNaN[n - 2] = 0;
        const m = rowMaxF32(noNaN, 0, n);
        const withInf = expSumF32(noNaN, 0, n, m);
        noNaN[1] = -1e30; // exp(-1e30 - m) is 0 as well
        expect(expSumF32(noNaN, 0, n, m)).toBe(withInf);
      }
    }
  });

  it('rowMaxF32 of an empty row is -Infinity and sums over it are 0', () => {
    expect(rowMaxF32(new Float32Array(0), 0, 0)).toBe(-Infinity);
    expect(expSumF32(new Float32Array(0), 0, 0, 0)).toBe(0);
    expect(countAtLeastF32(new Float32Array(3), 1, 0, 0)).toBe(0);
  });
});
