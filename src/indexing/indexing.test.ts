// The index helpers against NumPy (test/fixtures/indexing.json from
// gen_reduce.py), round-trip properties, and every error with inputs unchanged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { argwhere, flatnonzero, putAlongAxis, ravelMultiIndex, takeAlongAxis, unravelIndex } from './index.js';
import type { NDArray } from '../core/StridedArray.js';
import { ndarray } from '../core/ndarray.js';
import { flip, transpose } from '../core/views.js';
import { toNested } from '../core/toNested.js';
import { LogitkitError } from '../errors/LogitkitError.js';
import { type FixtureArray, fixtureArray } from '../internal/fixtureArrays.js';
import { argmax } from '../reduce/index.js';

type Idx = { shape: number[]; data: number[] };
type Err = { error?: string };
const ix = JSON.parse(readFileSync(new URL('../../test/fixtures/indexing.json', import.meta.url), 'utf8')) as {
  unravel: ({ index: number | number[] | number[][]; shape: number[]; order: 'C' | 'F'; result?: number[] | Idx[] } & Err)[];
  ravel: ({ multiIndex: (number | number[] | number[][])[]; shape: number[]; mode: 'raise' | 'wrap' | 'clip' | ('raise' | 'wrap' | 'clip')[]; order: 'C' | 'F'; result?: number | Idx } & Err)[];
  take: ({ arr: FixtureArray; indices: Idx; axis: number | null; result?: FixtureArray } & Err)[];
  put: ({ arr: FixtureArray; indices: Idx; values: FixtureArray; axis: number | null; result?: FixtureArray } & Err)[];
  flatnonzero: { x: FixtureArray; result: Idx }[];
  argwhere: { x: FixtureArray; result: Idx }[];
};

const flat = (a: NDArray): unknown[] => {
  const out: unknown[] = [];
  const walk = (t: unknown): void => { if (Array.isArray(t)) t.forEach(walk); else out.push(t); };
  walk(toNested(a));
  return out;
};
const idxArray = (i: Idx): NDArray => ndarray(new Int32Array(i.data), { shape: i.shape });

function codeOf(f: () => unknown): string | undefined {
  try { f(); } catch (e) { if (e instanceof LogitkitError) return e.code; throw e; }
  return undefined;
}

function expectIdx(a: NDArray, e: Idx, label: string): void {
  expect(a.dtype, label).toBe('int32');
  expect(a.shape, label).toEqual(e.shape);
  expect(flat(a), label).toEqual(e.data);
}

describe('unravelIndex (NumPy)', () => {
  for (const c of ix.unravel) {
    it(`unravelIndex(${JSON.stringify(c.index)}, [${c.shape}], {order: '${c.order}'}) ${c.error ? `throws ${c.error}` : 'matches NumPy'}`, () => {
      const input = typeof c.index === 'number' ? c.index : JSON.parse(JSON.stringify(c.index)) as number[];
      const call = (): number[] | NDArray[] => unravelIndex(input as number, c.shape, { order: c.order });
      if (c.error) { expect(codeOf(call)).toBe(c.error); expect(input).toEqual(c.index); return; }
      const got = call();
      if (typeof c.index === 'number') expect(got).toEqual(c.result);
      else (got as NDArray[]).forEach((g, d) => expectIdx(g, (c.result as Idx[])[d]!, `dim ${d}`));
    });
  }
  it('unravelIndex(argmax(img), img.shape) gives the peak coordinates', () => {
    const img = ndarray(new Float32Array([0, 1, 2, 3, 9, 5, 6, 7, 8, 4, 3, 2]), { shape: [3, 4] });
    expect(unravelIndex(argmax(img), img.shape)).toEqual([1, 0]);
  });
});

describe('ravelMultiIndex (NumPy)', () => {
  for (const c of ix.ravel) {
    it(`ravelMultiIndex(${JSON.stringify(c.multiIndex)}, [${c.shape}], {mode: ${JSON.stringify(c.mode)}, order: '${c.order}'}) ${c.error ? `throws ${c.error}` : 'matches NumPy'}`, () => {
      const mi = JSON.parse(JSON.stringify(c.multiIndex)) as number[];
      const call = (): number | NDArray => ravelMultiIndex(mi, c.shape, { mode: c.mode, order: c.order });
      if (c.error) { expect(codeOf(call)).toBe(c.error); expect(mi).toEqual(c.multiIndex); return; }
      const got = call();
      if (typeof c.result === 'number') expect(got).toBe(c.result);
      else expectIdx(got as NDArray, c.result!, 'ravel');
    });
  }
  it('ravelMultiIndex rejects an unknown mode, a wrong-length mode list and non-integers', () => {
    expect(codeOf(() => ravelMultiIndex([0, 1], [2, 3], { mode: 'bounce' as 'wrap' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => ravelMultiIndex([0, 1], [2, 3], { mode: ['wrap'] }))).toBe('SHAPE_MISMATCH');
    expect(codeOf(() => ravelMultiIndex([0.5, 1], [2, 3]))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => ravelMultiIndex([[true], [false]] as unknown as number[], [2, 3]))).toBe('DTYPE');
  });
});

describe('unravelIndex and ravelMultiIndex are inverse (fast-check)', () => {
  it('ravelMultiIndex(unravelIndex(i, shape), shape) == i for C and F order', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }), fc.nat(), fc.constantFrom('C' as const, 'F' as const), (shape, seed, order) => {
      const size = shape.reduce((a, b) => a * b, 1);
      const i = seed % size;
      expect(ravelMultiIndex(unravelIndex(i, shape, { order }), shape, { order })).toBe(i);
      const all = Array.from({ length: size }, (_, k) => k);
      const coords = unravelIndex(all, shape, { order });
      expect(flat(ravelMultiIndex(coords, shape, { order }) as NDArray)).toEqual(all);
    }));
  });
});

