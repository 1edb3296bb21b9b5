import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { perClassAccuracy } from './perClassAccuracy.js';
import { confusionMatrix } from './confusionMatrix.js';
import { LogitkitError } from '../errors/LogitkitError.js';

function code(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return e instanceof LogitkitError ? e.code : `not a LogitkitError: ${String(e)}`; }
  return undefined;
}

describe('perClassAccuracy', () => {
  it('perClassAccuracy(pred, target, C) is the recall of each class', () => {
    const r = perClassAccuracy([0, 1, 1, 0], [0, 1, 0, 0], 3);
    expect(r).toBeInstanceOf(Float64Array);
    expect(r[0]).toBeCloseTo(2 / 3, 15);
    expect(r[1]).toBe(1);
  });

  it('perClassAccuracy(...) reports a class absent from target as NaN, not 0', () => {
    const r = perClassAccuracy([0, 1, 1, 0], [0, 1, 0, 0], 3);
    expect(r[2]).toBeNaN();
  });

  it('perClassAccuracy(...) reports 0 for a class present in target but never predicted', () => {
    const r = perClassAccuracy([0, 0, 0], [0, 2, 2], 3);
    expect(Array.from(r)).toEqual([1, NaN, 0]);
  });

  it('perClassAccuracy(...) matches a naive recall (property)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { maxLength: 50 }), (pairs) => {
      const p = pairs.map((x) => x[0]), t = pairs.map((x) => x[1]);
      const r = perClassAccuracy(p, t, 4);
      for (let c = 0; c < 4; c++) {
        const idx = t.map((v, i) => (v === c ? i : -1)).filter((i) => i >= 0);
        if (idx.length === 0) expect(r[c]).toBeNaN();
        else expect(r[c]).toBe(idx.filter((i) => p[i] === c).length / idx.length);
      }
    }));
  });

  it('perClassAccuracy(pred, target out of range, C) throws INVALID_ARGUMENT naming target, input unchanged', () => {
    const target = [0, 3];
    expect(code(() => perClassAccuracy([0, 1], target, 3))).toBe('INVALID_ARGUMENT');
    expect(() => perClassAccuracy([0, 1], target, 3)).toThrow(/target must be in \[0, 3\)/);
    expect(code(() => perClassAccuracy([0, -1], [0, 1], 3))).toBe('INVALID_ARGUMENT');
    expect(target).toEqual([0, 3]);
  });

  it('perClassAccuracy(pred, target, bad numClasses) throws INVALID_ARGUMENT', () => {
    expect(code(() => perClassAccuracy([0], [0], 0))).toBe('INVALID_ARGUMENT');
    expect(code(() => perClassAccuracy([0], [0], 2.5))).toBe('INVALID_ARGUMENT');
  });

  it('perClassAccuracy(pred, target of another shape, C) throws SHAPE_MISMATCH', () => {
    expect(code(() => perClassAccuracy([0, 1], [0, 1, 1], 2))).toBe('SHAPE_MISMATCH');
  });
});

describe('metrics given [N, C] scores instead of class indices', () => {
  it.each([
    ['perClassAccuracy', () => perClassAccuracy([[0.1, 0.9], [0.8, 0.2]], [1, 0], 2)],
    ['confusionMatrix', () => confusionMatrix([[0.1, 0.9], [0.8, 0.2]], [1, 0], 2)],
  ])('%s(scores, target, C) throws SHAPE_MISMATCH that says to pass class indices', (_, f) => {
    expect(f).toThrow(LogitkitError);
    expect(f).toThrow(/pass class indices/);
  });
});
