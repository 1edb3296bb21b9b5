import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { conformal } from './conformal.js';
import { ndarray } from '../core/ndarray.js';
import { createRng } from '../random/createRng.js';
import { LogitkitError } from '../errors/LogitkitError.js';

interface Case { n: number; alpha: number; cal: number[][]; target: number[]; test: number[][]; lac_threshold: number | null; lac_sets: number[][]; aps_threshold: number | null; aps_sets: number[][]; aps_sets_reference: number[][] }
const fx = JSON.parse(readFileSync(new URL('../../test/fixtures/decide.json', import.meta.url), 'utf8')) as { conformal: Case[] };

function code(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return e instanceof LogitkitError ? e.code : `not a LogitkitError: ${String(e)}`; }
  return undefined;
}

/** A pool of logits z ~ N(0, 2²) with labels drawn from softmax(z / 1.5): an over-confident model. */
function pool(seed: number, n: number, C: number): { logits: Float64Array; target: Int32Array } {
  const rng = createRng(seed);
  const logits = new Float64Array(n * C), target = new Int32Array(n), p = new Float64Array(C);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < C; j++) {
      const u1 = rng.uniform() || 1e-300, u2 = rng.uniform();
      const z = 2 * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      logits[i * C + j] = z;
      p[j] = Math.exp(z / 1.5);
      s += p[j]!;
    }
    let u = rng.uniform() * s, y = C - 1;
    for (let j = 0; j < C; j++) { u -= p[j]!; if (u < 0) { y = j; break; } }
    target[i] = y;
  }
  return { logits, target };
}

const sorted = (sets: number[][]): number[][] => sets.map((s) => s.slice().sort((a, b) => a - b));

