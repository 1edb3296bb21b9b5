import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { confusionMatrix } from './confusionMatrix.js';
import { perClassAccuracy } from './perClassAccuracy.js';
import { toNested } from '../core/toNested.js';
import { ndarray } from '../core/ndarray.js';
import { flip } from '../core/views.js';
import { LogitkitError } from '../errors/LogitkitError.js';

function code(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return e instanceof LogitkitError ? e.code : `not a LogitkitError: ${String(e)}`; }
  return undefined;
}

function naive(p: number[], t: number[], C: number): number[][] {
  const m = Array.from({ length: C }, () => new Array<number>(C).fill(0));
  for (let i = 0; i < p.length; i++) m[t[i]!]![p[i]!]!++;
  return m;
}

describe('confusionMatrix', () => {
  it('confusionMatrix(pred, target, C) is int32 [C, C] with rows = truth, columns = prediction', () => {
    const m = confusionMatrix([0, 1, 1], [0, 0, 1], 2);
    expect(m.dtype).toBe('int32');
    expect(m.shape).toEqual([2, 2]);
    expect(toNested(m)).toEqual([[1, 1], [0, 1]]);
  });

  it('confusionMatrix(...) equals a naive count (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }).chain((C) => fc.tuple(fc.constant(C), fc.array(fc.tuple(fc.nat(C - 1), fc.nat(C - 1)), { maxLength: 80 }))), ([C, pairs]) => {
      const p = pairs.map((x) => x[0]), t = pairs.map((x) => x[1]);
      expect(toNested(confusionMatrix(p, t, C))).toEqual(naive(p, t, C));
    }));
  });

  it('confusionMatrix(...) has a zero column for a class never predicted and a zero row for a class absent from target', () => {
    const m = toNested(confusionMatrix([0, 0, 1], [0, 1, 1], 3)) as number[][];
    expect(m.map((r) => r[2])).toEqual([0, 0, 0]);
    expect(m[2]).toEqual([0, 0, 0]);
  });

  it('confusionMatrix diagonal / row sums equal perClassAccuracy', () => {
    const p = [0, 1, 2, 2, 1, 0, 0], t = [0, 1, 1, 2, 1, 2, 0];
    const m = toNested(confusionMatrix(p, t, 4)) as number[][];
    const r = perClassAccuracy(p, t, 4);
    for (let c = 0; c < 4; c++) {
      const s = m[c]!.reduce((a, b) => a + b, 0);
      if (s === 0) expect(r[c]).toBeNaN(); else expect(r[c]).toBe(m[c]![c]! / s);
    }
  });

  it('confusionMatrix(negative-stride views, ...) equals the contiguous copies', () => {
    const p = ndarray(new Int32Array([2, 0, 1, 1])), t = ndarray(new Int32Array([2, 1, 1, 0]));
    expect(toNested(confusionMatrix(flip(p, 0), flip(t, 0), 3))).toEqual(naive([1, 1, 0, 2], [0, 1, 1, 2], 3));
  });

  it('confusionMatrix(pred out of range, ...) throws INVALID_ARGUMENT naming pred', () => {
    expect(code(() => confusionMatrix([0, 5], [0, 1], 2))).toBe('INVALID_ARGUMENT');
    expect(() => confusionMatrix([0, 5], [0, 1], 2)).toThrow(/pred must be in \[0, 2\)/);
  });

  it('confusionMatrix(int64 and bool inputs) reads them as class indices', () => {
    expect(toNested(confusionMatrix(new BigInt64Array([1n, 0n]), [true, false], 2))).toEqual([[1, 0], [0, 1]]);
  });
});
