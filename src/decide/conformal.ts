import type { ArrayInput } from '../core/ndarray.js';
import { toNDArray } from '../core/ndarray.js';
import { describe, invalidArgument, shapeMismatch } from '../errors/messages.js';
import { softmax } from '../prob/softmax.js';
import { compareDescNanFirst } from '../internal/order.js';
import { assertSameShape, classAxis, classRows, readClassIndices } from './internal/classes.js';

/** Options of {@link conformal}. */
export interface ConformalOptions {
  /** The miscoverage level: sets contain the true class with probability >= 1 − alpha. In (0, 1). */
  alpha: number;
  /** The non-conformity score: 'lac' (default, 1 − p_true; sets may be empty) or 'aps' (cumulative mass up to and including the true class; sets never empty). */
  score?: 'lac' | 'aps';
}

/** A calibrated split-conformal predictor. */
export interface ConformalPredictor {
  /** The calibrated score threshold q̂ (+Infinity when n is too small for alpha). */
  readonly threshold: number;
  readonly alpha: number;
  readonly score: 'lac' | 'aps';
  /** Number of calibration samples. */
  readonly n: number;
  /**
   * The prediction set of every row of `logits` ([N, C] or [C], class axis
   * last, C as in calibration, else SHAPE_MISMATCH), classes listed by
   * descending probability (lower index first on ties). A row with a NaN
   * logit (undefined probabilities) gets every class, in index order: no
   * information, no exclusion.
   */
  predictSets(logits: ArrayInput): number[][];
}

/**
 * Split conformal prediction sets for a classifier (Vovk et al.; Angelopoulos
 * & Bates 2021, "A Gentle Introduction to Conformal Prediction"). Calibrate on
 * held-out logits and targets; then `predictSets` returns, for each new row, a
 * set of classes that contains the true class with probability >= 1 − alpha
 * (marginally, assuming calibration and test data are exchangeable), whatever
 * the model.
 *
 * Scores (p = softmax of the logits, class axis last):
 * - `'lac'` (default, least ambiguous set-valued classifier, Sadinle et al.
 *   2019): s = 1 − p_true; the set is {j : 1 − p_j <= q̂}. Smallest sets on
 *   average; a set may be empty (no class is likely enough).
 * - `'aps'` (adaptive prediction sets, Romano et al. 2020, non-randomised):
 *   s = total mass of the classes ranked at or above the true class (by
 *   descending p, lower index first on ties). The set is the shortest prefix
 *   of that ranking whose cumulative mass reaches q̂ (Romano et al.'s
 *   deterministic rule, MAPIE's `include_last_label=True`): never empty,
 *   larger on hard inputs. It contains {j : s(x, j) <= q̂} (the set of
 *   Angelopoulos & Bates' reference code) plus at most the one class that
 *   crosses q̂, so it covers at least as often — slightly conservatively —
 *   and a confident input gets its top class instead of an empty set.
 *   Masses are computed as 1 − (mass ranked below), so the last class has
 *   exactly 1 and q̂ = 1 never depends on rounding in a sum.
 *
 * Threshold: with n calibration scores, q̂ is the k-th smallest where
 * k = ceil((n + 1)(1 − alpha)) (the finite-sample corrected quantile
 * ceil((n+1)(1−alpha))/n). If k > n (n too small for alpha, e.g. n < 19 at
 * alpha 0.05), q̂ = +Infinity and every class is in every set.
 * (k is computed with a 1e-9 guard so that 0.9 · 100 does not round up to 91.)
 *
 * @param calLogits calibration logits, [n, C] (or [..., C]).
 * @param calTarget their true classes, [n] (the logits' shape without C).
 * @param opts `alpha` in (0, 1) (required), `score`.
 *
 * NaN policy: a calibration row with a NaN (or +Infinity) logit is
 * `INVALID_ARGUMENT` (its score is undefined and would corrupt q̂).
 * Errors: alpha outside (0, 1), an unknown score, a target outside [0, C) →
 * `INVALID_ARGUMENT`; shape mismatches → `SHAPE_MISMATCH`.
 * Complexity: calibration O(n·C + n log n) (plus a per-row sort for APS);
 * predictSets O(N·C log C) for APS, O(N·(C + s log s)) for LAC with sets of size s.
 *
 * @example
 * const cp = conformal(calLogits, calTarget, { alpha: 0.1 });
 * cp.predictSets([[4, 1, 0.5], [1, 1.1, 0.9]]) // e.g. [[0], [1, 0, 2]]: unsure rows get bigger sets
 *
 * See also: predict (abstention by threshold), fitTemperature.
 */
