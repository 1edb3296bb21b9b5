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
