import { describe, expect, it } from 'vitest';
import { predict } from './predict.js';
import { ndarray } from '../core/ndarray.js';
import { transpose, flip } from '../core/views.js';
import { toNested } from '../core/toNested.js';
import { LogitkitError } from '../errors/LogitkitError.js';

function code(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return e instanceof LogitkitError ? e.code : `not a LogitkitError: ${String(e)}`; }
  return undefined;
}

function softmaxRow(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

describe('predict', () => {
  const logits = [[2.0, 0.1, -1], [0.3, 0.2, 0.1], [-1, 4, 0]];

  it('predict(logits [N, C]) gives argmax indices, max-softmax confidence and top-1 minus top-2 margin', () => {
    const p = predict(logits);
    expect(p.indices.dtype).toBe('int32');
    expect(toNested(p.indices)).toEqual([0, 0, 1]);
    const conf = toNested(p.confidence) as number[], marg = toNested(p.margin) as number[];
    logits.forEach((z, r) => {
      const s = softmaxRow(z).sort((a, b) => b - a);
      expect(conf[r]).toBeCloseTo(s[0]!, 14);
      expect(marg[r]).toBeCloseTo(s[0]! - s[1]!, 14);
    });
    expect(toNested(p.abstained)).toEqual([false, false, false]);
    expect(p.labels).toBeUndefined();
  });

  it("predict(logits, {labels, threshold, abstain: 'unsure'}) labels rows and replaces abstained ones", () => {
    const p = predict(logits, { labels: ['cat', 'dog', 'fox'], threshold: 0.6, abstain: 'unsure' });
    expect(p.labels).toEqual(['cat', 'unsure', 'dog']);
    expect(toNested(p.abstained)).toEqual([false, true, false]);
    expect(toNested(p.indices)).toEqual([0, 0, 1]);
  });

  it('predict(logits, {labels, threshold}) without abstain keeps the class label of abstained rows', () => {
    const p = predict(logits, { labels: ['cat', 'dog', 'fox'], threshold: 0.6 });
    expect(p.labels).toEqual(['cat', 'cat', 'dog']);
    expect(toNested(p.abstained)).toEqual([false, true, false]);
  });

  it('predict(logits, {labels of the wrong length}) throws SHAPE_MISMATCH, input unchanged', () => {
    const labels = ['cat', 'dog'];
    expect(code(() => predict(logits, { labels }))).toBe('SHAPE_MISMATCH');
    expect(() => predict(logits, { labels })).toThrow(/labels has 2 entries but the class axis \(axis 1\) has 3 classes/);
    expect(labels).toEqual(['cat', 'dog']);
    expect(logits[1]).toEqual([0.3, 0.2, 0.1]);
  });

  it('predict(logits, {threshold: 0}) never abstains; {threshold: 1} abstains unless confidence is exactly 1', () => {
    expect(toNested(predict(logits, { threshold: 0 }).abstained)).toEqual([false, false, false]);
    expect(toNested(predict(logits, { threshold: 1 }).abstained)).toEqual([true, true, true]);
    expect(toNested(predict([[0, -Infinity]], { threshold: 1 }).abstained)).toEqual([false]);
  });

  it('predict(logits, {threshold}) is strict: confidence equal to the threshold is accepted', () => {
    expect(toNested(predict([[0, 0]], { threshold: 0.5 }).abstained)).toEqual([false]);
    expect(toNested(predict([[0, 0]], { threshold: 0.5000001 }).abstained)).toEqual([true]);
  });

  it('predict(tied top-1) gives margin 0, the lower index, and abstains under any minMargin > 0', () => {
    const p = predict([[1, 3, 3, 0]], { minMargin: 0.01 });
    expect(toNested(p.indices)).toEqual([1]);
    expect(toNested(p.margin)).toEqual([0]);
    expect(toNested(p.abstained)).toEqual([true]);
    expect(toNested(predict([[1, 3, 3, 0]], { minMargin: 0 }).abstained)).toEqual([false]);
  });

  it('predict(all-equal logits) gives confidence 1/C, margin 0, index 0', () => {
    const p = predict([[7, 7, 7, 7]]);
    expect(toNested(p.confidence)).toEqual([0.25]);
    expect(toNested(p.margin)).toEqual([0]);
    expect(toNested(p.indices)).toEqual([0]);
  });

  it('predict(rows with NaN logits) always abstains with NaN confidence, never a confident class', () => {
    const p = predict([[NaN, 100, 0], [1, 2, 3], [0, 0, Infinity]], { labels: ['a', 'b', 'c'], abstain: '?' });
    expect(toNested(p.abstained)).toEqual([true, false, true]);
    expect(p.labels).toEqual(['?', 'c', '?']);
    const conf = toNested(p.confidence) as number[];
    expect(conf[0]).toBeNaN();
    expect(conf[2]).toBeNaN();
    expect(toNested(p.indices)).toEqual([0, 2, 2]);
  });

  it('predict(segmentation [C, H, W], {axis: 0}) equals predict([H, W, C]) and gives [H, W] maps', () => {
    const C = 3, H = 2, W = 4;
    const hwc = ndarray(new Float64Array(H * W * C).map((_, i) => Math.sin(i * 1.7) * 3), { shape: [H, W, C] });
    const chw = transpose(hwc, [2, 0, 1]);
    const a = predict(chw, { axis: 0, labels: ['sky', 'road', 'car'] });
    const b = predict(hwc, { axis: -1, labels: ['sky', 'road', 'car'] });
    expect(a.indices.shape).toEqual([H, W]);
    expect(toNested(a.indices)).toEqual(toNested(b.indices));
    expect(toNested(a.confidence)).toEqual(toNested(b.confidence));
    expect(a.labels).toEqual(b.labels);
    expect(a.labels).toHaveLength(H * W);
  });

  it('predict(negative-stride view) equals its contiguous copy', () => {
    const x = ndarray([[1, 5, 2], [3, 0, 4]]);
    const f = flip(x, 1);
    const p = predict(f);
    expect(toNested(p.indices)).toEqual(toNested(predict([[2, 5, 1], [4, 0, 3]]).indices));
  });

  it('predict(1-D logits) gives 0-d outputs and one label', () => {
    const p = predict([0.2, 3, 1], { labels: ['x', 'y', 'z'] });
    expect(p.indices.shape).toEqual([]);
    expect(toNested(p.indices)).toBe(1);
    expect(p.labels).toEqual(['y']);
  });

  it('predict(float16, int32 and {data, dims} tensor logits) agrees with the float64 result', () => {
    const ref = toNested(predict([[1, 3, 2], [0, -1, 4]]).indices);
    // float16 bits of 1, 3, 2, 0, -1, 4
    const f16 = ndarray(new Uint16Array([0x3c00, 0x4200, 0x4000, 0x0000, 0xbc00, 0x4400]), { shape: [2, 3], dtype: 'float16' });
    expect(toNested(predict(f16).indices)).toEqual(ref);
    expect(toNested(predict(ndarray(new Int32Array([1, 3, 2, 0, -1, 4]), { shape: [2, 3] })).indices)).toEqual(ref);
    const p = predict({ data: new Float32Array([1, 3, 2, 0, -1, 4]), dims: [2, 3] }, { labels: ['a', 'b', 'c'] });
    expect(p.labels).toEqual(['b', 'c']);
  });

  it('predict(single class) gives confidence 1 and margin 1', () => {
    const p = predict([[3], [-2]]);
    expect(toNested(p.confidence)).toEqual([1, 1]);
    expect(toNested(p.margin)).toEqual([1, 1]);
  });

  it('predict(logits, {threshold or minMargin outside [0, 1]}) throws INVALID_ARGUMENT', () => {
    for (const o of [{ threshold: -0.1 }, { threshold: 1.5 }, { threshold: NaN }, { minMargin: 2 }]) {
      expect(code(() => predict(logits, o))).toBe('INVALID_ARGUMENT');
    }
  });

  it('predict(empty class axis) throws EMPTY_REDUCTION; bad axis throws AXIS_OUT_OF_BOUNDS', () => {
    expect(code(() => predict(ndarray(new Float64Array(0), { shape: [2, 0] })))).toBe('EMPTY_REDUCTION');
    expect(code(() => predict(logits, { axis: 2 }))).toBe('AXIS_OUT_OF_BOUNDS');
  });
});