describe('takeAlongAxis (NumPy)', () => {
  for (const c of ix.take) {
    it(`takeAlongAxis(arr [${c.arr.shape}], indices [${c.indices.shape}], {axis: ${c.axis}}) ${c.error ? `throws ${c.error}` : 'matches NumPy'}`, () => {
      const arr = fixtureArray(c.arr);
      const before = flat(arr);
      const call = (): NDArray => takeAlongAxis(arr, idxArray(c.indices), { axis: c.axis });
      if (c.error) expect(codeOf(call)).toBe(c.error);
      else {
        const got = call();
        const e = fixtureArray(c.result!);
        expect(got.shape).toEqual(e.shape);
        expect(flat(got)).toEqual(flat(e));
        // nested JS index arrays (float64 holding integers) work the same
        expect(flat(takeAlongAxis(arr, toNested(idxArray(c.indices)) as number[], { axis: c.axis }))).toEqual(flat(e));
      }
      expect(flat(arr)).toEqual(before);
    });
  }
  it('takeAlongAxis on a transposed / flipped arr equals the contiguous copy', () => {
    const base = ndarray(new Float64Array(Array.from({ length: 24 }, (_, i) => (i * 7) % 11)), { shape: [2, 3, 4] });
    for (const v of [transpose(base), flip(base, 2), flip(transpose(base, [2, 0, 1]), 0)]) {
      const copy = ndarray(toNested(v) as number[][][]);
      const idx = argmax(copy, { axis: 1, keepdims: true });
      expect(flat(takeAlongAxis(v, idx, { axis: 1 }))).toEqual(flat(takeAlongAxis(copy, idx, { axis: 1 })));
    }
  });
  it('takeAlongAxis requires opts.axis and rejects non-integer and boolean indices', () => {
    expect(codeOf(() => takeAlongAxis([1, 2], [0], {} as { axis: number }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => takeAlongAxis([1, 2], [0.5], { axis: 0 }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => takeAlongAxis([1, 2], [true], { axis: 0 }))).toBe('DTYPE');
    expect(codeOf(() => takeAlongAxis([1, 2], [0], { axis: 1 }))).toBe('AXIS_OUT_OF_BOUNDS');
  });
});

describe('putAlongAxis (NumPy, in place)', () => {
  for (const c of ix.put) {
    it(`putAlongAxis(arr [${c.arr.shape}], indices [${c.indices.shape}], values, {axis: ${c.axis}}) ${c.error ? `throws ${c.error} and leaves arr unchanged` : 'matches NumPy'}`, () => {
      const arr = fixtureArray(c.arr);
      const before = flat(arr);
      const values = fixtureArray(c.values);
      const call = (): void => putAlongAxis(arr, idxArray(c.indices), values, { axis: c.axis });
      if (c.error) { expect(codeOf(call)).toBe(c.error); expect(flat(arr)).toEqual(before); return; }
      expect(call()).toBeUndefined();
      expect(flat(arr)).toEqual(flat(fixtureArray(c.result!)));
    });
  }
  it('putAlongAxis writes through a transposed view into the shared storage', () => {
    const data = new Float64Array([1, 2, 3, 4, 5, 6]);
    const t = transpose(ndarray(data, { shape: [2, 3] })); // [3, 2]
    putAlongAxis(t, [[1], [0], [1]], -1, { axis: 1 }); // t = [[1, 4], [2, 5], [3, 6]]
    expect(Array.from(data)).toEqual([1, -1, 3, -1, 5, -1]);
  });
  it('putAlongAxis rejects nested arrays as arr (nothing to modify in place)', () => {
    expect(codeOf(() => putAlongAxis([[1, 2]] as unknown as NDArray, [[0]], 5, { axis: 1 }))).toBe('INVALID_ARGUMENT');
  });
});

describe('flatnonzero and argwhere (NumPy)', () => {
  for (const c of ix.flatnonzero) {
    it(`flatnonzero(x [${c.x.shape}] ${c.x.dtype}) matches NumPy (NaN nonzero, -0 zero)`, () => {
      expectIdx(flatnonzero(fixtureArray(c.x)), c.result, 'flatnonzero');
    });
  }
  for (const c of ix.argwhere) {
    it(`argwhere(x [${c.x.shape}] ${c.x.dtype}) matches NumPy, shape [n, ndim]`, () => {
      expectIdx(argwhere(fixtureArray(c.x)), c.result, 'argwhere');
    });
  }
  it('flatnonzero / argwhere of a flipped view follow the logical order; float16 bits and bigints work', () => {
    const x = flip(ndarray([[0, 1, 0], [2, 0, 3]]), 1);
    expect(flat(flatnonzero(x))).toEqual([1, 3, 5]);
    expect(toNested(argwhere(x))).toEqual([[0, 1], [1, 0], [1, 2]]);
    expect(flat(flatnonzero({ data: new Uint16Array([0x8000, 0x3c00, 0, 0x7e00]), dims: [4], type: 'float16' }))).toEqual([1, 3]);
    expect(flat(flatnonzero(new BigInt64Array([0n, 5n, -1n])))).toEqual([1, 2]);
  });
});
