import { describe, expect, it } from 'vitest';
import { createRng } from './createRng.js';
import { LogitkitError } from '../errors/LogitkitError.js';

/** Upper 0.999 quantile of chi-square with 15 degrees of freedom. */
const CHI2_15_999 = 37.7;

describe('createRng', () => {
  it('createRng(0) is a real seed: equal to itself across calls and different from an unseeded rng (regression)', () => {
    const a = createRng(0), b = createRng(0), u = createRng();
    const da = Array.from({ length: 8 }, () => a.uniform());
    expect(Array.from({ length: 8 }, () => b.uniform())).toEqual(da);
    expect(Array.from({ length: 8 }, () => u.uniform())).not.toEqual(da);
    expect(createRng(0n).uniform()).toBe(createRng(0).uniform());
    expect(createRng(1).uniform()).not.toBe(createRng(0).uniform());
  });

  it('two unseeded rngs differ from each other', () => {
    expect(createRng().uniform()).not.toBe(createRng().uniform());
  });

  it('seeds that differ only in the high word give different streams', () => {
    expect(createRng(2 ** 32).uniform()).not.toBe(createRng(0).uniform());
    expect(createRng(2n ** 63n).uniform()).not.toBe(createRng(0).uniform());
  });

  it('fork(id) gives independent per-id streams and does not advance the parent', () => {
    const parent = createRng(11);
    const c0 = parent.fork(0), c1 = parent.fork(1);
    expect(c0.uniform()).not.toBe(c1.uniform());
    expect(parent.uniform()).toBe(createRng(11).uniform());
    expect(createRng(11).fork(1).uniform()).toBe(createRng(11).fork(1).uniform());
    expect(createRng(11).fork(0).uniform()).not.toBe(createRng(11).uniform());
    // the same id from different seeds differs
    expect(createRng(12).fork(0).uniform()).not.toBe(createRng(11).fork(0).uniform());
  });

  it('createRng rejects negative, fractional, unsafe and out-of-range seeds with INVALID_ARGUMENT', () => {
    for (const s of [-1, 1.5, NaN, Infinity, 2 ** 53, -1n, 2n ** 64n, '3']) {
      try { createRng(s as number); expect.unreachable(); } catch (e) {
        expect(e).toBeInstanceOf(LogitkitError);
        expect((e as LogitkitError).code).toBe('INVALID_ARGUMENT');
      }
    }
    expect(() => createRng(1).fork(-2)).toThrow(LogitkitError);
  });
});

describe('createRng statistics (fixed seeds: deterministic, never flaky)', () => {
  const N = 200_000;
  it('uniform() lies in [0, 1), has mean 1/2 and variance 1/12, and passes a 16-bin chi-square', () => {
    const r = createRng(2024);
    const bins = new Array<number>(16).fill(0);
    let s = 0, s2 = 0, outside = 0;
    for (let i = 0; i < N; i++) {
      const u = r.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      s += u; s2 += u * u;
      bins[Math.floor(u * 16)]!++;
    }
    expect(outside).toBe(0);
    const mean = s / N, v = s2 / N - mean * mean;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(v - 1 / 12)).toBeLessThan(0.002);
    const chi2 = bins.reduce((acc, c) => acc + (c - N / 16) ** 2 / (N / 16), 0);
    expect(chi2).toBeLessThan(CHI2_15_999);
  });

  it('uniform() uses all 53 bits: low bits vary', () => {
    const r = createRng(5);
    let lowBitsSeen = 0;
    for (let i = 0; i < 1000; i++) lowBitsSeen |= (r.uniform() * 2 ** 53) & 0xff;
    expect(lowBitsSeen).toBe(0xff);
  });

  it('exponential() is positive and finite with mean 1 and variance 1; P(X > 1) = 1/e', () => {
    const r = createRng(77);
    let s = 0, s2 = 0, over = 0, bad = 0;
    for (let i = 0; i < N; i++) {
      const x = r.exponential();
      if (!(x > 0 && Number.isFinite(x))) bad++;
      s += x; s2 += x * x; if (x > 1) over++;
    }
    expect(bad).toBe(0);
    const mean = s / N;
    expect(Math.abs(mean - 1)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(s2 / N - mean * mean - 1)).toBeLessThan(0.03);
    expect(Math.abs(over / N - Math.exp(-1))).toBeLessThan(5 * Math.sqrt(0.25 / N));
  });

  it('gumbel() is finite with mean γ (0.5772) and variance π²/6', () => {
    const r = createRng(78);
    let s = 0, s2 = 0, bad = 0;
    for (let i = 0; i < N; i++) { const g = r.gumbel(); if (!Number.isFinite(g)) bad++; s += g; s2 += g * g; }
    expect(bad).toBe(0);
    const mean = s / N;
    expect(Math.abs(mean - 0.5772156649)).toBeLessThan(5 * Math.sqrt(Math.PI ** 2 / 6 / N));
    expect(Math.abs(s2 / N - mean * mean - Math.PI ** 2 / 6)).toBeLessThan(0.05);
  });

  it('sibling forks are uncorrelated (|r| < 5/sqrt(n))', () => {
    const p = createRng(3);
    const a = p.fork(0), b = p.fork(1);
    const n = 50_000;
    let sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
    for (let i = 0; i < n; i++) { const x = a.uniform(), y = b.uniform(); sa += x; sb += y; sab += x * y; saa += x * x; sbb += y * y; }
    const cov = sab / n - (sa / n) * (sb / n);
    const corr = cov / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2));
    expect(Math.abs(corr)).toBeLessThan(5 / Math.sqrt(n));
  });
});
