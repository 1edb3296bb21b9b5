import { toNDArray } from '../../core/ndarray.js';
import { invalidArgument } from '../../errors/messages.js';
import { softmax } from '../../prob/softmax.js';
import { assertSameShape, classAxis, classRows, readClassIndices } from './classes.js';

/** One equal-width confidence bin (lo, hi] of a reliability diagram. */
export interface CalibrationBin {
  /** Lower edge (exclusive, except 0 for the first bin). */
  readonly lo: number;
  /** Upper edge (inclusive). */
  readonly hi: number;
  /** Mean confidence (max probability) of the samples in the bin; NaN when empty. */
  readonly confidence: number;
  /** Fraction of those samples whose top-1 class is the target; NaN when empty. */
  readonly accuracy: number;
  /** Number of samples in the bin. */
  readonly count: number;
}

/** Options shared by expectedCalibrationError and reliabilityDiagram. */
export interface CalibrationOptions {
  /** Number of equal-width bins over [0, 1]; an integer in [1, 100000]. Default 15. */
  bins?: number;
  /** Treat the input as logits (softmax over the last axis first). Default false: probabilities, used as given. */
  fromLogits?: boolean;
}

export const MAX_BINS = 100_000;
/** float32 softmax may overshoot 1 by an ulp or two; beyond this we assume logits were passed as probabilities. */
const PROB_TOLERANCE = 1e-6;

/**
 * Bins the top-1 confidence of every row (class axis -1) into `bins`
 * equal-width bins with edges m / bins, bin m covering (m / bins, (m+1) / bins]
 * and the first also containing 0, then returns per-bin means and the ECE
 * sum_m (n_m / N) |acc_m − conf_m|. O(N·C + bins).
 */
export function calibrationBins(probsOrLogits: unknown, target: unknown, opts: CalibrationOptions, fn: string): { bins: CalibrationBin[]; ece: number; n: number } {
  const nbins = opts.bins ?? 15;
  if (typeof nbins !== 'number' || !Number.isInteger(nbins) || nbins < 1 || nbins > MAX_BINS) {
    throw invalidArgument(`${fn}: bins must be an integer in [1, ${MAX_BINS}], got ${String(nbins)}`);
  }
  const fromLogits = opts.fromLogits ?? false;
  if (typeof fromLogits !== 'boolean') throw invalidArgument(`${fn}: fromLogits must be a boolean, got ${String(fromLogits)}`);
  const x = toNDArray(probsOrLogits, 'probsOrLogits');
  const axis = classAxis(x, -1, fn);
  const probs = fromLogits ? softmax(x, { axis }) : x;
  const rows = classRows(probs, axis);
  const t = readClassIndices(target, 'target', fn, rows.classes);
  assertSameShape(rows.outShape, t.shape, fn, 'target', `probsOrLogits without its class axis`);

  const count = new Float64Array(nbins), sumConf = new Float64Array(nbins), sumHit = new Float64Array(nbins);
  const C = rows.classes, d = rows.data;
  for (let r = 0; r < rows.rows; r++) {
    const base = r * C;
    let best = 0, conf = d[base]!;
    for (let j = 0; j < C; j++) {
      const v = d[base + j]!;
      if (!(v >= 0 && v <= 1 + PROB_TOLERANCE)) {
        throw invalidArgument(`${fn}: probabilities must be in [0, 1], got ${v} in row ${r}` +
          (fromLogits ? ' (the logits row has a NaN or +Infinity)' : ' (pass fromLogits: true for logits)'));
      }
      if (v > conf) { conf = v; best = j; }
    }
    if (conf > 1) conf = 1;
    const m = binOf(conf, nbins);
    count[m]!++;
    sumConf[m]! += conf;
    if (best === t.values[r]) sumHit[m]!++;
  }
  const n = rows.rows;
  const bins: CalibrationBin[] = [];
  let ece = 0;
  for (let m = 0; m < nbins; m++) {
    const c = count[m]!;
    bins.push({ lo: m / nbins, hi: (m + 1) / nbins, confidence: c ? sumConf[m]! / c : NaN, accuracy: c ? sumHit[m]! / c : NaN, count: c });
    ece += Math.abs(sumHit[m]! - sumConf[m]!);
  }
  return { bins, ece: n === 0 ? NaN : ece / n, n };
}

/** The bin m with m / B < c <= (m + 1) / B (bin 0 also takes c = 0), using exactly those edges. */
export function binOf(c: number, B: number): number {
  let m = Math.ceil(c * B) - 1;
  if (m < 0) m = 0;
  if (m > B - 1) m = B - 1;
  while (m > 0 && c <= m / B) m--;
  while (m < B - 1 && c > (m + 1) / B) m++;
  return m;
}
