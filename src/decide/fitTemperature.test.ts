import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { fitTemperature } from './fitTemperature.js';
import { meanNll } from './internal/nll.js';
import { ndarray } from '../core/ndarray.js';
import { transpose } from '../core/views.js';
import { createRng } from '../random/createRng.js';
import { LogitkitError } from '../errors/LogitkitError.js';
import { logSoftmax } from '../prob/logSoftmax.js';

// Count the NLL evaluations: every one goes through the shared logSoftmax.
vi.mock('../prob/logSoftmax.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../prob/logSoftmax.js')>();
  return { ...orig, logSoftmax: vi.fn(orig.logSoftmax) };
});

const fx = JSON.parse(readFileSync(new URL('../../test/fixtures/decide.json', import.meta.url), 'utf8')) as {
  nll: { logits: number[][]; target: number[]; cases: { T: number; nll: number }[] };
  fit_temperature: { logits: number[][]; target: number[]; T: number }[];
};

function code(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return e instanceof LogitkitError ? e.code : `not a LogitkitError: ${String(e)}`; }
  return undefined;
}

/** Logits z ~ N(0, scale²) and labels drawn from softmax(z / T0): a model miscalibrated by exactly T0. */
function synthetic(seed: number, n: number, C: number, scale: number, T0: number): { logits: Float64Array; target: Int32Array } {
  const rng = createRng(seed);
  const logits = new Float64Array(n * C), target = new Int32Array(n);
  const p = new Float64Array(C);
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let j = 0; j < C; j++) {
      const u1 = rng.uniform() || 1e-300, u2 = rng.uniform();
      const z = scale * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      logits[i * C + j] = z;
      m = Math.max(m, z / T0);
    }
    let s = 0;
    for (let j = 0; j < C; j++) { p[j] = Math.exp(logits[i * C + j]! / T0 - m); s += p[j]!; }
    let u = rng.uniform() * s, y = C - 1;
    for (let j = 0; j < C; j++) { u -= p[j]!; if (u < 0) { y = j; break; } }
    target[i] = y;
  }
  return { logits, target };
}

describe('fitTemperature', () => {
  it('meanNll(logits, T) matches torch cross_entropy(logits / T)', () => {
    const x = ndarray(fx.nll.logits);
    const t = Int32Array.from(fx.nll.target);
    for (const c of fx.nll.cases) expect(meanNll(x, 1, t, c.T)).toBeCloseTo(c.nll, 11);
  });

  it('fitTemperature(logits, target) matches a NumPy/torch golden-section reference', () => {
    for (const c of fx.fit_temperature) {
      expect(Math.abs(fitTemperature(c.logits, c.target) / c.T - 1)).toBeLessThan(1e-5);
    }
  });

  it('fitTemperature recovers the temperature the labels were generated at, within 2%', () => {
    for (const [seed, T0] of [[1, 2.5], [2, 0.6], [3, 1.0], [4, 4.0]] as const) {
      const { logits, target } = synthetic(seed, 20000, 10, 3, T0);
      const T = fitTemperature(ndarray(logits, { shape: [20000, 10] }), target);
      expect(Math.abs(T / T0 - 1)).toBeLessThan(0.02);
    }
  });

  it('fitTemperature uses fewer than 100 NLL evaluations, even with the optimum on a bound', () => {
    const spy = vi.mocked(logSoftmax);
    for (const [z, y] of [
      [synthetic(21, 3000, 10, 3, 2.2).logits, synthetic(21, 3000, 10, 3, 2.2).target],
      [new Float64Array([0.2, 0, 0, 0.2, 0.2, 0]), new Int32Array([0, 1, 0])],
      [new Float64Array([1, 0, 1, 0, 0, 1, 0, 1]), new Int32Array([0, 1, 0, 1])],
    ] as const) {
      spy.mockClear();
      fitTemperature(ndarray(z, { shape: [y.length, z.length / y.length] }), y);
      expect(spy.mock.calls.length).toBeGreaterThan(3);
      expect(spy.mock.calls.length).toBeLessThan(100);
    }
  });

  it('fitTemperature returns the bounds 0.05 / 20 exactly when the optimum lies outside', () => {
    // always right with a huge margin: sharper is always better → lower bound
    expect(fitTemperature([[0.2, 0], [0, 0.2], [0.2, 0]], [0, 1, 0])).toBe(0.05);
    // labels independent of the logits (half right, half wrong): flatter is better → upper bound
    expect(fitTemperature([[1, 0], [1, 0], [0, 1], [0, 1]], [0, 1, 0, 1])).toBe(20);
  });

  it('fitTemperature(float32 logits) equals the fit on the same values as float64', () => {
    const { logits, target } = synthetic(11, 2000, 5, 2, 1.7);
    const f32 = Float32Array.from(logits);
    const a = fitTemperature(ndarray(Float64Array.from(f32), { shape: [2000, 5] }), target);
    const b = fitTemperature(ndarray(f32, { shape: [2000, 5] }), target);
    expect(b).toBe(a);
  });

  it('fitTemperature(transposed [C, N] view) equals the fit on the contiguous [N, C] copy', () => {
    const { logits, target } = synthetic(12, 500, 4, 2, 1.3);
    const cn = new Float64Array(500 * 4);
    for (let i = 0; i < 500; i++) for (let j = 0; j < 4; j++) cn[j * 500 + i] = logits[i * 4 + j]!;
    const view = transpose(ndarray(cn, { shape: [4, 500] }));
    expect(fitTemperature(view, target)).toBe(fitTemperature(ndarray(logits, { shape: [500, 4] }), target));
  });

  it('fitTemperature allows -Infinity logits for classes other than the target', () => {
    const T = fitTemperature([[2, -Infinity, 0], [0, 1, -Infinity], [1, 0, 0]], [0, 1, 2]);
    expect(T).toBeGreaterThanOrEqual(0.05);
    expect(T).toBeLessThanOrEqual(20);
  });

  it('fitTemperature(NaN logit | -Infinity at the target | no rows | target out of range) throws INVALID_ARGUMENT, input unchanged', () => {
    const z = [[NaN, 1], [0, 1]];
    expect(code(() => fitTemperature(z, [0, 1]))).toBe('INVALID_ARGUMENT');
    expect(z[0]![0]).toBeNaN();
    expect(code(() => fitTemperature([[-Infinity, 1]], [0]))).toBe('INVALID_ARGUMENT');
    expect(code(() => fitTemperature(ndarray(new Float64Array(0), { shape: [0, 3] }), []))).toBe('INVALID_ARGUMENT');
    expect(code(() => fitTemperature([[0, 1]], [2]))).toBe('INVALID_ARGUMENT');
    expect(code(() => fitTemperature([[0, 1]], [0, 1]))).toBe('SHAPE_MISMATCH');
  });
});
