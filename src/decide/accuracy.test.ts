import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accuracy } from './accuracy.js';
import { ndarray } from '../core/ndarray.js';
import { transpose } from '../core/views.js';
import { LogitkitError } from '../errors/LogitkitError.js';

function code(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return e instanceof LogitkitError ? e.code : `not a LogitkitError: ${String(e)}`; }
  return undefined;
}

describe('accuracy', () => {
  it('accuracy(pred, target) is the fraction of equal positions', () => {
    expect(accuracy([0, 2, 1, 1], [0, 1, 1, 1])).toBe(0.75);
    expect(accuracy(new Int32Array([3, 3]), [3, 3])).toBe(1);
    expect(accuracy([[0, 1], [1, 0]], [[1, 1], [1, 1]])).toBe(0.5);
  });

  it('accuracy([], []) is NaN (no samples)', () => {
    expect(accuracy([], [])).toBeNaN();
  });

  it('accuracy(transposed view, target) equals the contiguous copy', () => {
    const p = ndarray(new Int32Array([0, 1, 2, 3, 4, 5]), { shape: [2, 3] });
    const t = transpose(p);
    expect(accuracy(t, [[0, 3], [1, 4], [2, 0]])).toBeCloseTo(5 / 6, 15);
  });

  it('accuracy(pred, target) agrees with a naive count (property)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 60 }), (pairs) => {
      const p = pairs.map((x) => x[0]), t = pairs.map((x) => x[1]);
      let hits = 0;
      for (let i = 0; i < p.length; i++) if (p[i] === t[i]) hits++;
      expect(accuracy(p, t)).toBe(hits / p.length);
    }));
  });

  it('accuracy(logits [N, C], target [N]) throws SHAPE_MISMATCH with a hint, inputs unchanged', () => {
    const logits = [[0.1, 0.9], [0.8, 0.2]];
    const copy = JSON.stringify(logits);
    expect(code(() => accuracy(logits, [1, 0]))).toBe('SHAPE_MISMATCH');
    expect(() => accuracy(logits, [1, 0])).toThrow(/class indices/);
    expect(JSON.stringify(logits)).toBe(copy);
  });

  it('accuracy(fractional or NaN pred, target) throws INVALID_ARGUMENT', () => {
    expect(code(() => accuracy([0.5, 1], [0, 1]))).toBe('INVALID_ARGUMENT');
    expect(code(() => accuracy([NaN, 1], [0, 1]))).toBe('INVALID_ARGUMENT');
  });
});
