import { describe, expect, it } from 'vitest';
import { gumbelSoftmax } from './gumbelSoftmax.js';
import { softmax } from './softmax.js';
import { createRng } from '../random/createRng.js';
import { ndarray } from '../core/ndarray.js';
import { toNested } from '../core/toNested.js';
import { transpose } from '../core/views.js';
import { LogitkitError } from '../errors/LogitkitError.js';

/** Upper 0.999 quantiles of chi-square with df degrees of freedom (df = 1..8). */
const CHI2_999 = [0, 10.83, 13.82, 16.27, 18.47, 20.52, 22.46, 24.32, 26.12];

describe('gumbelSoftmax', () => {
  it('gumbelSoftmax(x, {temperature, rng}) rows are probability vectors and equal softmax((x + g) / τ) with g drawn in C order', () => {
    const x = [[1, 2, 3], [0, -1, 0.5]];
    const y = gumbelSoftmax(x, { temperature: 0.7, rng: createRng(5) });
    const r = createRng(5);
    const g = [[r.gumbel(), r.gumbel(), r.gumbel()], [r.gumbel(), r.gumbel(), r.gumbel()]];
    const ref = softmax(x.map((row, i) => row.map((v, j) => v + g[i]![j]!)), { temperature: 0.7 });
    const a = Array.from(y.data as Float64Array), b = Array.from(ref.data as Float64Array);
    a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThan(1e-15));
    expect(y.dtype).toBe('float64');
  });

  it('gumbelSoftmax along axis 0 draws the same C-order noise as along axis -1 of the transpose\'s copy', () => {
    const base = ndarray(Float32Array.from([1, 2, 3, 4, 5, 6]), { shape: [2, 3] });
    const t = transpose(base); // [3, 2]
    const viaView = gumbelSoftmax(t, { temperature: 1, rng: createRng(9), axis: 0 });
    const viaCopy = gumbelSoftmax(ndarray(toNested(t) as number[][], { dtype: 'float32' }), { temperature: 1, rng: createRng(9), axis: 0 });
    expect(viaView.dtype).toBe('float32');
    expect(Array.from(viaView.data as Float32Array)).toEqual(Array.from(viaCopy.data as Float32Array));
    const cols = toNested(viaView) as number[][];
    for (let c = 0; c < 2; c++) expect(Math.abs(cols[0]![c]! + cols[1]![c]! + cols[2]![c]! - 1)).toBeLessThan(1e-6);
  });

  it('gumbelSoftmax(x, {hard: true}) is the one-hot of the relaxed sample\'s argmax and never picks -Infinity', () => {
    const x = [[0.1, 2, -Infinity, 1], [5, 5, 5, 5]];
    const soft = toNested(gumbelSoftmax(x, { temperature: 0.3, rng: createRng(123) })) as number[][];
    const hard = toNested(gumbelSoftmax(x, { temperature: 0.3, rng: createRng(123), hard: true })) as number[][];
    for (let r = 0; r < 2; r++) {
      const best = soft[r]!.indexOf(Math.max(...soft[r]!));
      expect(hard[r]).toEqual(soft[r]!.map((_, j) => (j === best ? 1 : 0)));
      expect(hard[r]![2] === 1 && r === 0).toBe(false);
    }
  });

  it('gumbel-max frequencies match softmax probabilities (chi-square at p = 0.001, fixed seed)', () => {
    const logits = [0.5, -1, 2, 0, 1.2, -0.3];
    const p = Array.from(softmax(logits).data as Float64Array);
    const rng = createRng(20261123);
    const draws = 30_000;
    const counts = new Array<number>(logits.length).fill(0);
    for (let d = 0; d < draws; d++) {
      const y = gumbelSoftmax([logits], { temperature: 1, rng, hard: true }).data as Float64Array;
      counts[y.indexOf(1)]!++;
    }
    const chi2 = counts.reduce((s, c, i) => s + (c - draws * p[i]!) ** 2 / (draws * p[i]!), 0);
    expect(chi2).toBeLessThan(CHI2_999[logits.length - 1]!);
    // and the test has power: the uniform distribution is rejected
    const chiUniform = counts.reduce((s, c) => s + (c - draws / 6) ** 2 / (draws / 6), 0);
    expect(chiUniform).toBeGreaterThan(CHI2_999[5]!);
  });

  it('gumbelSoftmax with the same seed is reproducible, and NaN rows stay NaN', () => {
    const a = gumbelSoftmax([[1, 2, 3]], { temperature: 2, rng: createRng(0) });
    const b = gumbelSoftmax([[1, 2, 3]], { temperature: 2, rng: createRng(0) });
    expect(toNested(a)).toEqual(toNested(b));
    const nan = gumbelSoftmax([[1, NaN]], { temperature: 1, rng: createRng(0), hard: true });
    expect(Array.from(nan.data as Float64Array).every(Number.isNaN)).toBe(true);
  });

  it('gumbelSoftmax rejects a missing rng or a bad temperature before drawing, input unchanged', () => {
    const x = new Float32Array([1, 2]);
    const rng = createRng(1);
    const code = (f: () => unknown) => { try { f(); } catch (e) { return e instanceof LogitkitError ? e.code : 'other'; } return 'none'; };
    expect(code(() => gumbelSoftmax(x, { temperature: 1 } as never))).toBe('INVALID_ARGUMENT');
    expect(code(() => gumbelSoftmax(x, { rng } as never))).toBe('INVALID_ARGUMENT');
    expect(code(() => gumbelSoftmax(x, { temperature: -1, rng }))).toBe('INVALID_ARGUMENT');
    expect(code(() => gumbelSoftmax(x, { temperature: 1, rng, hard: 1 as unknown as boolean }))).toBe('INVALID_ARGUMENT');
    expect(code(() => gumbelSoftmax(x, { temperature: 1, rng, axis: 3 }))).toBe('AXIS_OUT_OF_BOUNDS');
    expect(rng.uniform()).toBe(createRng(1).uniform());
    expect(Array.from(x)).toEqual([1, 2]);
  });
});
