// Both paths — the WASM SIMD kernels and the JS reference kernels of
// src/reduce — run the same NumPy fixtures and must agree index for index;
// then the public ops are run with WASM on and off over large arrays.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JS_KERNELS, type ArgKind } from '../reduce/kernels.js';
import { argmax, argmin, nanargmax, nanargmin } from '../reduce/index.js';
import { ndarray } from '../core/ndarray.js';
import type { NDArray } from '../core/StridedArray.js';
import { LogitkitError } from '../errors/LogitkitError.js';
import { allocate, release } from './arena.js';
import { wasmArgContig } from './argReduce.js';
import { setWasmEnabled } from './wasm/loader.js';

interface Case {
  label: string; dtype: 'float32' | 'float64'; data: (number | string)[];
  argmax: number | string; argmin: number | string; nanargmax: number | string; nanargmin: number | string;
}
const fixture = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'kernels_argreduce.json'), 'utf8')) as { cases: Case[] };
const dec = (v: number | string): number => (typeof v === 'number' ? v : v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : Number(v));
const KINDS: ArgKind[] = ['argmax', 'argmin', 'nanargmax', 'nanargmin'];

afterEach(() => setWasmEnabled(true));

describe('WASM and JS arg-reduction kernels on the NumPy fixtures', () => {
  it(`every kernel returns NumPy's index on all ${fixture.cases.length} fixture vectors (heap and arena, WASM and JS)`, () => {
    let checked = 0;
    for (const c of fixture.cases) {
      const values = c.data.map(dec);
      const heap = c.dtype === 'float32' ? new Float32Array(values) : new Float64Array(values);
      const arena = allocate(c.dtype, [values.length]);
      const ad = arena.data as Float32Array | Float64Array;
      ad.set(values);
      for (const kind of KINDS) {
        const want = c[kind] === 'ALL_NAN_SLICE' ? -1 : (c[kind] as number);
        const got = {
          wasmHeap: wasmArgContig(kind, heap, 0, values.length, true),
          wasmArena: wasmArgContig(kind, ad, 0, values.length, true),
          js: JS_KERNELS[kind].contig(heap, 0, values.length),
        };
        if (got.wasmHeap !== want || got.wasmArena !== want || got.js !== want) {
          expect.fail(`${kind} ${c.dtype} ${c.label}: NumPy ${want}, got ${JSON.stringify(got)}`);
        }
        checked++;
      }
      release(arena);
    }
    expect(checked).toBe(fixture.cases.length * 4);
  });
});

describe('public arg-reductions with WASM on and off', () => {
  const OPS = { argmax, argmin, nanargmax, nanargmin } as const;
  function run(x: NDArray, axis: number | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, op] of Object.entries(OPS)) {
      try {
        const r = axis === undefined ? op(x) : op(x, { axis });
        out[name] = typeof r === 'number' ? r : Array.from((r as NDArray).data as Int32Array);
      } catch (e) {
        out[name] = e instanceof LogitkitError ? e.code : String(e);
      }
    }
    return out;
  }

  function matrix(rows: number, cols: number, seed: number, dtype: 'float32' | 'float64'): Float64Array {
    const v = new Float64Array(rows * cols);
    let s = seed;
    for (let i = 0; i < v.length; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      const u = s / 2 ** 32;
      v[i] = u < 0.001 ? NaN : u < 0.002 ? -Infinity : Math.round(u * 5000) / (dtype === 'float32' ? 8 : 16);
    }
    // an all-NaN row and column, a NaN/-Inf-only row
    for (let c = 0; c < cols; c++) { v[c] = NaN; v[cols + c] = c % 3 ? NaN : -Infinity; }
    for (let r = 0; r < rows; r++) v[r * cols + 5] = NaN;
    return v;
  }

  for (const dtype of ['float32', 'float64'] as const) {
    it(`argmax/argmin/nanargmax/nanargmin(${dtype} [64, 3000]) give the same indices and errors with WASM on and off, for heap, arena and transposed inputs`, () => {
      const rows = 64, cols = 3000;
      const vals = matrix(rows, cols, 99, dtype);
      const heap = ndarray(dtype === 'float32' ? new Float32Array(vals) : new Float64Array(vals), { shape: [rows, cols] });
      const arena = allocate(dtype, [rows, cols]);
      (arena.data as Float32Array | Float64Array).set(vals);
      const t = ndarray(heap.data, { shape: [cols, rows], strides: [1, cols] });
      for (const axis of [undefined, -1, 0]) {
        for (const x of [heap, arena, t]) {
          setWasmEnabled(false);
          const js = run(x, axis);
          setWasmEnabled(true);
          const fast = run(x, axis);
          expect(fast).toEqual(js);
        }
      }
      // the arena and heap inputs agree too (same values)
      expect(run(arena, -1)).toEqual(run(heap, -1));
      // 1-D flat lanes long enough for the chunked heap path, NaN in the last chunk
      const flat = new Float64Array(40_000).map((_, i) => (i * 7919) % 10007);
      flat[39_000] = NaN;
      const f = ndarray(dtype === 'float32' ? new Float32Array(flat) : flat);
      setWasmEnabled(false);
      const js = run(f, undefined);
      setWasmEnabled(true);
      expect(run(f, undefined)).toEqual(js);
      expect(js['argmax']).toBe(39_000);
      release(arena);
    });
  }

  it('nanargmax over a non-contiguous view with an all-NaN first lane follows NumPy (regression: lane merge)', () => {
    // transpose of [[NaN, -Inf], [NaN, NaN]] flattens to [NaN, NaN, -Inf, NaN]: NumPy gives 0
    const a = ndarray(new Float64Array([NaN, -Infinity, NaN, NaN]), { shape: [2, 2], strides: [1, 2] });
    expect(nanargmax(a)).toBe(0);
    const b = ndarray(new Float64Array([NaN, Infinity, NaN, NaN]), { shape: [2, 2], strides: [1, 2] });
    expect(nanargmin(b)).toBe(0);
    const c = ndarray(new Float64Array([NaN, NaN, NaN, NaN]), { shape: [2, 2], strides: [1, 2] });
    expect(() => nanargmax(c)).toThrow(LogitkitError);
  });
});
