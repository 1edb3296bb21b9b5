// NumPy's arg-reduction test matrix (numpy/_core/tests/test_multiarray.py
// TestArgmaxArgminCommon) on our code: every shape x every axis (negative,
// omitted, out of bounds) x keepdims x out x transposed / negative-stride /
// stepped views. Expected values: test/fixtures/reduce_matrix.json from NumPy.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { argmax, argmin, nanargmax, nanargmin } from './index.js';
import { type NDArray, StridedArray, contiguousStrides } from '../core/StridedArray.js';
import { ndarray } from '../core/ndarray.js';
import { flip, sliceAxis, transpose } from '../core/views.js';
import { toNested } from '../core/toNested.js';
import { LogitkitError } from '../errors/LogitkitError.js';
import { type FixtureArray, fixtureArray } from '../internal/fixtureArrays.js';

type Row = { axis: number | null; keepdims: boolean; result?: { shape: number[]; data: number[] }; error?: string };
type Case = { shape: number[]; kind: string; x: FixtureArray; views: Record<string, Record<string, Row[]>> };

const cases = JSON.parse(readFileSync(new URL('../../test/fixtures/reduce_matrix.json', import.meta.url), 'utf8')) as Case[];
const FUNCS = { argmax, argmin, nanargmax, nanargmin } as const;
type Fn = (x: NDArray, o?: object) => number | NDArray;

function viewOf(x: NDArray, name: string): NDArray {
  switch (name) {
    case 'base': return x;
    case 'T': return transpose(x);
    case 'flip0': return flip(x, 0);
    case 'flipLast': return flip(x, -1);
    case 'step2': return sliceAxis(x, -1, undefined, undefined, 2);
    case 'revstep2': return sliceAxis(x, 0, undefined, undefined, -2);
    default: throw new Error(`unknown view ${name}`);
  }
}

function flat(a: NDArray): number[] {
  const out: number[] = [];
  const walk = (t: unknown): void => { if (Array.isArray(t)) t.forEach(walk); else out.push(t as number); };
  walk(toNested(a));
  return out;
}

function expectCode(f: () => unknown, code: string): void {
  let err: unknown;
  try { f(); } catch (e) { err = e; }
  expect(err, `expected ${code}`).toBeInstanceOf(LogitkitError);
  expect((err as LogitkitError).code).toBe(code);
}

describe('arg-reductions on the NumPy test matrix (fixtures from NumPy 1.24)', () => {
  for (const c of cases) {
    for (const [vname, byFn] of Object.entries(c.views)) {
      for (const [fname, rows] of Object.entries(byFn)) {
        it(`${fname}(x, {axis, keepdims, out}) matches NumPy for shape [${c.shape}] ${c.kind} data, ${vname} view`, () => {
          const base = fixtureArray(c.x);
          const before = Array.from(base.data as Float64Array);
          const x = viewOf(base, vname);
          const fn = FUNCS[fname as keyof typeof FUNCS] as unknown as Fn;
          for (const row of rows) {
            const opts: { axis?: number; keepdims: boolean } = { keepdims: row.keepdims };
            if (row.axis !== null) opts.axis = row.axis;
            const label = `${fname} ${vname} axis=${row.axis} keepdims=${row.keepdims}`;
            if (row.error !== undefined) {
              expectCode(() => fn(x, opts), row.error);
              continue;
            }
            const exp = row.result!;
            const got = fn(x, opts);
            if (row.axis === null && !row.keepdims) {
              expect(got, label).toBe(exp.data[0]);
            } else {
              const g = got as NDArray;
              expect(g.dtype, label).toBe('int32');
              expect(g.shape, label).toEqual(exp.shape);
              expect(flat(g), label).toEqual(exp.data);
            }
            // out: written and returned by identity (contiguous and, for 2-D+, a transposed view)
            const out = ndarray(new Int32Array(exp.data.length).fill(-7), { shape: exp.shape });
            expect(fn(x, { ...opts, out }), label).toBe(out);
            expect(flat(out), label).toEqual(exp.data);
            if (exp.shape.length >= 2) {
              const rev = exp.shape.slice().reverse();
              const outT = transpose(new StridedArray('int32', new Int32Array(exp.data.length), rev, contiguousStrides(rev), 0));
              expect(fn(x, { ...opts, out: outT }), label).toBe(outT);
              expect(flat(outT), label).toEqual(exp.data);
            }
            // wrong out shape / dtype: rejected, out untouched
            const bad = ndarray(new Int32Array(exp.data.length + 1).fill(-7), { shape: [exp.data.length + 1] });
            expectCode(() => fn(x, { ...opts, out: bad }), 'SHAPE_MISMATCH');
            expect(Array.from(bad.data as Int32Array).every((v) => v === -7)).toBe(true);
            const badType = ndarray(new Float64Array(exp.data.length), { shape: exp.shape });
            expectCode(() => fn(x, { ...opts, out: badType }), 'DTYPE');
          }
          expect(Array.from(base.data as Float64Array)).toEqual(before);
        });
      }
    }
  }
});
