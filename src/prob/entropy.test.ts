import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { entropy } from './entropy.js';
import { softArgmax } from './softArgmax.js';
import { ndarray } from '../core/ndarray.js';
import { toNested } from '../core/toNested.js';
import { transpose } from '../core/views.js';
import { LogitkitError } from '../errors/LogitkitError.js';
import type { NDArray } from '../core/StridedArray.js';

type Enc = number | string | Enc[];
const num = (v: Enc): number => (v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : (v as number));
const flat = (v: Enc): number[] => (Array.isArray(v) ? v.flatMap(flat) : [num(v)]);
interface Case { name: string; x: Enc; shape: number[]; expected: Enc; fromLogits?: boolean; temperature?: number }
const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/prob.json', import.meta.url), 'utf8')) as { entropy: Case[]; softArgmax: Case[] };
const data = (a: NDArray): number[] => Array.from(a.data as Float64Array);

function expectClose(actual: number[], expected: number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => {
    if (Number.isNaN(e)) expect(actual[i]).toBeNaN();
    else expect(Math.abs(actual[i]! - e), `index ${i}: ${actual[i]} vs ${e}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
  });
}

describe('entropy vs torch (test/fixtures/prob.json)', () => {
  for (const c of fixture.entropy) {
    it(`entropy(${c.name}, {fromLogits: ${c.fromLogits}}) matches torch`, () => {
      const x = ndarray(Float64Array.from(flat(c.x)), { shape: c.shape });
      expectClose(data(entropy(x, { fromLogits: c.fromLogits === true })), flat(c.expected), 1e-12);
      const x32 = ndarray(Float32Array.from(flat(c.x)), { shape: c.shape });
      const out32 = entropy(x32, { fromLogits: c.fromLogits === true });
      expect(out32.dtype).toBe('float32');
      expectClose(data(out32), flat(c.expected), 1e-5);
    });
  }
});

describe('entropy semantics', () => {
  it('entropy([0.5, 0.5]) is ln 2 and entropy(zeros(3), {fromLogits: true}) is ln 3', () => {
    expect(toNested(entropy([0.5, 0.5]))).toBeCloseTo(Math.LN2, 15);
    expect(toNested(entropy([0, 0, 0], { fromLogits: true }))).toBeCloseTo(Math.log(3), 15);
    expect(toNested(entropy([1, 0, 0]))).toBe(0);
  });
  it('entropy uses probabilities as given: a negative entry gives -Infinity, NaN gives NaN', () => {
    expect(toNested(entropy([0.5, -0.1, 0.6]))).toBe(-Infinity);
    expect(toNested(entropy([0.5, NaN]))).toBeNaN();
    expect(toNested(entropy([0.25, 0.25]))).toBeCloseTo(-0.5 * Math.log(0.25), 15);
  });
  it('entropy from logits: -Infinity contributes 0, NaN/+Infinity/all -Infinity rows are NaN', () => {
    expect(toNested(entropy([0, 0, -Infinity], { fromLogits: true }))).toBeCloseTo(Math.LN2, 15);
    expect(toNested(entropy([0, NaN], { fromLogits: true }))).toBeNaN();
    expect(toNested(entropy([0, Infinity], { fromLogits: true }))).toBeNaN();
    expect(toNested(entropy([-Infinity, -Infinity], { fromLogits: true }))).toBeNaN();
    expect(toNested(entropy([1000, 0], { fromLogits: true }))).toBeGreaterThanOrEqual(0);
  });
  it('entropy(x, {axis: 0, keepdims: true}) on a transposed view equals the contiguous copy', () => {
    const base = ndarray(Float64Array.from([0.1, 0.2, 0.7, 0.3, 0.3, 0.4]), { shape: [2, 3] });
    const t = transpose(base);
    const copy = ndarray(toNested(t) as number[][]);
    const a = entropy(t, { axis: 0, keepdims: true });
    expect(a.shape).toEqual([1, 2]);
    expect(data(a)).toEqual(data(entropy(copy, { axis: 0, keepdims: true })));
    expect(data(a)).toEqual(data(entropy(base)));
  });
  it('entropy rejects bad flags with INVALID_ARGUMENT', () => {
    expect(() => entropy([0.5, 0.5], { fromLogits: 'yes' as unknown as boolean })).toThrow(LogitkitError);
    expect(() => entropy([0.5, 0.5], { axis: 1 })).toThrow('axis 1 is out of bounds for array of dimension 1');
  });
});

describe('softArgmax', () => {
  for (const c of fixture.softArgmax) {
    it(`softArgmax(${c.name}) equals sum_i i * torch.softmax(x / T)_i`, () => {
      const x = ndarray(Float64Array.from(flat(c.x)), { shape: c.shape });
      expectClose(data(softArgmax(x, { temperature: c.temperature! })), flat(c.expected), 1e-12);
    });
  }
  it('softArgmax tends to the argmax as T -> 0 and splits ties', () => {
    expect(toNested(softArgmax([0, 0, 10], { temperature: 0.01 }))).toBeCloseTo(2, 12);
    expect(toNested(softArgmax([1, 1]))).toBe(0.5);
    expect(toNested(softArgmax([1, -Infinity, 1]))).toBe(1);
    expect(toNested(softArgmax([1, NaN]))).toBeNaN();
    expect(toNested(softArgmax([-Infinity, -Infinity]))).toBeNaN();
  });
  it('softArgmax along axis 0 of a [3, 2] array gives one value per column, float32 for int input', () => {
    const out = softArgmax(ndarray(Int32Array.from([0, 9, 0, 0, 9, 0]), { shape: [3, 2] }), { axis: 0, temperature: 0.001 });
    expect(out.dtype).toBe('float32');
    expect(out.shape).toEqual([2]);
    expect(data(out)).toEqual([2, 0]);
  });
  it('softArgmax rejects a bad temperature with INVALID_ARGUMENT', () => {
    try { softArgmax([1, 2], { temperature: 0 }); expect.unreachable(); } catch (e) {
      expect((e as LogitkitError).code).toBe('INVALID_ARGUMENT');
    }
  });
});
