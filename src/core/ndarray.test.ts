// ndarray(): every ArrayInput form, inferred dtypes, zero-copy rules, ragged
// input errors naming the path, views and their bounds, names.
import { describe, expect, it } from 'vitest';
import { ndarray, castArray } from './ndarray.js';
import { toNested } from './toNested.js';
import { encodeFloat16 } from './float16.js';
import { LogitkitError } from '../errors/LogitkitError.js';

function errorOf(f: () => unknown): LogitkitError {
  try { f(); } catch (e) { if (e instanceof LogitkitError) return e; throw e; }
  throw new Error('did not throw');
}

describe('ndarray(nested arrays)', () => {
  it('ndarray([[1, 2], [3, 4]]) is float64 [2, 2]; booleans give bool, bigints int64, a scalar is 0-d', () => {
    const a = ndarray([[1, 2], [3, 4]]);
    expect([a.dtype, a.shape, a.strides, a.ndim, a.size]).toEqual(['float64', [2, 2], [2, 1], 2, 4]);
    expect(ndarray([true, false]).dtype).toBe('bool');
    expect(ndarray([1n, 2n]).dtype).toBe('int64');
    const s = ndarray(3.5);
    expect([s.shape, s.size, toNested(s)]).toEqual([[], 1, 3.5]);
    expect(ndarray([]).shape).toEqual([0]);
    expect(ndarray([[], []]).shape).toEqual([2, 0]);
  });

  it('ndarray(ragged) throws SHAPE_MISMATCH naming the first ragged path', () => {
    const e1 = errorOf(() => ndarray([[1, 2], [3]]));
    expect(e1.code).toBe('SHAPE_MISMATCH');
    expect(e1.message).toContain('x[1]');
    const e2 = errorOf(() => ndarray([[1, 2], [[3], 4]] as never));
    expect(e2.code).toBe('SHAPE_MISMATCH');
    expect(e2.message).toContain('x[1][0]');
    const e3 = errorOf(() => ndarray([[[1]], [2]] as never));
    expect(e3.message).toContain('x[1][0]');
  });

  it('ndarray rejects strings and bigint/number mixes with DTYPE, null with INVALID_ARGUMENT', () => {
    expect(errorOf(() => ndarray(['a'] as never)).code).toBe('DTYPE');
    expect(errorOf(() => ndarray([1, 2n] as never)).code).toBe('DTYPE');
    expect(errorOf(() => ndarray(null as never)).code).toBe('INVALID_ARGUMENT');
  });

  it('ndarray(nested, {dtype}) converts: float16 bits, bool, int32', () => {
    const h = ndarray([1, 0.1, 65504, 1e6], { dtype: 'float16' });
    expect(Array.from(h.data as Uint16Array)).toEqual([0x3c00, 0x2e66, 0x7bff, 0x7c00]);
    expect(toNested(ndarray([0, 2, -1], { dtype: 'bool' }))).toEqual([false, true, true]);
    expect(Array.from(ndarray([1.9, -2.5], { dtype: 'int32' }).data as Int32Array)).toEqual([1, -2]);
  });
});

