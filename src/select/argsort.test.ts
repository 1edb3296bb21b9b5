import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { argsort } from './argsort.js';
import { ndarray } from '../core/ndarray.js';
import { toNested } from '../core/toNested.js';
import { flip, transpose } from '../core/views.js';
import { encodeFloat16 } from '../core/float16.js';
import { LogitkitError } from '../errors/LogitkitError.js';
import { compareAscNanLast, compareDescNanFirst } from '../internal/order.js';
import type { DType } from '../core/dtypes.js';

type Enc = number | string | Enc[];
const num = (v: Enc): number => (v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : (v as number));
const flat = (v: Enc): number[] => (Array.isArray(v) ? v.flatMap(flat) : [num(v)]);

interface ArgsortCase { name: string; dtype: DType; shape: number[]; x: Enc | string[]; axis: number; ascending: Enc; descending: Enc }
const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/select.json', import.meta.url), 'utf8')) as { argsort: ArgsortCase[] };

function input(c: ArgsortCase) {
  if (c.dtype === 'int64') return ndarray(BigInt64Array.from((c.x as string[]).map((s) => BigInt(s))), { shape: c.shape });
  const vals = flat(c.x as Enc);
  const ctor = { float64: Float64Array, float32: Float32Array, int32: Int32Array, uint8: Uint8Array } as unknown as Record<string, { from(a: number[]): Float64Array }>;
  return ndarray(ctor[c.dtype]!.from(vals), { shape: c.shape });
}

describe('argsort vs NumPy / torch (test/fixtures/select.json)', () => {
  for (const c of fixture.argsort) {
    it(`argsort(${c.name}, {axis: ${c.axis}}) equals np.argsort(kind='stable')`, () => {
      const out = argsort(input(c), { axis: c.axis });
      expect(out.dtype).toBe('int32');
      expect(out.shape).toEqual(c.shape);
      expect(Array.from(out.data as Int32Array)).toEqual(flat(c.ascending));
    });
    it(`argsort(${c.name}, {axis: ${c.axis}, descending: true}) equals torch.sort(stable, descending)`, () => {
      const out = argsort(input(c), { axis: c.axis, descending: true });
      expect(Array.from(out.data as Int32Array)).toEqual(flat(c.descending));
    });
  }
});

describe('argsort semantics', () => {
  it('argsort([3, 1, NaN, 1]) puts NaN last; descending puts NaN first and keeps ties in order', () => {
    expect(toNested(argsort([3, 1, NaN, 1]))).toEqual([1, 3, 0, 2]);
    expect(toNested(argsort([3, 1, NaN, 1], { descending: true }))).toEqual([2, 0, 1, 3]);
    expect(toNested(argsort([NaN, 0, NaN, -0], { descending: true }))).toEqual([0, 2, 1, 3]);
  });

  it('argsort works on float16, bfloat16, bool, uint64 and a 0-d input', () => {
    const f16 = ndarray(Uint16Array.from([2, -1, 0.5, NaN].map(encodeFloat16)), { dtype: 'float16' });
    expect(toNested(argsort(f16))).toEqual([1, 2, 0, 3]);
    const bf = ndarray(Uint16Array.from([0x4000, 0x3f80, 0xbf80]), { dtype: 'bfloat16' }); // 2, 1, -1
    expect(toNested(argsort(bf))).toEqual([2, 1, 0]);
    expect(toNested(argsort([true, false, true, false]))).toEqual([1, 3, 0, 2]);
    const u = ndarray(BigUint64Array.from([2n ** 64n - 1n, 0n, 2n ** 63n, 2n ** 64n - 2n]));
    expect(toNested(argsort(u))).toEqual([1, 2, 3, 0]);
    expect(toNested(argsort(u, { descending: true }))).toEqual([0, 3, 2, 1]);
    expect(toNested(argsort(7))).toBe(0);
  });

  it('argsort on transposed and negative-stride views equals argsort of the contiguous copy', () => {
    const base = ndarray(Float64Array.from({ length: 20 }, (_, i) => (i * 7) % 5), { shape: [4, 5] });
    for (const v of [transpose(base), flip(base, 1), flip(base, 0)]) {
      const copy = ndarray(toNested(v) as number[][]);
      for (const axis of [0, 1, -1]) {
        for (const descending of [false, true]) {
          expect(toNested(argsort(v, { axis, descending }))).toEqual(toNested(argsort(copy, { axis, descending })));
        }
      }
    }
  });

  it('argsort over an empty axis gives an empty int32 array', () => {
    const out = argsort(ndarray(new Float32Array(0), { shape: [3, 0] }));
    expect(out.shape).toEqual([3, 0]);
    expect(out.dtype).toBe('int32');
  });

  it('argsort rejects bad options with LogitkitError and leaves the input unchanged', () => {
    const x = new Float64Array([3, 1, 2]);
    const code = (f: () => unknown) => { try { f(); } catch (e) { return (e as LogitkitError).code; } return 'none'; };
    expect(code(() => argsort(x, { axis: 1 }))).toBe('AXIS_OUT_OF_BOUNDS');
    expect(code(() => argsort(x, { descending: 'yes' as unknown as boolean }))).toBe('INVALID_ARGUMENT');
    expect(code(() => argsort(x, { axis: 'time' }))).toBe('INVALID_ARGUMENT');
    expect(code(() => argsort(x, 3 as unknown as object))).toBe('INVALID_ARGUMENT');
    expect(Array.from(x)).toEqual([3, 1, 2]);
  });
});

