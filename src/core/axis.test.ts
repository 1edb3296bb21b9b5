import { describe, expect, it } from 'vitest';
import { normalizeAxis, resolveAxisView } from './axis.js';
import { ndarray } from './ndarray.js';
import { LogitkitError } from '../errors/LogitkitError.js';

const codeOf = (f: () => unknown): string | undefined => {
  try { f(); } catch (e) { return e instanceof LogitkitError ? e.code : 'not a LogitkitError'; }
  return undefined;
};

describe('normalizeAxis', () => {
  const a = ndarray([[1, 2, 3]], { names: ['batch', 'class'] });
  it('normalizeAxis(-1 | 1 | "class") resolves to 1; out of range is AXIS_OUT_OF_BOUNDS with NumPy text', () => {
    expect(normalizeAxis(-1, a)).toBe(1);
    expect(normalizeAxis(1, a)).toBe(1);
    expect(normalizeAxis('class', a)).toBe(1);
    expect(normalizeAxis(-2, a)).toBe(0);
    expect(() => normalizeAxis(2, a)).toThrow('axis 2 is out of bounds for array of dimension 2');
    expect(codeOf(() => normalizeAxis(-3, a))).toBe('AXIS_OUT_OF_BOUNDS');
  });
  it('normalizeAxis(1.5 | "nope") is INVALID_ARGUMENT', () => {
    expect(codeOf(() => normalizeAxis(1.5, a))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => normalizeAxis('nope', a))).toBe('INVALID_ARGUMENT');
  });
});

describe('resolveAxisView', () => {
  it('resolveAxisView(fn, x, undefined) defaults to the last axis and returns x itself', () => {
    const x = ndarray([[1, 2], [3, 4]]);
    const r = resolveAxisView('f', x, undefined);
    expect(r.axis).toBe(1);
    expect(r.view).toBe(x);
    expect(resolveAxisView('f', x, 0).axis).toBe(0);
  });
  it('resolveAxisView on a 0-d input views it as shape [1] and accepts only axis 0 or -1', () => {
    const x = ndarray(7);
    for (const ax of [undefined, 0, -1]) {
      const r = resolveAxisView('f', x, ax);
      expect(r.axis).toBe(0);
      expect(r.view.shape).toEqual([1]);
      expect(r.view.data[r.view.offset]).toBe(7);
    }
    expect(() => resolveAxisView('f', x, 1)).toThrow('axis 1 is out of bounds for array of dimension 0');
    expect(codeOf(() => resolveAxisView('f', x, 'a'))).toBe('INVALID_ARGUMENT');
  });
  it('resolveAxisView with a non-number, non-string axis names the function (INVALID_ARGUMENT)', () => {
    expect(() => resolveAxisView('softmax', ndarray([1, 2]), [0])).toThrow(/^softmax: axis must be an integer or an axis name/);
  });
});
