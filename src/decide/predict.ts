import type { NDArray } from '../core/StridedArray.js';
import { emptyArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { toNDArray } from '../core/ndarray.js';
import { toFloatArray } from '../core/values.js';
import { describe, invalidArgument, shapeMismatch } from '../errors/messages.js';
import { softmax } from '../prob/softmax.js';
import { argmax } from '../reduce/argmax.js';
import { classAxis, classRows } from './internal/classes.js';

/** Options of {@link predict}. */
export interface PredictOptions {
  /** The class axis (negative counts from the end, a string names an axis). Default -1. */
  axis?: number | string;
  /** One name per class; its length must equal the class-axis length. */
  labels?: readonly string[];
  /** Abstain when the top-1 probability is below this (strict). In [0, 1]; default 0 (never). */
  threshold?: number;
  /** Abstain when top-1 minus top-2 probability is below this (strict). In [0, 1]; default 0 (never). */
  minMargin?: number;
  /** The label given to abstained rows (only used with `labels`). Default: abstained rows keep their class label. */
  abstain?: string;
}

/** The result of {@link predict}; every array has the input's shape without the class axis. */
export interface Prediction {
  /** int32 index of the top class (the argmax of the logits), also for abstained rows. */
  indices: NDArray;
  /** One label per row in C order (only when `labels` was given); abstained rows get `abstain` when it was given. */
  labels?: string[];
  /** float64 top-1 softmax probability (computed in the softmax's precision: float32 unless the logits are float64); NaN for rows with undefined probabilities. */
  confidence: NDArray;
  /** float64 top-1 minus top-2 softmax probability (0 on a tie for top-1; 1 − 0 for a single class); NaN like confidence. */
  margin: NDArray;
  /** bool: true where the row abstains. */
  abstained: NDArray;
}

/**
 * Turns logits into decisions: the top class, its label, its confidence
 * (max softmax probability) and margin (top-1 minus top-2 probability), and
 * whether to abstain (defer to a human, a bigger model, a retry) because the
 * model is unsure.
 *
 * A row abstains when `confidence < threshold` or `margin < minMargin` (both
 * strict, so threshold 0 never abstains and threshold 1 abstains unless the
 * top class has probability exactly 1), or when its probabilities are
 * undefined. An abstained row keeps its argmax index (so you can still
 * inspect it); with `labels` and `abstain`, its label becomes `abstain`.
 *
 * Shapes: any class axis. [N, C] (default axis -1) gives [N] outputs; a
 * segmentation map [C, H, W] with `axis: 0`, or [H, W, C] with `axis: -1`,
 * gives [H, W] label maps (`labels` is then the flat C-order list of H·W names).
 * A 1-D [C] input gives 0-d arrays and one label.
 *
 * Caution — labels: `labels.length` must equal the number of classes, else
 * `SHAPE_MISMATCH`. A labels file from another model version (one class
 * added or removed) would otherwise shift every name silently.
 *
 * NaN policy: a row with any NaN logit always abstains, with confidence and
 * margin NaN, and its index is argmax's (the first NaN: NumPy), never a
 * confident class. The same holds for other rows whose softmax is undefined
 * (a +Infinity logit, or every logit -Infinity), as softmax makes them NaN.
 * Ties: the index is the first maximum; a tie for top-1 gives margin 0.
 *
 * Errors: `SHAPE_MISMATCH` (labels length), `AXIS_OUT_OF_BOUNDS`,
 * `EMPTY_REDUCTION` (empty class axis), `INVALID_ARGUMENT` (threshold or
 * minMargin not in [0, 1], labels not strings, 0-d input).
 * Complexity: O(size) time and memory (one softmax).
 *
 * @example
 * const p = predict([[2.0, 0.1, -1], [0.3, 0.2, 0.1]], { labels: ['cat', 'dog', 'fox'], threshold: 0.6, abstain: 'unsure' });
 * p.labels                // ['cat', 'unsure']
 * toNested(p.indices)     // [0, 0]
 * toNested(p.abstained)   // [false, true]
 * predict(segLogits, { axis: 0 }).indices // [C, H, W] → [H, W] class map
 *
 * See also: argmax, softmax, fitTemperature (calibrate before thresholding), conformal.
 */
export function predict(logits: ArrayInput, opts: PredictOptions = {}): Prediction {
  const fn = 'predict';
  const x = toNDArray(logits, 'logits');
  const axis = classAxis(x, opts.axis, fn);
  const C = x.shape[axis]!;
  const labels = opts.labels;
  if (labels !== undefined) {
    if (!Array.isArray(labels)) throw invalidArgument(`${fn}: labels must be an array of strings, got ${describe(labels)}`);
    if (labels.length !== C) {
      throw shapeMismatch(`${fn}: labels has ${labels.length} entries but the class axis (axis ${axis}) has ${C} classes; ` +
        'a labels list from another model version would mislabel every prediction');
    }
    const bad = labels.findIndex((s) => typeof s !== 'string');
    if (bad >= 0) throw invalidArgument(`${fn}: labels[${bad}] must be a string, got ${describe(labels[bad])}`);
  }
  const threshold = unitOption(opts.threshold, 'threshold', fn);
  const minMargin = unitOption(opts.minMargin, 'minMargin', fn);
  const abstainLabel = opts.abstain;
  if (abstainLabel !== undefined && typeof abstainLabel !== 'string') throw invalidArgument(`${fn}: abstain must be a string, got ${describe(abstainLabel)}`);

  const indices = argmax(x, { axis });
  const rows = classRows(softmax(x, { axis }), axis);
  const n = rows.rows;
  const confidence = emptyArray('float64', rows.outShape);
  const margin = emptyArray('float64', rows.outShape);
  const abstained = emptyArray('bool', rows.outShape);
  const conf = confidence.data as Float64Array, marg = margin.data as Float64Array, abst = abstained.data as Uint8Array;
  const p = rows.data;
  for (let r = 0; r < n; r++) {
    const base = r * C;
    let top1 = -Infinity, top2 = -Infinity, undefinedRow = false;
    for (let j = 0; j < C; j++) {
      const v = p[base + j]!;
      if (v !== v) { undefinedRow = true; break; }
      if (v > top1) { top2 = top1; top1 = v; } else if (v > top2) top2 = v;
    }
    if (undefinedRow) { conf[r] = NaN; marg[r] = NaN; abst[r] = 1; continue; }
    if (C === 1) top2 = 0;
    conf[r] = top1;
    marg[r] = top1 - top2;
    abst[r] = top1 < threshold || top1 - top2 < minMargin ? 1 : 0;
  }
  const out: Prediction = { indices, confidence, margin, abstained };
  if (labels !== undefined) {
    const idx = toFloatArray(indices);
    const names = new Array<string>(n);
    for (let r = 0; r < n; r++) names[r] = abst[r] && abstainLabel !== undefined ? abstainLabel : labels[idx[r]!]!;
    out.labels = names;
  }
  return out;
}

function unitOption(v: unknown, name: string, fn: string): number {
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw invalidArgument(`${fn}: ${name} must be a number in [0, 1], got ${describe(v)}`);
  return v;
}
