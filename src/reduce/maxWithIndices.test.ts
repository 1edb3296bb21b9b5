// maxWithIndices / minWithIndices against torch.max(x, dim) / torch.min(x, dim)
// (torch 1.13 CPU, test/fixtures/reduce_torch.json): NaN propagation, ties,
// dtypes kept, keepdims, and the flattened form.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maxWithIndices, minWithIndices } from './index.js';
import type { NDArray } from '../core/StridedArray.js';
import { flip, transpose } from '../core/views.js';
import { ndarray } from '../core/ndarray.js';
import { toNested } from '../core/toNested.js';
import { LogitkitError } from '../errors/LogitkitError.js';
import { type FixtureArray, fixtureArray } from '../internal/fixtureArrays.js';

type TCase = { op: 'max' | 'min'; axis: number | null; keepdims: boolean; values: FixtureArray; indices: { shape: number[]; data: number[] } };
const cases = JSON.parse(readFileSync(new URL('../../test/fixtures/reduce_torch.json', import.meta.url), 'utf8')) as { dtype: string; x: FixtureArray; cases: TCase[] }[];

const flat = (a: NDArray): unknown[] => {
  const out: unknown[] = [];
  const walk = (t: unknown): void => { if (Array.isArray(t)) t.forEach(walk); else out.push(t); };
  walk(toNested(a));
  return out;
};

describe('maxWithIndices / minWithIndices match torch.max / torch.min(x, dim)', () => {
  for (const c of cases) {
    it(`${c.dtype} [${c.x.shape}]: values (same dtype) and int32 indices for every dim, keepdim and the flattening`, () => {
      const x = fixtureArray(c.x);
      for (const t of c.cases) {
        const fn = t.op === 'max' ? maxWithIndices : minWithIndices;
        const opts = t.axis === null ? {} : { axis: t.axis, keepdims: t.keepdims };
        const { values, indices } = fn(x, opts);
        const label = `${t.op} axis=${t.axis} keepdims=${t.keepdims}`;
        expect(indices.dtype, label).toBe('int32');
        expect(indices.shape, label).toEqual(t.indices.shape);
        expect(flat(indices), label).toEqual(t.indices.data);
        const ev = fixtureArray(t.values);
        expect(values.dtype, label).toBe(c.dtype);
        expect(values.shape, label).toEqual(ev.shape);
        expect(Array.from(values.data as ArrayLike<unknown>), label).toEqual(Array.from(ev.data as ArrayLike<unknown>));
      }
    });
  }

  it('maxWithIndices(view, {axis}) on transposed and flipped views equals the contiguous copy', () => {
    const x = fixtureArray(cases.find((c) => c.dtype === 'float32' && c.x.shape.length === 3)!.x);
    for (const v of [transpose(x), flip(x, 1), flip(transpose(x, [1, 0, 2]), 2)]) {
      const nested = toNested(v);
      for (let ax = 0; ax < 3; ax++) {
        const a = maxWithIndices(v, { axis: ax });
        const b = maxWithIndices(nested as number[][][], { axis: ax });
        expect(flat(a.indices)).toEqual(flat(b.indices));
        expect(flat(a.values).map(String)).toEqual(flat(b.values).map(String));
      }
    }
  });

  it('maxWithIndices([]) throws EMPTY_REDUCTION and minWithIndices(x, {axis: 2}) of a 2-d x throws AXIS_OUT_OF_BOUNDS', () => {
    expect(() => maxWithIndices([])).toThrow(expect.objectContaining({ code: 'EMPTY_REDUCTION' }));
    const x = [[1, 2], [3, 4]];
    expect(() => minWithIndices(x, { axis: 2 })).toThrow(LogitkitError);
    expect(() => minWithIndices(x, { axis: 2 })).toThrow('axis 2 is out of bounds for array of dimension 2');
    expect(x).toEqual([[1, 2], [3, 4]]);
  });

  it("maxWithIndices(x, {axis: 'vocab'}) resolves names and keeps the other axes' names", () => {
    const x = ndarray(new Float32Array([1, 5, 2, 7, 0, 3]), { shape: [2, 3], names: ['batch', 'vocab'] });
    const { values, indices } = maxWithIndices(x, { axis: 'vocab' });
    expect([toNested(values), toNested(indices), values.names, indices.names]).toEqual([[5, 7], [1, 0], ['batch'], ['batch']]);
  });

  it('maxWithIndices(scalar) gives 0-d value and index 0', () => {
    const { values, indices } = maxWithIndices(7.5, { axis: 0 });
    expect(values.shape).toEqual([]);
    expect(toNested(values)).toBe(7.5);
    expect(toNested(indices)).toBe(0);
  });
});
