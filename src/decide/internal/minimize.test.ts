import { describe, expect, it } from 'vitest';
import { minimizeBounded } from './minimize.js';

describe('minimizeBounded (Brent)', () => {
  it('minimizeBounded(quadratic) finds the minimum in few evaluations', () => {
    const r = minimizeBounded((x) => (x - 1.234) ** 2 + 3, -5, 5, 1e-9, 99);
    expect(r.x).toBeCloseTo(1.234, 7);
    expect(r.evaluations).toBeLessThan(30);
  });

  it('minimizeBounded(non-smooth unimodal |x - c|) converges within the budget', () => {
    const r = minimizeBounded((x) => Math.abs(x + 0.7), -3, 3, 1e-8, 99);
    expect(r.x).toBeCloseTo(-0.7, 6);
    expect(r.evaluations).toBeLessThanOrEqual(99);
  });

  it('minimizeBounded(monotone f) returns the boundary exactly', () => {
    expect(minimizeBounded((x) => x, -2, 3, 1e-8, 99).x).toBe(-2);
    expect(minimizeBounded((x) => -Math.exp(x), -2, 3, 1e-8, 99).x).toBe(3);
  });

  it('minimizeBounded never exceeds maxEvaluations', () => {
    let calls = 0;
    const r = minimizeBounded((x) => { calls++; return Math.cos(3 * x) + x * x / 10; }, -3, 3, 1e-14, 20);
    expect(calls).toBe(r.evaluations);
    expect(calls).toBeLessThanOrEqual(20);
  });
});
