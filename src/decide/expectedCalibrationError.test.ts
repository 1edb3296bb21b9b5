import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { expectedCalibrationError } from './expectedCalibrationError.js';
import { reliabilityDiagram } from './reliabilityDiagram.js';
import { binOf } from './internal/calibration.js';
import { ndarray } from '../core/ndarray.js';
import { transpose } from '../core/views.js';
import { LogitkitError } from '../errors/LogitkitError.js';

const fx = JSON.parse(readFileSync(new URL('../../test/fixtures/decide.json', import.meta.url), 'utf8')) as {
  ece_probs: { probs: number[][]; target: number[]; cases: { bins: number; ece: number; bins_detail: { count: number; accuracy: number | null; confidence: number | null }[] }[] };
  ece_logits: { logits: number[][]; target: number[]; cases: { bins: number; ece: number }[] };
};

function code(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return e instanceof LogitkitError ? e.code : `not a LogitkitError: ${String(e)}`; }
  return undefined;
}

describe('expectedCalibrationError', () => {
  it('expectedCalibrationError(probs, target, {bins}) matches NumPy (Guo et al. bins, edges included)', () => {
    for (const c of fx.ece_probs.cases) {
      expect(expectedCalibrationError(fx.ece_probs.probs, fx.ece_probs.target, { bins: c.bins })).toBeCloseTo(c.ece, 12);
    }
  });

  it('expectedCalibrationError(logits, target, {fromLogits: true}) matches NumPy on softmax(logits)', () => {
    for (const c of fx.ece_logits.cases) {
      expect(expectedCalibrationError(fx.ece_logits.logits, fx.ece_logits.target, { bins: c.bins, fromLogits: true })).toBeCloseTo(c.ece, 12);
    }
  });

  it('expectedCalibrationError defaults to 15 bins', () => {
    const c15 = fx.ece_probs.cases.find((c) => c.bins === 15)!;
    expect(expectedCalibrationError(fx.ece_probs.probs, fx.ece_probs.target)).toBeCloseTo(c15.ece, 12);
  });

  it('expectedCalibrationError(a transposed view) equals the contiguous copy', () => {
    const p = fx.ece_probs.probs.slice(0, 40);
    const t = fx.ece_probs.target.slice(0, 40);
    const colMajor = transpose(ndarray(p[0]!.map((_, j) => p.map((row) => row[j]!))));
    expect(expectedCalibrationError(colMajor, t, { bins: 10 })).toBe(expectedCalibrationError(p, t, { bins: 10 }));
  });

  it('expectedCalibrationError of a perfectly calibrated toy set is 0 and of a confident wrong one is its confidence', () => {
    expect(expectedCalibrationError([[0.5, 0.5], [0.5, 0.5]], [0, 1], { bins: 10 })).toBe(0);
    expect(expectedCalibrationError([[0.9, 0.1]], [1], { bins: 10 })).toBeCloseTo(0.9, 15);
  });

  it('expectedCalibrationError(logits passed as probabilities) throws INVALID_ARGUMENT suggesting fromLogits', () => {
    expect(code(() => expectedCalibrationError([[2.5, -1]], [0]))).toBe('INVALID_ARGUMENT');
    expect(() => expectedCalibrationError([[2.5, -1]], [0])).toThrow(/fromLogits: true/);
  });

  it('expectedCalibrationError(probs with NaN, or logits with NaN) throws INVALID_ARGUMENT', () => {
    expect(code(() => expectedCalibrationError([[NaN, 0.5]], [0]))).toBe('INVALID_ARGUMENT');
    expect(code(() => expectedCalibrationError([[NaN, 0.5]], [0], { fromLogits: true }))).toBe('INVALID_ARGUMENT');
  });

  it('expectedCalibrationError(..., {bins: 0 | 2.5 | NaN}) throws INVALID_ARGUMENT; target out of range too', () => {
    for (const bins of [0, 2.5, NaN, -3]) expect(code(() => expectedCalibrationError([[0.5, 0.5]], [0], { bins }))).toBe('INVALID_ARGUMENT');
    expect(code(() => expectedCalibrationError([[0.5, 0.5]], [2]))).toBe('INVALID_ARGUMENT');
  });

  it('expectedCalibrationError(probs [N, C], target of another length) throws SHAPE_MISMATCH', () => {
    expect(code(() => expectedCalibrationError([[0.5, 0.5]], [0, 1]))).toBe('SHAPE_MISMATCH');
  });

  it('binOf(c, B) puts edge values in the lower bin and 0 in bin 0', () => {
    expect(binOf(0, 10)).toBe(0);
    expect(binOf(0.1, 10)).toBe(0);
    expect(binOf(0.3, 10)).toBe(2);
    expect(binOf(0.30000000000000004, 10)).toBe(3);
    expect(binOf(1, 10)).toBe(9);
    expect(binOf(1, 1)).toBe(0);
    for (let B = 1; B <= 40; B++) for (let m = 1; m <= B; m++) expect(binOf(m / B, B)).toBe(m - 1);
  });
});

describe('reliabilityDiagram', () => {
  it('reliabilityDiagram(probs, target, {bins}) lists every bin with NumPy counts and means, empty ones NaN', () => {
    for (const c of fx.ece_probs.cases) {
      const d = reliabilityDiagram(fx.ece_probs.probs, fx.ece_probs.target, { bins: c.bins });
      expect(d.bins).toHaveLength(c.bins);
      expect(d.ece).toBeCloseTo(c.ece, 12);
      d.bins.forEach((b, m) => {
        const ref = c.bins_detail[m]!;
        expect(b.lo).toBe(m / c.bins);
        expect(b.hi).toBe((m + 1) / c.bins);
        expect(b.count).toBe(ref.count);
        if (ref.count === 0) { expect(b.accuracy).toBeNaN(); expect(b.confidence).toBeNaN(); }
        else { expect(b.accuracy).toBeCloseTo(ref.accuracy!, 12); expect(b.confidence).toBeCloseTo(ref.confidence!, 12); }
      });
    }
  });

  it('reliabilityDiagram(...).svg() is a self-contained SVG document with the ECE, axis labels and one bar per non-empty bin', () => {
    const d = reliabilityDiagram(fx.ece_logits.logits, fx.ece_logits.target, { bins: 10, fromLogits: true });
    const svg = d.svg();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg).toContain(`ECE = ${d.ece.toFixed(4)}`);
    expect(svg).toContain('Confidence');
    expect(svg).toContain('Accuracy');
    expect(svg).not.toMatch(/<script|href=|url\(/);
    const nonEmpty = d.bins.filter((b) => b.count > 0).length;
    expect((svg.match(/fill="#3b6fb6">/g) ?? []).length).toBe(nonEmpty);
    expect(svg).not.toContain('NaN');
  });
});