export function conformal(calLogits: ArrayInput, calTarget: ArrayInput, opts: ConformalOptions): ConformalPredictor {
  const fn = 'conformal';
  if (typeof opts !== 'object' || opts === null) throw invalidArgument(`${fn}: opts with alpha in (0, 1) is required, got ${describe(opts)}`);
  const alpha = opts.alpha;
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) throw invalidArgument(`${fn}: alpha must be a number in (0, 1), got ${describe(alpha)}`);
  const score = opts.score ?? 'lac';
  if (score !== 'lac' && score !== 'aps') throw invalidArgument(`${fn}: score must be 'lac' or 'aps', got ${describe(score)}`);
  const x = toNDArray(calLogits, 'calLogits');
  const axis = classAxis(x, -1, fn);
  const rows = classRows(softmax(x, { axis }), axis);
  const C = rows.classes;
  const t = readClassIndices(calTarget, 'calTarget', fn, C);
  assertSameShape(rows.outShape, t.shape, fn, 'calTarget', 'calLogits without its class axis');
  const n = rows.rows;
  const scores = new Float64Array(n);
  const order = new Int32Array(C);
  for (let r = 0; r < n; r++) {
    const p = rows.data.subarray(r * C, (r + 1) * C);
    if (p.some((v) => v !== v)) throw invalidArgument(`${fn}: calLogits row ${r} has a NaN or +Infinity logit (undefined probabilities)`);
    const y = t.values[r]!;
    if (score === 'lac') scores[r] = 1 - p[y]!;
    else {
      rankDescending(p, order);
      // 1 − (mass ranked below y), summed from the bottom: the same value as the
      // cumulative mass through y, but exactly 1 for the last class.
      let below = 0;
      for (let i = C - 1; i >= 0; i--) { const j = order[i]!; if (j === y) break; below += p[j]!; }
      scores[r] = 1 - below;
    }
  }
  scores.sort();
  const k = Math.ceil((n + 1) * (1 - alpha) - 1e-9);
  const threshold = k > n ? Infinity : scores[Math.max(k, 1) - 1]!;

  const predictSets = (logits: ArrayInput): number[][] => {
    const z = toNDArray(logits, 'logits');
    const zAxis = classAxis(z, -1, 'predictSets');
    if (z.shape[zAxis] !== C) throw shapeMismatch(`predictSets: logits have ${z.shape[zAxis]} classes, the predictor was calibrated with ${C}`);
    const zr = classRows(softmax(z, { axis: zAxis }), zAxis);
    const sets: number[][] = [];
    const ord = new Int32Array(C), mass = new Float64Array(C);
    for (let r = 0; r < zr.rows; r++) {
      const p = zr.data.subarray(r * C, (r + 1) * C);
      const set: number[] = [];
      let nan = false;
      for (let j = 0; j < C; j++) if (p[j]! !== p[j]!) { nan = true; break; }
      if (nan) { for (let j = 0; j < C; j++) set.push(j); sets.push(set); continue; }
      if (score === 'lac') {
        // members first (usually a handful), then only they are ranked
        for (let j = 0; j < C; j++) if (1 - p[j]! <= threshold) set.push(j);
        if (set.length > 1) set.sort((a, b) => compareDescNanFirst(p[a]!, p[b]!) || a - b);
      } else {
        rankDescending(p, ord);
        // cumulative masses 1 − below_i grow along the ranking; keep the ranks up to
        // the first one whose mass reaches the threshold (the last rank at worst)
        let below = 0;
        for (let i = C - 1; i >= 0; i--) { mass[i] = 1 - below; below += p[ord[i]!]!; }
        for (let i = 0; i < C; i++) { set.push(ord[i]!); if (mass[i]! >= threshold) break; }
      }
      sets.push(set);
    }
    return sets;
  };
  return { threshold, alpha, score, n, predictSets };
}

/** Class indices by descending probability, lower index first on ties. */
function rankDescending(p: Float64Array | Float32Array, order: Int32Array): void {
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => compareDescNanFirst(p[a]!, p[b]!) || a - b);
}