describe('argsort properties', () => {
  const value = fc.oneof(
    fc.integer({ min: -3, max: 3 }),
    fc.double({ noNaN: false }),
    fc.constantFrom(NaN, Infinity, -Infinity, 0, -0),
  );
  it('argsort(x) is a permutation that sorts x (ascending NaN last / descending NaN first) and is stable', () => {
    fc.assert(fc.property(fc.array(value, { maxLength: 80 }), fc.boolean(), (xs, descending) => {
      const idx = Array.from(argsort(Float64Array.from(xs), { descending }).data as Int32Array);
      expect([...idx].sort((a, b) => a - b)).toEqual(xs.map((_, i) => i));
      const cmp = descending ? compareDescNanFirst : compareAscNanLast;
      for (let i = 1; i < idx.length; i++) {
        const c = cmp(xs[idx[i - 1]!]!, xs[idx[i]!]!);
        expect(c <= 0).toBe(true);
        if (c === 0) expect(idx[i - 1]! < idx[i]!).toBe(true);
      }
    }), { seed: 11, numRuns: 300 });
  });

  it('argsort(float32 rows) along any axis matches a reference comparator sort', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 12, maxLength: 12 }), fc.constantFrom(0, 1, -1), (xs, axis) => {
      const a = ndarray(Float32Array.from(xs), { shape: [3, 4] });
      const nested = toNested(argsort(a, { axis })) as number[][];
      const rows = [[0, 1, 2], [0, 1, 2, 3]];
      if (axis === 0) {
        for (let c = 0; c < 4; c++) {
          const ref = rows[0]!.slice().sort((i, j) => xs[i * 4 + c]! - xs[j * 4 + c]! || i - j);
          expect(nested.map((r) => r[c])).toEqual(ref);
        }
      } else {
        for (let r = 0; r < 3; r++) {
          const ref = rows[1]!.slice().sort((i, j) => xs[r * 4 + i]! - xs[r * 4 + j]! || i - j);
          expect(nested[r]).toEqual(ref);
        }
      }
    }), { seed: 12, numRuns: 100 });
  });

  it('argsort packed native-key path (float32, int32, uint16, float16) equals the float64 introsort path', () => {
    const f32 = fc.oneof(fc.float({ noNaN: false }), fc.constantFrom(NaN, -0, 0, Infinity, -Infinity, 1, -1));
    fc.assert(fc.property(fc.array(f32, { maxLength: 60 }), fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 60 }), fc.boolean(), (fs, is, descending) => {
      const viaF32 = Array.from(argsort(Float32Array.from(fs), { descending }).data as Int32Array);
      expect(viaF32).toEqual(Array.from(argsort(Float64Array.from(Float32Array.from(fs)), { descending }).data as Int32Array));
      const viaI32 = Array.from(argsort(Int32Array.from(is), { descending }).data as Int32Array);
      expect(viaI32).toEqual(Array.from(argsort(Float64Array.from(is), { descending }).data as Int32Array));
      const u16 = Uint16Array.from(is.map((v) => v & 0xffff));
      expect(Array.from(argsort(u16, { descending }).data as Int32Array)).toEqual(Array.from(argsort(Float64Array.from(u16), { descending }).data as Int32Array));
      const h = ndarray(Uint16Array.from(fs.map((v) => encodeFloat16(v))), { dtype: 'float16' });
      const decoded = Float64Array.from(toNested(h) as number[]);
      expect(Array.from(argsort(h, { descending }).data as Int32Array)).toEqual(Array.from(argsort(decoded, { descending }).data as Int32Array));
    }), { seed: 13, numRuns: 300 });
  });

  it('argsort of long rows (beyond the insertion-sort cutoff) with many ties is stable', () => {
    const n = 5000;
    const xs = Float64Array.from({ length: n }, (_, i) => ((i * 2654435761) >>> 0) % 17);
    const idx = Array.from(argsort(xs).data as Int32Array);
    const ref = xs.length ? Array.from({ length: n }, (_, i) => i).sort((i, j) => xs[i]! - xs[j]! || i - j) : [];
    expect(idx).toEqual(ref);
    const desc = Array.from(argsort(xs, { descending: true }).data as Int32Array);
    expect(desc).toEqual(Array.from({ length: n }, (_, i) => i).sort((i, j) => xs[j]! - xs[i]! || i - j));
  });
});
