import type { ArrayInput } from '../core/ndarray.js';
import { calibrationBins, type CalibrationBin, type CalibrationOptions } from './internal/calibration.js';

export type { CalibrationBin } from './internal/calibration.js';

/** The result of {@link reliabilityDiagram}. */
export interface ReliabilityDiagram {
  /** Every bin, in order, empty ones included (count 0, NaN confidence and accuracy). */
  readonly bins: CalibrationBin[];
  /** The expected calibration error over these bins (as {@link expectedCalibrationError}). */
  readonly ece: number;
  /** A self-contained SVG document (no scripts, no external resources) plotting accuracy against confidence. */
  svg(): string;
}

/**
 * The data of a reliability diagram: per equal-width confidence bin, the mean
 * confidence, the accuracy and the count, with the ECE, and an SVG rendering.
 *
 * Binning, parameters, NaN policy and errors are those of
 * {@link expectedCalibrationError} (bins (m/B, (m+1)/B], first includes 0;
 * default 15 bins; probabilities unless `fromLogits: true`).
 *
 * The SVG shows one bar per bin at its accuracy, the gap to the bin's mean
 * confidence shaded, the diagonal of perfect calibration, labelled axes, the
 * ECE and N in the title, and a tooltip (`<title>`) per bar with the numbers.
 * Bars under the diagonal mean over-confidence.
 *
 * Complexity: O(N·C + bins); `svg()` is O(bins).
 *
 * @example
 * const d = reliabilityDiagram(logits, target, { fromLogits: true, bins: 10 });
 * d.bins[9] // { lo: 0.9, hi: 1, confidence: 0.97, accuracy: 0.91, count: 412 }
 * writeFileSync('reliability.svg', d.svg());
 *
 * See also: expectedCalibrationError, fitTemperature.
 */
export function reliabilityDiagram(probsOrLogits: ArrayInput, target: ArrayInput, opts: CalibrationOptions = {}): ReliabilityDiagram {
  const { bins, ece, n } = calibrationBins(probsOrLogits, target, opts, 'reliabilityDiagram');
  return { bins, ece, svg: () => renderSvg(bins, ece, n) };
}

const W = 480, H = 480, L = 64, R = 24, T = 48, B = 60;
const PW = W - L - R, PH = H - T - B;

function fmt(v: number, d = 3): string {
  return Number.isFinite(v) ? v.toFixed(d) : 'n/a';
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function renderSvg(bins: CalibrationBin[], ece: number, n: number): string {
  const x = (v: number): number => L + v * PW;
  const y = (v: number): number => T + (1 - v) * PH;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<title>Reliability diagram: ECE ${fmt(ece, 4)}, N ${n}</title>`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${W / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">Reliability diagram</text>`);
  out.push(`<text x="${W / 2}" y="40" text-anchor="middle" fill="#444">ECE = ${fmt(ece, 4)} · N = ${n} · ${bins.length} bins</text>`);
  // grid and ticks
  for (let i = 0; i <= 5; i++) {
    const v = i / 5;
    out.push(`<line x1="${x(0)}" y1="${y(v).toFixed(1)}" x2="${x(1)}" y2="${y(v).toFixed(1)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${x(0) - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v.toFixed(1)}</text>`);
    out.push(`<text x="${x(v).toFixed(1)}" y="${y(0) + 18}" text-anchor="middle">${v.toFixed(1)}</text>`);
  }
  // bars: accuracy (blue) and the gap to the mean confidence (red, translucent)
  for (const b of bins) {
    if (b.count === 0) continue;
    const bx = x(b.lo) + 1, bw = Math.max(x(b.hi) - x(b.lo) - 2, 0.5);
    const tip = `<title>${escapeXml(`(${fmt(b.lo)}, ${fmt(b.hi)}]: accuracy ${fmt(b.accuracy)}, confidence ${fmt(b.confidence)}, count ${b.count}`)}</title>`;
    out.push(`<rect x="${bx.toFixed(1)}" y="${y(b.accuracy).toFixed(1)}" width="${bw.toFixed(1)}" height="${(y(0) - y(b.accuracy)).toFixed(1)}" fill="#3b6fb6">${tip}</rect>`);
    const top = Math.max(b.accuracy, b.confidence), bottom = Math.min(b.accuracy, b.confidence);
    out.push(`<rect x="${bx.toFixed(1)}" y="${y(top).toFixed(1)}" width="${bw.toFixed(1)}" height="${(y(bottom) - y(top)).toFixed(1)}" fill="#d62728" fill-opacity="0.35" stroke="#d62728" stroke-width="0.8">${tip}</rect>`);
  }
  // perfect calibration and the frame
  out.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#333" stroke-dasharray="5,4"/>`);
  out.push(`<rect x="${x(0)}" y="${y(1)}" width="${PW}" height="${PH}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${x(0.5)}" y="${H - 22}" text-anchor="middle">Confidence (top-1 probability)</text>`);
  out.push(`<text transform="translate(18 ${y(0.5)}) rotate(-90)" text-anchor="middle">Accuracy</text>`);
  // legend
  const lx = x(0) + 10, ly = y(1) + 12;
  out.push(`<rect x="${lx}" y="${ly}" width="12" height="12" fill="#3b6fb6"/><text x="${lx + 18}" y="${ly + 10}">accuracy</text>`);
  out.push(`<rect x="${lx}" y="${ly + 18}" width="12" height="12" fill="#d62728" fill-opacity="0.35" stroke="#d62728"/><text x="${lx + 18}" y="${ly + 28}">gap to confidence</text>`);
  out.push(`<line x1="${lx}" y1="${ly + 42}" x2="${lx + 12}" y2="${ly + 42}" stroke="#333" stroke-dasharray="3,2"/><text x="${lx + 18}" y="${ly + 46}">perfect calibration</text>`);
  out.push('</svg>');
  return out.join('\n');
}
