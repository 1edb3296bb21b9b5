// Views (transpose, flip, sliceAxis, broadcastTo) and toNested: the same
// logical values as their contiguous copies, nothing copied.
import { describe, expect, it } from 'vitest';
import { ndarray } from './ndarray.js';
import { toNested } from './toNested.js';
import { broadcastShapes, broadcastTo, flip, sliceAxis, transpose } from './views.js';
import { lanesOf } from './lanes.js';
import { isCContiguous } from './StridedArray.js';
import { LogitkitError } from '../errors/LogitkitError.js';

const a = ndarray([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]);

describe('views', () => {
  it('transpose(a) and transpose(a, perm) permute axes without copying', () => {
    const t = transpose(a);
    expect(t.data).toBe(a.data);
    expect(toNested(t)).toEqual([[0, 4, 8], [1, 5, 9], [2, 6, 10], [3, 7, 11]]);
    expect(isCContiguous(t)).toBe(false);
    const b = ndarray(Array.from({ length: 24 }, (_, i) => i), { shape: [2, 3, 4] });
    const p = transpose(b, [1, 2, 0]);
    expect(p.shape).toEqual([3, 4, 2]);
    expect((toNested(p) as number[][][])[2]![1]).toEqual([9, 21]);
    expect(() => transpose(a, [0, 0])).toThrow(LogitkitError);
  });

  it('flip(a, axis) is a negative-stride view', () => {
    expect(toNested(flip(a, 0))).toEqual([[8, 9, 10, 11], [4, 5, 6, 7], [0, 1, 2, 3]]);
    expect(toNested(flip(a, -1))).toEqual([[3, 2, 1, 0], [7, 6, 5, 4], [11, 10, 9, 8]]);
    expect(flip(a, 1).strides).toEqual([4, -1]);
  });

  it('sliceAxis follows Python slicing (steps, negative steps, clamped bounds)', () => {
    expect(toNested(sliceAxis(a, 1, undefined, undefined, 2))).toEqual([[0, 2], [4, 6], [8, 10]]);
    expect(toNested(sliceAxis(a, 1, undefined, undefined, -2))).toEqual([[3, 1], [7, 5], [11, 9]]);
    expect(toNested(sliceAxis(a, 0, 1, 100))).toEqual([[4, 5, 6, 7], [8, 9, 10, 11]]);
    expect(toNested(sliceAxis(a, 0, -1, -100, -1))).toEqual([[8, 9, 10, 11], [4, 5, 6, 7], [0, 1, 2, 3]]);
    expect(sliceAxis(a, 0, 2, 1).shape).toEqual([0, 4]);
  });

  it('broadcastTo uses stride 0; broadcastShapes follows NumPy or throws SHAPE_MISMATCH', () => {
    const r = broadcastTo(ndarray([1, 2, 3]), [2, 3]);
    expect(r.strides).toEqual([0, 1]);
    expect(toNested(r)).toEqual([[1, 2, 3], [1, 2, 3]]);
    expect(broadcastShapes([3, 1], [1, 4])).toEqual([3, 4]);
    let code = '';
    try { broadcastShapes([3], [4]); } catch (e) { code = (e as LogitkitError).code; }
    expect(code).toBe('SHAPE_MISMATCH');
  });

  it('lanesOf(view, axis) lists lane offsets in C order of the other axes', () => {
    const l = lanesOf(transpose(a), 0); // lanes are the rows of a
    expect([l.count, l.length, l.stride]).toEqual([3, 4, 1]);
    expect(Array.from(l.offsets)).toEqual([0, 4, 8]);
    const c = lanesOf(flip(a, 0), 0); // columns of a, walked upwards
    expect([c.count, c.length, c.stride]).toEqual([4, 3, -4]);
    expect(Array.from(c.offsets)).toEqual([8, 9, 10, 11]);
  });
});

describe('toNested', () => {
  it('gives scalars for 0-d, booleans for bool, BigInts for int64, numbers for float16', () => {
    expect(toNested(ndarray(2))).toBe(2);
    expect(toNested(ndarray([true, false]))).toEqual([true, false]);
    expect(toNested(ndarray([2n ** 60n]))).toEqual([2n ** 60n]);
    expect(toNested(ndarray([0.5, -0], { dtype: 'float16' }))).toEqual([0.5, -0]);
    expect(toNested(ndarray([[]]))).toEqual([[]]);
  });
});
