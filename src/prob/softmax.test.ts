import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { softmax } from './softmax.js';
import { logSoftmax } from './logSoftmax.js';
import { logsumexp } from './logsumexp.js';
import { ndarray } from '../core/ndarray.js';
import { toNested } from '../core/toNested.js';
import { flip, transpose } from '../core/views.js';
import { encodeFloat16 } from '../core/float16.js';
import { LogitkitError } from '../errors/LogitkitError.js';
import type { NDArray } from '../core/StridedArray.js';

type Enc = number | string | Enc[];
const num = (v: Enc): number => (v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : (v as number));
const flat = (v: Enc): number[] => (Array.isArray(v) ? v.flatMap(flat) : [num(v)]);

interface ProbCase {
  name: string; dtype: 'float32' | 'float64'; shape: number[]; x: Enc; axis: number; temperature: number;
  softmax: Enc; logSoftmax: Enc; logsumexp: Enc; logsumexpKeepdims: Enc;
}
const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/prob.json', import.meta.url), 'utf8')) as {
  cases: ProbCase[]; empty: { shape: number[]; logsumexp: Enc };
};

function input(c: ProbCase): NDArray {
  const data = c.dtype === 'float32' ? Float32Array.from(flat(c.x)) : Float64Array.from(flat(c.x));
  return ndarray(data, { shape: c.shape });
}

