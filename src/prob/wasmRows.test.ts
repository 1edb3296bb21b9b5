import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { softmax } from './softmax.js';
import { logSoftmax } from './logSoftmax.js';
import { logsumexp } from './logsumexp.js';
import { setSmallRowKernels, setSoftmaxRowPath, WASM_ROW_MIN } from './rows.js';
import { ndarray } from '../core/ndarray.js';
import { allocate, release } from '../kernels/arena.js';
import { wasm } from '../kernels/wasm/loader.js';
import type { NDArray } from '../core/StridedArray.js';

// The float32 temperature-1 rows of softmax / logSoftmax / logsumexp have two
// implementations: the JS reference kernels (rows.ts) and the WASM SIMD kernels
// (src/kernels/rowKernels.ts). These tests force each path over the same inputs.

afterEach(() => { setSoftmaxRowPath('auto'); setSmallRowKernels(true); });

const data = (a: NDArray): Float32Array => a.data as Float32Array;

type Outputs = { sm: Float32Array; ls: Float32Array; lse: Float32Array };
function run(path: 'js' | 'wasm', x: NDArray): Outputs {
  setSoftmaxRowPath(path);
  try {
    return { sm: data(softmax(x)), ls: data(logSoftmax(x)), lse: data(logsumexp(x)) };
  } finally {
    setSoftmaxRowPath('auto');
  }
}

/** Same NaN / ±Infinity pattern; finite values within `ulps` float32 ulps of b (or `atol`). */
function expectNear(a: Float32Array, b: Float32Array, ulps: number, atol: number, what: string): void {
  expect(a.length).toBe(b.length);
  let bad = '';
  for (let i = 0; i < a.length && bad === ''; i++) {
    const u = a[i]!, v = b[i]!;
    if (!Number.isFinite(v)) { if (!Object.is(u, v)) bad = `${what}[${i}]: ${u} vs ${v}`; continue; }
    const tol = Math.max(atol, ulps * Math.abs(v) * 2 ** -23);
    if (!(Math.abs(u - v) <= tol)) bad = `${what}[${i}]: ${u} vs ${v}`;
  }
  expect(bad).toBe('');
}

function expectSamePaths(x: NDArray): void {
  const js = run('js', x), w = run('wasm', x);
  expectNear(w.sm, js.sm, 3, 1e-44, 'softmax');
  expectNear(w.ls, js.ls, 2, 4e-6, 'logSoftmax');
  expectNear(w.lse, js.lse, 2, 4e-6, 'logsumexp');
}

function lcgRow(n: number, seed: number, scale: number): Float32Array {
  const a = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) { s = (Math.imul(s, 1103515245) + 12345) >>> 0; a[i] = (s / 2 ** 32 - 0.5) * scale; }
  return a;
}

