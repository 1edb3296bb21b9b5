// NaN / ±Infinity / ±0 / ties, loop-unroll tails, the row-by-row block kernel
// and every dtype, against NumPy (test/fixtures/reduce_special.json and
// reduce_dtypes.json, written by gen_reduce.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { argmax, argmin, nanargmax, nanargmin } from './index.js';
import type { NDArray } from '../core/StridedArray.js';
import { castArray } from '../core/ndarray.js';
import { toNested } from '../core/toNested.js';
import { LogitkitError } from '../errors/LogitkitError.js';
import { type FixtureArray, fixtureArray } from '../internal/fixtureArrays.js';

type Res = { result?: unknown; error?: string };
const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8'));
const special = load('reduce_special.json') as {
  vectors: ({ x: FixtureArray } & Record<string, Res>)[];
  tails: ({ n: number; variant: string; x: FixtureArray } & Record<string, Res>)[];
  blocks: ({ x: FixtureArray } & Record<string, Record<string, Res>>)[];
};
const dtypes = load('reduce_dtypes.json') as ({ dtype: string; x: FixtureArray } & Record<string, ({ axis: number | null } & Res)[]>)[];
const FUNCS = { argmax, argmin, nanargmax, nanargmin } as unknown as Record<string, (x: unknown, o?: object) => number | NDArray>;

function codeOf(f: () => unknown): string | undefined {
  try { f(); } catch (e) { if (e instanceof LogitkitError) return e.code; throw e; }
  return undefined;
}

function check(fn: string, x: NDArray, exp: Res, opts?: object): void {
  if (exp.error !== undefined) {
    expect(codeOf(() => FUNCS[fn]!(x, opts)), fn).toBe(exp.error);
    return;
  }
  const got = FUNCS[fn]!(x, opts);
  const r = exp.result as number | { shape: number[]; data: number[] };
  if (typeof r === 'number') expect(got, fn).toBe(r);
  else if (typeof got === 'number') {
    expect(r.shape, fn).toEqual([]);
    expect(got, fn).toBe(r.data[0]);
  } else {
    const g = got as NDArray;
    expect(g.shape).toEqual(r.shape);
    const flatG: unknown[] = [];
    const walk = (t: unknown): void => { if (Array.isArray(t)) t.forEach(walk); else flatG.push(t); };
    walk(toNested(g));
    expect(flatG).toEqual(r.data);
  }
}

describe('special values (NumPy)', () => {
  for (const v of special.vectors) {
    it(`argmax/argmin/nanargmax/nanargmin([${v.x.data.join(', ')}]) match NumPy`, () => {
      for (const dtype of ['float64', 'float32'] as const) {
        const x = castArray(fixtureArray(v.x), dtype);
        for (const fn of Object.keys(FUNCS)) check(fn, x, v[fn]!);
      }
    });
  }

  it('argmax([0..8, NaN, 1]) returns the NaN that is not first (tfjs ignores it)', () => {
    expect(argmax([0, 1, 2, 3, 4, 5, 6, 7, 8, NaN, 1])).toBe(9);
    expect(argmax(new Float32Array([5, 1, NaN, 9, NaN]))).toBe(2);
    expect(argmin(new Float32Array([5, 1, 0, -9, NaN]))).toBe(4);
  });

  it('argmax(x) finds a maximum at n/2 and at every 8-wide window boundary (tfjs #665)', () => {
    for (const n of [15, 16, 17, 31, 32, 33, 64, 65, 1000]) {
      for (const pos of [0, 7, 8, 9, Math.floor(n / 2), n - 1, n - 2]) {
        if (pos >= n) continue;
        const x = new Float32Array(n).fill(1);
        x[pos] = 2;
        expect(argmax(x), `n=${n} pos=${pos}`).toBe(pos);
        x[pos] = 0;
        expect(argmin(x), `n=${n} pos=${pos}`).toBe(pos);
      }
    }
  });
});

describe('loop-unroll tails: lengths 1..40, 127..129, 255..257, 1023..1025 (NumPy)', () => {
  const byN = new Map<number, typeof special.tails>();
  for (const t of special.tails) byN.set(t.n, [...(byN.get(t.n) ?? []), t]);
  for (const [n, ts] of byN) {
    it(`argmax/argmin/nanargmax/nanargmin(x) of length ${n} match NumPy for ${ts.length} variants, float32 and float64`, () => {
      for (const t of ts) {
        const f32 = fixtureArray(t.x);
        const f64 = castArray(f32, 'float64');
        for (const fn of Object.keys(FUNCS)) { check(fn, f32, t[fn]!); check(fn, f64, t[fn]!); }
      }
    });
  }
});

describe('C-contiguous [R, C] along axis 0 (row-by-row block kernel) and axis 1 (NumPy)', () => {
  for (const b of special.blocks) {
    it(`arg-reductions of a float32 [${b.x.shape}] array along axes 0 and 1 match NumPy`, () => {
      const x = fixtureArray(b.x);
      for (const fn of Object.keys(FUNCS)) {
        for (const ax of ['0', '1']) check(fn, x, b[fn]![ax]!, { axis: Number(ax) });
      }
    });
  }
});

describe('every dtype (NumPy; bfloat16 decoded by torch)', () => {
  for (const d of dtypes) {
    it(`arg-reductions of a ${d.dtype} array match NumPy along every axis and flat`, () => {
      const x = fixtureArray(d.x);
      expect(x.dtype).toBe(d.dtype);
      const before = Array.from(x.data as ArrayLike<number | bigint>);
      for (const fn of Object.keys(FUNCS)) {
        for (const row of d[fn]!) check(fn, x, row, row.axis === null ? undefined : { axis: row.axis });
      }
      expect(Array.from(x.data as ArrayLike<number | bigint>)).toEqual(before);
    });
  }
});