describe('conformal', () => {
  it("conformal(cal, target, {alpha, score: 'lac'}) matches the NumPy threshold and sets", () => {
    for (const c of fx.conformal) {
      const cp = conformal(c.cal, c.target, { alpha: c.alpha });
      expect(cp.score).toBe('lac');
      if (c.lac_threshold === null) expect(cp.threshold).toBe(Infinity);
      else expect(cp.threshold).toBeCloseTo(c.lac_threshold, 12);
      expect(sorted(cp.predictSets(c.test))).toEqual(c.lac_sets);
    }
  });

  it("conformal(cal, target, {alpha, score: 'aps'}) matches the NumPy threshold and the never-empty prefix sets", () => {
    for (const c of fx.conformal) {
      const cp = conformal(c.cal, c.target, { alpha: c.alpha, score: 'aps' });
      if (c.aps_threshold === null) expect(cp.threshold).toBe(Infinity);
      else expect(cp.threshold).toBeCloseTo(c.aps_threshold, 12);
      const sets = sorted(cp.predictSets(c.test));
      expect(sets).toEqual(c.aps_sets);
      // never empty, and a superset of the reference set with at most one extra class
      sets.forEach((s, i) => {
        const ref = c.aps_sets_reference[i]!;
        expect(s.length).toBeGreaterThan(0);
        expect(ref.every((j) => s.includes(j))).toBe(true);
        expect(s.length - ref.length).toBeLessThanOrEqual(1);
      });
    }
  });

  for (const score of ['lac', 'aps'] as const) {
    it(`conformal(..., {alpha: 0.1, score: '${score}'}) covers: mean over 100 seeded splits >= 0.89, each split within the binomial band`, () => {
      const C = 6, N = 30000, nCal = 500, nTest = 1000, alpha = 0.1;
      const { logits, target } = pool(2026, N, C);
      const k = Math.ceil((nCal + 1) * (1 - alpha));
      const a = k, b = nCal + 1 - k;
      // coverage given the calibration set is Beta(k, n + 1 - k); the test split adds binomial noise
      const mean = a / (a + b);
      const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)) + mean * (1 - mean) / nTest);
      let total = 0;
      const splits = 100;
      for (let s = 0; s < splits; s++) {
        const rng = createRng(1000 + s);
        const perm = Int32Array.from({ length: N }, (_, i) => i);
        for (let i = 0; i < nCal + nTest; i++) { const j = i + Math.floor(rng.uniform() * (N - i)); const t = perm[i]!; perm[i] = perm[j]!; perm[j] = t; }
        const take = (from: number, n: number): [Float64Array, Int32Array] => {
          const z = new Float64Array(n * C), y = new Int32Array(n);
          for (let i = 0; i < n; i++) { const r = perm[from + i]!; z.set(logits.subarray(r * C, r * C + C), i * C); y[i] = target[r]!; }
          return [z, y];
        };
        const [zc, yc] = take(0, nCal), [zt, yt] = take(nCal, nTest);
        const sets = conformal(ndarray(zc, { shape: [nCal, C] }), yc, { alpha, score }).predictSets(ndarray(zt, { shape: [nTest, C] }));
        let hit = 0;
        sets.forEach((set, i) => { if (set.includes(yt[i]!)) hit++; });
        const cov = hit / nTest;
        // LAC is exact in expectation: two-sided band; APS with the crossing class is conservative: lower band
        if (score === 'lac') expect(Math.abs(cov - mean)).toBeLessThan(4.5 * sd);
        else expect(cov).toBeGreaterThan(mean - 4.5 * sd);
        total += cov;
      }
      expect(total / splits).toBeGreaterThanOrEqual(1 - alpha - 0.01);
    });
  }

  it('conformal(n too small for alpha) puts every class in every set', () => {
    const cp = conformal([[1, 0, 0], [0, 1, 0]], [0, 1], { alpha: 0.05 });
    expect(cp.threshold).toBe(Infinity);
    expect(cp.predictSets([[9, 0, -9], [0, 0, 0]])).toEqual([[0, 1, 2], [0, 1, 2]]);
  });

  it("conformal(..., 'lac') can return an empty set; sets list classes by descending probability", () => {
    // calibration rows all confident and right → small threshold; an ambiguous test row gets no class
    const cal = Array.from({ length: 40 }, (_, i) => (i % 2 ? [8, 0, 0] : [0, 8, 0]));
    const tgt = Array.from({ length: 40 }, (_, i) => (i % 2 ? 0 : 1));
    const cp = conformal(cal, tgt, { alpha: 0.1 });
    expect(cp.predictSets([[0, 0, 0], [0, 9, 0]])).toEqual([[], [1]]);
    // a model that is usually wrong → large threshold → every class, most likely first
    const wide = conformal(cal.map((r) => r.map((v) => v / 16)), tgt.map(() => 2), { alpha: 0.1 });
    expect(wide.predictSets([[0, 0.2, 0.1], [0.1, 0, 0.2]])).toEqual([[1, 2, 0], [2, 0, 1]]);
  });

  it("conformal(..., 'aps') gives a confident row its top class where the reference rule {j : s <= q} is empty", () => {
    // calibration: uncertain rows, q̂ well below 1; test: one very confident row whose top mass exceeds q̂
    const cal = Array.from({ length: 30 }, (_, i) => [0.3 * (i % 3), 0, 0.1]);
    const cp = conformal(cal, cal.map(() => 0), { alpha: 0.2, score: 'aps' });
    expect(cp.threshold).toBeLessThan(0.7);
    expect(cp.predictSets([[12, 0, 0], [0.1, 0, 0.2]])).toEqual([[0], [2, 0]]);
  });

  it('conformal(...).predictSets(row with NaN) returns every class', () => {
    const cp = conformal([[2, 0], [0, 2], [2, 0]], [0, 1, 0], { alpha: 0.5 });
    expect(cp.predictSets([[NaN, 1]])).toEqual([[0, 1]]);
  });

  it('conformal(..., {alpha outside (0, 1)}) throws INVALID_ARGUMENT; unknown score too', () => {
    for (const alpha of [0, 1, -0.1, 1.5, NaN]) expect(code(() => conformal([[1, 0]], [0], { alpha }))).toBe('INVALID_ARGUMENT');
    expect(code(() => conformal([[1, 0]], [0], { alpha: 0.1, score: 'raps' as never }))).toBe('INVALID_ARGUMENT');
    expect(code(() => conformal([[1, 0]], [0], undefined as never))).toBe('INVALID_ARGUMENT');
  });

  it('conformal(cal with NaN | target out of range) throws INVALID_ARGUMENT, input unchanged', () => {
    const cal = [[NaN, 1], [0, 1]];
    expect(code(() => conformal(cal, [0, 1], { alpha: 0.1 }))).toBe('INVALID_ARGUMENT');
    expect(cal[1]).toEqual([0, 1]);
    expect(code(() => conformal([[0, 1]], [2], { alpha: 0.1 }))).toBe('INVALID_ARGUMENT');
  });

  it('conformal(...).predictSets(logits with another class count) throws SHAPE_MISMATCH', () => {
    const cp = conformal([[1, 0, 0]], [0], { alpha: 0.3 });
    expect(code(() => cp.predictSets([[1, 0]]))).toBe('SHAPE_MISMATCH');
    expect(code(() => conformal([[1, 0, 0]], [0, 1], { alpha: 0.3 }))).toBe('SHAPE_MISMATCH');
  });
});
