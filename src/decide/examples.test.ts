// The doc-comment examples of src/decide, executed, plus the "inputs are never
// modified" guarantee for every decision function.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  accuracy, confusionMatrix, conformal, epsilonGreedy, expectedCalibrationError, fitTemperature,
  perClassAccuracy, predict, reliabilityDiagram, routeTopK,
} from './index.js';
import { ndarray } from '../core/ndarray.js';
import { toNested } from '../core/toNested.js';
import { createRng } from '../random/createRng.js';
import { softmax } from '../prob/softmax.js';

describe('src/decide doc examples', () => {
  it('predict example: labels with threshold and abstain', () => {
    const p = predict([[2.0, 0.1, -1], [0.3, 0.2, 0.1]], { labels: ['cat', 'dog', 'fox'], threshold: 0.6, abstain: 'unsure' });
    expect(p.labels).toEqual(['cat', 'unsure']);
    expect(toNested(p.indices)).toEqual([0, 0]);
    expect(toNested(p.abstained)).toEqual([false, true]);
  });

  it('accuracy / perClassAccuracy / confusionMatrix examples', () => {
    expect(accuracy([0, 2, 1, 1], [0, 1, 1, 1])).toBe(0.75);
    const r = perClassAccuracy([0, 1, 1, 0], [0, 1, 0, 0], 3);
    expect(r[0]).toBeCloseTo(2 / 3, 15); expect(r[1]).toBe(1); expect(r[2]).toBeNaN();
    expect(toNested(confusionMatrix([0, 1, 1], [0, 0, 1], 2))).toEqual([[1, 1], [0, 1]]);
  });

  it('expectedCalibrationError example: 0.35', () => {
    expect(expectedCalibrationError([[0.9, 0.1], [0.6, 0.4]], [0, 1], { bins: 10 })).toBeCloseTo(0.35, 15);
  });

  it('epsilonGreedy examples', () => {
    const rng = createRng(7);
    expect(epsilonGreedy([0.1, 0.9, 0.3], { epsilon: 0, rng })).toBe(1);
    expect(epsilonGreedy([0.1, 0.9, 0.3], { epsilon: 0, rng, mask: [true, false, true] })).toBe(2);
  });

  it('routeTopK example', () => {
    const r = routeTopK([[2, 1, 3, 0], [0, 0, 5, 5]], 2);
    expect(toNested(r.experts)).toEqual([[2, 0], [2, 3]]);
    const w = toNested(r.weights) as number[][];
    expect(w[0]![0]).toBeCloseTo(0.731, 3);
    expect(w[0]![1]).toBeCloseTo(0.269, 3);
    expect(w[1]).toEqual([0.5, 0.5]);
    expect(Array.from(r.load)).toEqual([1, 0, 2, 1]);
  });

  it('fitTemperature example: temperature scaling lowers the ECE of an over-confident model', () => {
    // logits = 3 × (calibrated logits): the fitted T is near 3 and the ECE drops
    const rng = createRng(5);
    const N = 4000, C = 4;
    const z = new Float64Array(N * C), y = new Int32Array(N);
    for (let i = 0; i < N; i++) {
      const p: number[] = [];
      for (let j = 0; j < C; j++) { const v = 2 * (rng.uniform() - 0.5); z[i * C + j] = 3 * v; p.push(Math.exp(v)); }
      const s = p.reduce((a, b) => a + b, 0);
      let u = rng.uniform() * s; y[i] = C - 1;
      for (let j = 0; j < C; j++) { u -= p[j]!; if (u < 0) { y[i] = j; break; } }
    }
    const logits = ndarray(z, { shape: [N, C] });
    const T = fitTemperature(logits, y);
    expect(T).toBeGreaterThan(2.5);
    expect(T).toBeLessThan(3.6);
    const before = expectedCalibrationError(logits, y, { fromLogits: true });
    const after = expectedCalibrationError(softmax(logits, { temperature: T }), y);
    expect(after).toBeLessThan(before / 2);
  });
});

describe('predict invariants', () => {
  it('predict(random logits, {threshold, minMargin}) abstains exactly when confidence < threshold or margin < minMargin (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 10 }),
      fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }),
      (rows, threshold, minMargin) => {
        const p = predict(rows, { threshold, minMargin });
        const conf = toNested(p.confidence) as number[], marg = toNested(p.margin) as number[];
        const abst = toNested(p.abstained) as boolean[], idx = toNested(p.indices) as number[];
        rows.forEach((z, r) => {
          const s = toNested(softmax(z)) as number[];
          expect(conf[r]).toBe(Math.max(...s));
          expect(marg[r]).toBeGreaterThanOrEqual(0);
          expect(s[idx[r]!]).toBe(conf[r]);
          expect(abst[r]).toBe(conf[r]! < threshold || marg[r]! < minMargin);
        });
      }));
  });
});

describe('src/decide never modifies its inputs', () => {
  it('every decision function leaves typed-array inputs byte-identical', () => {
    const z = new Float32Array([2, 0.5, -1, 0.1, 0.2, 3, 1, 1, 1, -2, 4, 0]);
    const t = new Int32Array([0, 2, 1, 1]);
    const m = new Uint8Array([1, 1, 0]);
    const zc = z.slice(), tc = t.slice(), mc = m.slice();
    const logits = ndarray(z, { shape: [4, 3] });
    predict(logits, { threshold: 0.5 });
    accuracy(t, t); perClassAccuracy(t, t, 3); confusionMatrix(t, t, 3);
    expectedCalibrationError(logits, t, { fromLogits: true });
    reliabilityDiagram(logits, t, { fromLogits: true }).svg();
    fitTemperature(logits, t);
    conformal(logits, t, { alpha: 0.3, score: 'aps' }).predictSets(logits);
    epsilonGreedy(logits, { epsilon: 0.5, rng: createRng(1), mask: ndarray(m, { dtype: 'bool' }) });
    routeTopK(logits, 2, { normalize: false });
    expect(z).toEqual(zc); expect(t).toEqual(tc); expect(m).toEqual(mc);
  });
});
