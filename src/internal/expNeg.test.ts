import { describe, expect, it } from 'vitest';
import { expNeg } from './expNeg.js';

describe('expNeg', () => {
  it('expNeg(x) agrees with Math.exp within 4e-16 relative on [-708, 0]', () => {
    let worst = 0;
    // deterministic grid, dense near 0 where softmax values live
    for (let i = 0; i <= 200_000; i++) {
      const x = i < 100_000 ? -i * 1e-5 : -(i - 100_000) * 0.00708;
      const e = Math.exp(x);
      worst = Math.max(worst, Math.abs(expNeg(x) - e) / e);
    }
    expect(worst).toBeLessThan(4e-16);
  });

  it('expNeg handles 0, -0, underflow, -Infinity and NaN', () => {
    expect(expNeg(0)).toBe(1);
    expect(expNeg(-0)).toBe(1);
    expect(expNeg(-746)).toBe(0);
    expect(expNeg(-Infinity)).toBe(0);
    expect(expNeg(NaN)).toBeNaN();
    expect(expNeg(-740)).toBeGreaterThan(0);
  });
});

describe('expNeg tables with the hot-loop clamp', () => {
  it('the clamped formula gives exactly 0 at EXP_CLAMP and between -1000 and -745.2', async () => {
    const m = await import('./expNeg.js');
    const viaTables = (x: number): number => {
      const c = x > m.EXP_CLAMP ? x : m.EXP_CLAMP;
      const kf = c * m.INV_LN2_64 + m.ROUND_MAGIC - m.ROUND_MAGIC;
      const k = kf | 0;
      const r = c - kf * m.LN2_64_HI - kf * m.LN2_64_LO;
      return m.EXP2_FRAC[k & 63]! * (1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120))))))
        * m.EXP2_INT[(k >> 6) + m.EXP2_INT_BIAS]!;
    };
    for (const x of [-Infinity, -1e300, -1000, -999.9, -800, -746]) expect(viaTables(x)).toBe(0);
    for (const x of [0, -1, -100, -700]) expect(viaTables(x)).toBe(m.expNeg(x));
  });
});
