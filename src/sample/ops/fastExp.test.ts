import { describe, expect, it } from 'vitest';
import { expNonPos } from './fastExp.js';
import { createRng } from '../../random/createRng.js';

describe('expNonPos(x)', () => {
  it('expNonPos(x) matches Math.exp(x) to 1e-14 relative over [-745, 0]', () => {
    const rng = createRng(1);
    let worst = 0;
    for (let i = 0; i < 200000; i++) {
      const x = i < 100000 ? -rng.uniform() * 40 : -rng.uniform() * 700;
      const a = expNonPos(x), b = Math.exp(x);
      worst = Math.max(worst, Math.abs(a - b) / b);
    }
    expect(worst).toBeLessThan(1e-14);
  });
  it('expNonPos(0) = 1, expNonPos(-Infinity) = 0, expNonPos(-800) = 0, and NaN gives 0', () => {
    expect(expNonPos(0)).toBe(1);
    expect(expNonPos(-0)).toBe(1);
    expect(expNonPos(-Infinity)).toBe(0);
    expect(expNonPos(-800)).toBe(0);
    expect(expNonPos(NaN)).toBe(0);
  });
});