describe('softmax family: JS and WASM float32 row paths', () => {
  it('wasm() loads in this engine, so the forced WASM path really runs the SIMD kernels', () => {
    expect(wasm()).not.toBeNull();
    expect(WASM_ROW_MIN).toBeGreaterThan(1);
  });

  it('softmax/logSoftmax/logsumexp agree on both paths for lengths around the SIMD tails', () => {
    for (const n of [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 255, 256, 257, 258, 259, 260, 263, 264, 1023, 1024, 1025, 1031, 4099]) {
      expectSamePaths(ndarray(lcgRow(3 * n, n, 40), { shape: [3, n] }));
    }
  });

  it('edge rows (NaN, +Infinity, all -Infinity, -Infinity among finite, ±0) give the same torch results on both paths', () => {
    for (const n of [1, 3, 4, 9, 257, 1031]) {
      const rows: number[][] = [];
      const base = Array.from(lcgRow(n, 7 * n, 20));
      const at = (pos: number, v: number): number[] => { const r = base.slice(); r[pos] = v; return r; };
      for (const pos of [0, n - 1, n >> 1]) {
        rows.push(at(pos, NaN), at(pos, Infinity), at(pos, -Infinity));
        const both = at(pos, NaN); both[(pos + 1) % n] = Infinity; rows.push(both);
      }
      rows.push(Array(n).fill(-Infinity), Array(n).fill(Infinity), Array(n).fill(NaN), Array(n).fill(0), Array(n).fill(-0));
      rows.push(base.map((v, i) => (i % 2 === 0 ? -Infinity : v)));
      const x = ndarray(Float32Array.from(rows.flat()), { shape: [rows.length, n] });
      expectSamePaths(x);
      const w = run('wasm', x);
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        const hasNaN = row.some((v) => Number.isNaN(v)), hasPosInf = row.includes(Infinity);
        const allNegInf = row.every((v) => v === -Infinity);
        if (hasNaN) expect(w.lse[r]).toBeNaN();
        else if (hasPosInf) expect(w.lse[r]).toBe(Infinity);
        else if (allNegInf) expect(w.lse[r]).toBe(-Infinity);
        else expect(Number.isFinite(w.lse[r])).toBe(true);
        if (hasNaN || hasPosInf || allNegInf) {
          expect(Array.from(w.sm.subarray(r * n, (r + 1) * n)).every(Number.isNaN), `softmax row ${r}`).toBe(true);
          expect(Array.from(w.ls.subarray(r * n, (r + 1) * n)).every(Number.isNaN), `logSoftmax row ${r}`).toBe(true);
        } else {
          for (let j = 0; j < n; j++) {
            if (row[j] === -Infinity) { expect(w.sm[r * n + j]).toBe(0); expect(w.ls[r * n + j]).toBe(-Infinity); }
          }
        }
      }
    }
  });

  it('float32 temperature-1 fixture cases match torch on the forced WASM path', () => {
    type Enc = number | string | Enc[];
    const num = (v: Enc): number => (v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : (v as number));
    const flat = (v: Enc): number[] => (Array.isArray(v) ? v.flatMap(flat) : [num(v)]);
    const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/prob.json', import.meta.url), 'utf8')) as {
      cases: { name: string; dtype: string; shape: number[]; x: Enc; axis: number; temperature: number; softmax: Enc; logSoftmax: Enc; logsumexp: Enc }[];
    };
    const cases = fixture.cases.filter((c) => c.dtype === 'float32' && c.temperature === 1 && (c.axis === -1 || c.axis === c.shape.length - 1));
    expect(cases.length).toBeGreaterThanOrEqual(2);
    for (const c of cases) {
      const x = ndarray(Float32Array.from(flat(c.x)), { shape: c.shape });
      const w = run('wasm', x);
      expectNear(w.sm, Float32Array.from(flat(c.softmax)), 4, 1e-7, `${c.name} softmax`);
      expectNear(w.ls, Float32Array.from(flat(c.logSoftmax)), 4, 2e-5, `${c.name} logSoftmax`);
      expectNear(w.lse, Float32Array.from(flat(c.logsumexp)), 4, 1e-6, `${c.name} logsumexp`);
    }
  });

  it('an arena-backed input gives the same results as the same values on the JS heap (WASM path)', () => {
    const n = 1031;
    const heap = lcgRow(4 * n, 99, 30);
    const a = allocate('float32', [4, n]);
    try {
      (a.data as Float32Array).set(heap);
      const fromArena = run('wasm', a), fromHeap = run('wasm', ndarray(heap, { shape: [4, n] }));
      expect(fromArena.sm).toEqual(fromHeap.sm);
      expect(fromArena.ls).toEqual(fromHeap.ls);
      expect(fromArena.lse).toEqual(fromHeap.lse);
    } finally {
      release(a);
    }
  });

  it('rows longer than the WASM scratch chunk (65536+ elements) agree on both paths and sum to 1', () => {
    const n = 70001;
    const x = ndarray(lcgRow(2 * n, 5, 16), { shape: [2, n] });
    expectSamePaths(x);
    const sm = run('wasm', x).sm;
    for (let r = 0; r < 2; r++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += sm[r * n + j]!;
      expect(Math.abs(s - 1)).toBeLessThan(1e-4);
    }
  });

  it('property: for random float32 rows with specials, both paths agree and the input is unchanged', () => {
    const special = fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 88.5, -103.9);
    const elem = fc.oneof({ weight: 12, arbitrary: fc.float({ min: -60, max: 60, noNaN: true }) }, { weight: 1, arbitrary: special });
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 300 }), fc.array(elem, { minLength: 900, maxLength: 900 }), (rows, n, vals) => {
      const buf = Float32Array.from(vals.slice(0, rows * n).concat(Array(Math.max(0, rows * n - vals.length)).fill(1)));
      const before = buf.slice();
      expectSamePaths(ndarray(buf, { shape: [rows, n] }));
      expect(buf).toEqual(before);
    }), { numRuns: 60 });
  });
});

describe('softmax: fused short-row kernels', () => {
  it('softmax(float32/float64 rows, any temperature) is bit-identical with and without the fused kernels, edge rows included', () => {
    const edge = [NaN, Infinity, -Infinity, 0, -0];
    for (const n of [1, 2, 3, 5, 10, 17, 300]) {
      const vals = Array.from(lcgRow(6 * n, 3 * n + 1, 30));
      for (let r = 0; r < 5; r++) vals[r * n + (r % n)] = edge[r]!; // one edge value per row in rows 0..4
      vals.fill(-Infinity, 5 * n, 6 * n); // row 5: all -Infinity
      for (const make of [(v: number[]) => Float32Array.from(v), (v: number[]) => Float64Array.from(v)]) {
        const x = ndarray(make(vals), { shape: [6, n] });
        for (const temperature of [1, 0.3]) {
          setSmallRowKernels(true);
          const fused = softmax(x, { temperature }).data;
          setSmallRowKernels(false);
          const shared = softmax(x, { temperature }).data;
          setSmallRowKernels(true);
          expect(fused, `n=${n} T=${temperature} ${x.dtype}`).toEqual(shared);
          const f = Array.from(fused as ArrayLike<number>);
          expect(f.slice(0, n).every(Number.isNaN)).toBe(true); // NaN row
          expect(f.slice(5 * n, 6 * n).every(Number.isNaN)).toBe(true); // all -Infinity
        }
      }
    }
  });
});