describe('ndarray(TypedArray) and tensor objects', () => {
  it('a TypedArray keeps its type and is not copied', () => {
    const f = new Float32Array([1, 2, 3, 4, 5, 6]);
    const a = ndarray(f, { shape: [2, 3] });
    expect(a.data).toBe(f);
    expect([a.dtype, a.shape]).toEqual(['float32', [2, 3]]);
    expect(ndarray(new Uint8Array(2)).dtype).toBe('uint8');
    expect(ndarray(new Uint16Array(2)).dtype).toBe('uint16');
    expect(ndarray(new BigUint64Array(2)).dtype).toBe('uint64');
  });

  it("Uint16Array with dtype 'float16' | 'bfloat16' is taken as bits, Uint8Array with 'bool' as booleans, zero-copy", () => {
    const bits = new Uint16Array([0x3c00, 0xc000]);
    const h = ndarray(bits, { dtype: 'float16' });
    expect(h.data).toBe(bits);
    expect(toNested(h)).toEqual([1, -2]);
    const b = ndarray(bits, { dtype: 'bfloat16' });
    expect(toNested(b)).toEqual([decodeBf(0x3c00), decodeBf(0xc000)]);
    const u = new Uint8Array([0, 1, 1]);
    const m = ndarray(u, { dtype: 'bool' });
    expect(m.data).toBe(u);
    expect(toNested(m)).toEqual([false, true, true]);
  });

  it("{data, dims, type} tensors: 'float16' bits, 'int64' BigInt64Array, 'bool', 'float' → float32", () => {
    const h = ndarray({ data: new Uint16Array([0x3c00, 0x4000, 0x7e00, 0xfc00]), dims: [2, 2], type: 'float16' });
    expect([h.dtype, h.shape]).toEqual(['float16', [2, 2]]);
    expect(toNested(h)).toEqual([[1, 2], [NaN, -Infinity]]);
    const i = ndarray({ data: new BigInt64Array([2n ** 62n, -1n]), dims: [2], type: 'int64' });
    expect(i.dtype).toBe('int64');
    expect(toNested(i)).toEqual([2n ** 62n, -1n]);
    const b = ndarray({ data: new Uint8Array([1, 0]), dims: [1, 2], type: 'bool' });
    expect(toNested(b)).toEqual([[true, false]]);
    expect(ndarray({ data: new Float32Array(2), dims: [2], type: 'float' }).dtype).toBe('float32');
    expect(errorOf(() => ndarray({ data: new Float32Array(2), dims: [2], type: 'complex64' })).code).toBe('DTYPE');
    expect(errorOf(() => ndarray({ data: new Float32Array(3), dims: [2, 2] })).code).toBe('SHAPE_MISMATCH');
  });

  it('{data, shape} objects and a native Float16Array (encoded to bits)', () => {
    const a = ndarray({ data: [1, 2, 3, 4, 5, 6], shape: [3, 2] });
    expect(toNested(a)).toEqual([[1, 2], [3, 4], [5, 6]]);
    // Node 20 has no Float16Array: a stand-in with that constructor name is treated as one.
    class Float16Array extends Float64Array {}
    const h = ndarray(new Float16Array([1, 0.5, -3]));
    expect(h.dtype).toBe('float16');
    expect(Array.from(h.data as Uint16Array)).toEqual([1, 0.5, -3].map(encodeFloat16));
  });

  it('strides/offset make views; a view reaching outside its storage is SHAPE_MISMATCH', () => {
    const d = new Float64Array([0, 1, 2, 3, 4, 5]);
    const t = ndarray(d, { shape: [3, 2], strides: [1, 3] });
    expect(toNested(t)).toEqual([[0, 3], [1, 4], [2, 5]]);
    const r = ndarray(d, { shape: [3], strides: [-2], offset: 5 });
    expect(toNested(r)).toEqual([5, 3, 1]);
    expect(errorOf(() => ndarray(d, { shape: [4], strides: [2] })).code).toBe('SHAPE_MISMATCH');
    expect(errorOf(() => ndarray(d, { shape: [2], strides: [-1], offset: 0 })).code).toBe('SHAPE_MISMATCH');
    expect(Array.from(d)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('names: one per axis, unique; wrong length is SHAPE_MISMATCH, duplicates INVALID_ARGUMENT', () => {
    const a = ndarray([[1, 2]], { names: ['batch', 'class'] });
    expect(a.names).toEqual(['batch', 'class']);
    expect('names' in ndarray([[1, 2]])).toBe(false); // no own `names: undefined` (exactOptionalPropertyTypes)
    expect(errorOf(() => ndarray([[1, 2]], { names: ['batch'] })).code).toBe('SHAPE_MISMATCH');
    expect(errorOf(() => ndarray([[1, 2]], { names: ['a', 'a'] })).code).toBe('INVALID_ARGUMENT');
  });

  it('castArray(view, dtype) copies the logical order', () => {
    const v = ndarray(new Float64Array([1, 2, 3, 4]), { shape: [2, 2], strides: [1, 2] });
    expect(toNested(castArray(v, 'int32'))).toEqual([[1, 3], [2, 4]]);
  });
});

function decodeBf(bits: number): number {
  const f = new Float32Array(1);
  new Uint32Array(f.buffer)[0] = bits << 16;
  return f[0]!;
}