/** Same NaN/inf pattern and values within a relative+absolute tolerance. */
function expectClose(actual: ArrayLike<number>, expected: number[], rtol: number, atol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!, e = expected[i]!;
    if (Number.isNaN(e)) { expect(a, `index ${i}`).toBeNaN(); continue; }
    if (!Number.isFinite(e)) { expect(a, `index ${i}`).toBe(e); continue; }
    expect(Math.abs(a - e), `index ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(atol + rtol * Math.abs(e));
  }
}

const data = (a: NDArray): number[] => Array.from(a.data as Float64Array);

describe('softmax family vs torch (test/fixtures/prob.json)', () => {
  for (const c of fixture.cases) {
    const tol = c.dtype === 'float32' ? { r: 2e-6, a: 1e-7 } : { r: 1e-12, a: 1e-15 };
    const opts = { axis: c.axis, temperature: c.temperature };
    it(`softmax(${c.name}, {axis: ${c.axis}, temperature: ${c.temperature}}) matches torch.softmax`, () => {
      const out = softmax(input(c), opts);
      expect(out.dtype).toBe(c.dtype);
      expect(out.shape).toEqual(c.shape);
      expectClose(data(out), flat(c.softmax), tol.r, tol.a);
    });
    it(`logSoftmax(${c.name}, {axis: ${c.axis}, temperature: ${c.temperature}}) matches torch.log_softmax`, () => {
      const out = logSoftmax(input(c), opts);
      expect(out.dtype).toBe(c.dtype);
      expectClose(data(out), flat(c.logSoftmax), tol.r, c.dtype === 'float32' ? 2e-5 : 1e-12);
    });
    it(`logsumexp(${c.name}, {axis: ${c.axis}}) matches torch.logsumexp, with and without keepdims`, () => {
      const out = logsumexp(input(c), opts);
      const shape = c.shape.slice();
      const ax = c.axis < 0 ? c.axis + shape.length : c.axis;
      shape.splice(ax, 1);
      expect(out.shape).toEqual(shape);
      expectClose(data(out), flat(c.logsumexp), tol.r, tol.a);
      const kept = logsumexp(input(c), { ...opts, keepdims: true });
      shape.splice(ax, 0, 1);
      expect(kept.shape).toEqual(shape);
      expectClose(data(kept), flat(c.logsumexpKeepdims), tol.r, tol.a);
    });
  }

  it('logsumexp(zeros([3, 0])) is -Infinity per row, like torch', () => {
    const out = logsumexp(ndarray(new Float64Array(0), { shape: fixture.empty.shape }));
    expect(out.shape).toEqual([3]);
    expect(data(out)).toEqual(flat(fixture.empty.logsumexp));
    expect(data(out)).toEqual([-Infinity, -Infinity, -Infinity]);
  });
});

describe('softmax semantics', () => {
  it('softmax([1000, 1000]) is [0.5, 0.5] and softmax([0, -Infinity]) is [1, 0]', () => {
    expect(toNested(softmax([1000, 1000]))).toEqual([0.5, 0.5]);
    expect(toNested(softmax([0, -Infinity]))).toEqual([1, 0]);
    expect(toNested(softmax(new Float32Array([-1e30, 1e30])))).toEqual([0, 1]);
  });

  it('softmax(all -Infinity) is NaN, logsumexp is -Infinity; a +Infinity entry gives NaN and +Infinity', () => {
    expect(data(softmax([-Infinity, -Infinity])).every(Number.isNaN)).toBe(true);
    expect(data(logSoftmax([-Infinity, -Infinity])).every(Number.isNaN)).toBe(true);
    expect(toNested(logsumexp([-Infinity, -Infinity]))).toBe(-Infinity);
    expect(data(softmax([1, Infinity])).every(Number.isNaN)).toBe(true);
    expect(toNested(logsumexp([1, Infinity]))).toBe(Infinity);
    expect(toNested(logsumexp([NaN, Infinity]))).toBeNaN();
  });

  it('softmax keeps float32 and float64, and computes every other dtype into float32', () => {
    expect(softmax(new Float32Array([1, 2])).dtype).toBe('float32');
    expect(softmax(new Float64Array([1, 2])).dtype).toBe('float64');
    for (const x of [new Int32Array([1, 2]), new Uint8Array([1, 2]), new BigInt64Array([1n, 2n]), ndarray(new Uint8Array([1, 0]), { dtype: 'bool' })]) {
      const out = softmax(x);
      expect(out.dtype).toBe('float32');
      expect(logsumexp(x).dtype).toBe('float32');
      expect(logSoftmax(x).dtype).toBe('float32');
    }
    const e = Math.exp(1) / (1 + Math.exp(1));
    expect(data(softmax(new Int8Array([0, 1])))[1]).toBeCloseTo(e, 6);
  });

  it('softmax(float16 and bfloat16) decodes the halves', () => {
    const bits = Uint16Array.from([0, 1, 2].map(encodeFloat16));
    const out = softmax(ndarray(bits, { dtype: 'float16' }));
    const ref = data(softmax(new Float64Array([0, 1, 2])));
    expectClose(data(out), ref, 1e-6, 1e-7);
    // bfloat16 1.0 = 0x3f80, 2.0 = 0x4000
    const b = softmax(ndarray(Uint16Array.from([0x3f80, 0x4000]), { dtype: 'bfloat16' }));
    expectClose(data(b), data(softmax([1, 2])), 1e-6, 1e-7);
  });

  it('softmax(x, {temperature: T}) equals softmax(x / T)', () => {
    const x = [0.3, -1.2, 2.5, 0];
    const t = 0.7;
    expectClose(data(softmax(x, { temperature: t })), data(softmax(x.map((v) => v / t))), 1e-14, 1e-16);
    expectClose(data(logSoftmax(x, { temperature: t })), data(logSoftmax(x.map((v) => v / t))), 1e-14, 1e-15);
    expectClose(data(logsumexp(x, { temperature: t })), data(logsumexp(x.map((v) => v / t))), 1e-14, 1e-15);
  });

  it('softmax(float32 x) is within 2 float32 ulps of the float64 softmax of the same values', () => {
    let seed = 17;
    const vals = Array.from({ length: 4000 }, () => { seed = (seed * 1103515245 + 12345) >>> 0; return (seed / 2 ** 32 - 0.5) * 60; });
    const x32 = ndarray(Float32Array.from(vals), { shape: [4, 1000] });
    const ref = softmax(ndarray(Float64Array.from(Float32Array.from(vals)), { shape: [4, 1000] })).data as Float64Array;
    const got = softmax(x32).data as Float32Array;
    let worst = 0;
    for (let i = 0; i < ref.length; i++) {
      if (ref[i]! < 1e-30) continue; // float32 subnormal territory
      worst = Math.max(worst, Math.abs(got[i]! - ref[i]!) / (ref[i]! * 2 ** -23));
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('logSoftmax([0, -2000]) keeps the tiny log-probability instead of -Infinity', () => {
    expect(toNested(logSoftmax([0, -2000]))).toEqual([0, -2000]);
  });

  it('softmax on transposed and negative-stride views equals softmax of the contiguous copy', () => {
    const base = ndarray(Float32Array.from({ length: 12 }, (_, i) => Math.sin(i) * 5), { shape: [3, 4] });
    const t = transpose(base);
    const tCopy = ndarray(toNested(t) as number[][], { dtype: 'float32' });
    for (const axis of [0, 1, -1]) {
      expect(data(softmax(t, { axis }))).toEqual(data(softmax(tCopy, { axis })));
      expect(data(logSoftmax(t, { axis }))).toEqual(data(logSoftmax(tCopy, { axis })));
      expect(data(logsumexp(t, { axis }))).toEqual(data(logsumexp(tCopy, { axis })));
    }
    const f = flip(base, 1);
    const fCopy = ndarray(toNested(f) as number[][], { dtype: 'float32' });
    expect(data(softmax(f))).toEqual(data(softmax(fCopy)));
  });

  it('softmax(x, {axis: "class"}) resolves axis names and keeps them on the output', () => {
    const x = ndarray(new Float64Array([1, 2, 3, 4]), { shape: [2, 2], names: ['batch', 'class'] });
    const out = softmax(x, { axis: 'class' });
    expect(out.names).toEqual(['batch', 'class']);
    expect(data(out)).toEqual(data(softmax(x, { axis: 1 })));
    expect(logsumexp(x, { axis: 'batch' }).names).toEqual(['class']);
  });

  it('softmax of a 0-d array is 1 and logsumexp of a 0-d array is the value', () => {
    expect(toNested(softmax(3))).toBe(1);
    expect(toNested(logSoftmax(3))).toBe(0);
    expect(toNested(logsumexp(3))).toBe(3);
    expect(() => softmax(3, { axis: 1 })).toThrow(LogitkitError);
  });

  it('softmax of an empty axis is empty', () => {
    const out = softmax(ndarray(new Float32Array(0), { shape: [2, 0] }));
    expect(out.shape).toEqual([2, 0]);
    expect(out.dtype).toBe('float32');
  });
});

describe('softmax errors', () => {
  const codeOf = (f: () => unknown): string | undefined => {
    try { f(); } catch (e) { return e instanceof LogitkitError ? e.code : 'not a LogitkitError'; }
    return undefined;
  };
  it.each([0, -1, NaN, Infinity, -Infinity, '1', 1e-320])('softmax(x, {temperature: %s}) throws INVALID_ARGUMENT', (t) => {
    const x = new Float32Array([1, 2, 3]);
    const before = Array.from(x);
    for (const f of [softmax, logSoftmax, logsumexp]) {
      expect(codeOf(() => f(x, { temperature: t as number }))).toBe('INVALID_ARGUMENT');
    }
    expect(Array.from(x)).toEqual(before);
  });
  it('softmax(x, {axis: 2}) on a 2-d array throws AXIS_OUT_OF_BOUNDS with NumPy\'s message', () => {
    expect(() => softmax([[1, 2]], { axis: 2 })).toThrow('axis 2 is out of bounds for array of dimension 2');
    expect(codeOf(() => logsumexp([[1, 2]], { axis: -3 }))).toBe('AXIS_OUT_OF_BOUNDS');
    expect(codeOf(() => softmax([[1, 2]], { axis: 0.5 }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => logsumexp([1], { keepdims: 1 as unknown as boolean }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => softmax([[1, 2], [3]]))).toBe('SHAPE_MISMATCH');
    expect(codeOf(() => softmax(null as unknown as number[]))).toBe('INVALID_ARGUMENT');
  });
  it('softmax(x) never modifies its input', () => {
    const x = new Float32Array([3, 1, -Infinity, 2]);
    const copy = Array.from(x);
    softmax(x); logSoftmax(x, { temperature: 3 }); logsumexp(x);
    expect(Array.from(x)).toEqual(copy);
  });
});

describe('softmax properties', () => {
  it('softmax rows are in [0, 1] and sum to 1 within 1e-6 (float32 and float64)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 40 }),
      fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 200, maxLength: 200 }),
      fc.double({ min: 0.01, max: 100, noNaN: true }), fc.boolean(),
      (rows, cols, pool, temperature, f32) => {
        const n = rows * cols;
        const vals = pool.slice(0, n);
        while (vals.length < n) vals.push(vals.length);
        const x = ndarray(f32 ? Float32Array.from(vals) : Float64Array.from(vals), { shape: [rows, cols] });
        const p = softmax(x, { temperature }).data as Float32Array;
        const lse = logsumexp(x, { temperature }).data as Float32Array;
        for (let r = 0; r < rows; r++) {
          let s = 0;
          for (let c = 0; c < cols; c++) { const v = p[r * cols + c]!; expect(v >= 0 && v <= 1).toBe(true); s += v; }
          expect(Math.abs(s - 1)).toBeLessThan(1e-6);
          expect(Number.isFinite(lse[r]!)).toBe(true);
        }
      }), { seed: 3, numRuns: 200 });
  });

  it('exp(logSoftmax(x)) equals softmax(x) and logSoftmax(x) = x/T - logsumexp(x/T)', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 30 }),
      fc.double({ min: 0.05, max: 20, noNaN: true }),
      (xs, temperature) => {
        const p = data(softmax(xs, { temperature }));
        const lp = data(logSoftmax(xs, { temperature }));
        const lse = toNested(logsumexp(xs, { temperature })) as number;
        for (let i = 0; i < xs.length; i++) {
          expect(Math.abs(Math.exp(lp[i]!) - p[i]!)).toBeLessThan(1e-12);
          expect(Math.abs(lp[i]! - (xs[i]! / temperature - lse))).toBeLessThan(1e-9 * Math.max(1, Math.abs(lse)));
        }
      }), { seed: 4, numRuns: 200 });
  });
});
