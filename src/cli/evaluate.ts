import type { NDArray } from '../core/StridedArray.js';
import { castArray, ndarray } from '../core/ndarray.js';
import { argmax } from '../reduce/index.js';
import { invalidArgument, shapeMismatch } from '../errors/messages.js';
import * as lib from './lib.js';
import type { CalibrationBin } from './lib.js';

/** Everything `logitkit eval` computes; the report and the text summary render it. */
export interface EvalResult {
  n: number;
  classes: string[];
  accuracy: number;
  perClass: number[];          // recall per class, NaN when the class has no samples
  support: number[];           // samples per true class
  confusion: number[][];       // [true][predicted]
  eceBefore: number;
  eceAfter: number;
  temperature: number;
  binsBefore: CalibrationBin[];
  binsAfter: CalibrationBin[];
  /** Accuracy when only the `coverage` most confident fraction is answered (sorted by max softmax probability). */
  curve: { coverage: number; accuracy: number; threshold: number }[];
  threshold?: { value: number; coverage: number; accuracy: number };
  conformal?: { alpha: number; coverage: number; meanSetSize: number; calibration: number; test: number };
  sources: { logits: string; labels: string; shape: number[]; dtype: string };
}

/** Labels as an Int32Array, each an integer in [0, C) — checked here so messages name the file and row. */
export function labelVector(y: NDArray, n: number, c: number, source: string): Int32Array {
  let a = y;
  if (a.ndim === 2 && a.shape[1] === 1) a = ndarray(a, { shape: [a.shape[0]!], strides: [a.strides[0]!], offset: a.offset });
  if (a.ndim !== 1 || a.shape[0] !== n) throw shapeMismatch(`eval: ${source} must hold ${n} labels (shape [${n}]), got shape [${y.shape.join(', ')}]`);
  if (a.dtype === 'bool') throw invalidArgument(`eval: ${source} holds booleans, expected integer class labels`);
  const flat = castArray(a, 'float64').data as Float64Array;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = flat[i]!;
    if (!Number.isInteger(v) || v < 0 || v >= c) throw invalidArgument(`eval: ${source} row ${i} holds ${v}, expected an integer class in [0, ${c})`);
    out[i] = v;
  }
  return out;
}

/**
 * Runs the whole `logitkit eval` evaluation of `logits` [N, C] against
 * integer `labels` [N] (or [N, 1]): argmax predictions, accuracy, per-class
 * recall (NaN for a class without samples), confusion matrix, ECE with 15 bins
 * before and after `fitTemperature` (fitted on the same logits), the
 * accuracy-vs-coverage curve (rows sorted by max softmax probability, ties by
 * row), `threshold` coverage via `predict`, and split-conformal coverage
 * (alpha 0.1, LAC; even rows calibrate, odd rows test; needs N >= 4).
 *
 * Errors: `SHAPE_MISMATCH` (logits not 2-D or empty, wrong label count, class
 * names of the wrong length), `INVALID_ARGUMENT` (a label that is not an
 * integer in [0, C), a threshold outside [0, 1]). O(N·C + N log N).
 *
 * @example
 * evaluate(ndarray([[2, 0], [0, 1]]), ndarray([0, 0]), { logitsName: 'l', labelsName: 't' }).accuracy // 0.5
 */
export function evaluate(logits: NDArray, labels: NDArray, opts: { classes?: string[]; threshold?: number; logitsName: string; labelsName: string; alpha?: number }): EvalResult {
  if (logits.ndim !== 2) throw shapeMismatch(`eval: ${opts.logitsName} must hold logits of shape [N, C], got [${logits.shape.join(', ')}]`);
  const [n, c] = logits.shape as [number, number];
  if (n === 0 || c === 0) throw shapeMismatch(`eval: ${opts.logitsName} is empty (shape [${n}, ${c}])`);
  const target = labelVector(labels, n, c, opts.labelsName);
  const classes = opts.classes ?? Array.from({ length: c }, (_, i) => String(i));
  if (classes.length !== c) throw shapeMismatch(`eval: the labels file names ${classes.length} classes, the logits have ${c}`);
  if (opts.threshold !== undefined && !(opts.threshold >= 0 && opts.threshold <= 1)) throw invalidArgument(`eval: --threshold must be in [0, 1], got ${opts.threshold}`);
  const t = ndarray(target);
  const pred = argmax(logits, { axis: -1 });
  const predV = castArray(pred, 'int32').data as Int32Array;
  const acc = lib.accuracy(pred, t);
  const perClass = Array.from(lib.perClassAccuracy(pred, t, c));
  const cm = castArray(lib.confusionMatrix(pred, t, c), 'float64').data as Float64Array;
  const confusion = Array.from({ length: c }, (_, i) => Array.from(cm.subarray(i * c, (i + 1) * c)));
  const support = confusion.map((r) => r.reduce((s, v) => s + v, 0));
  const probs = lib.softmax(logits, { axis: -1 });
  const rdBefore = lib.reliabilityDiagram(probs, t);
  const temperature = lib.fitTemperature(logits, t);
  const rdAfter = lib.reliabilityDiagram(lib.softmax(logits, { axis: -1, temperature }), t);

  // accuracy vs coverage: answer only the most confident rows
  const p = castArray(probs, 'float64').data as Float64Array;
  const conf = new Float64Array(n);
  for (let i = 0; i < n; i++) { let m = -Infinity; for (let j = 0; j < c; j++) { const v = p[i * c + j]!; if (v > m || Number.isNaN(v)) m = v; } conf[i] = m; }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (conf[b]! - conf[a]!) || a - b);
  const curve: EvalResult['curve'] = [];
  const step = Math.max(1, Math.floor(n / 200));
  let correct = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (predV[i] === target[i]) correct++;
    if ((k + 1) % step === 0 || k === n - 1) curve.push({ coverage: (k + 1) / n, accuracy: correct / (k + 1), threshold: conf[i]! });
  }

  const result: EvalResult = {
    n, classes, accuracy: acc, perClass, support, confusion,
    eceBefore: rdBefore.ece, eceAfter: rdAfter.ece, temperature,
    binsBefore: rdBefore.bins, binsAfter: rdAfter.bins, curve,
    sources: { logits: opts.logitsName, labels: opts.labelsName, shape: [n, c], dtype: logits.dtype },
  };
  if (opts.threshold !== undefined) {
    const pr = lib.predict(logits, { axis: -1, threshold: opts.threshold });
    const ab = castArray(pr.abstained, 'int32').data as Int32Array;
    let kept = 0, ok = 0;
    for (let i = 0; i < n; i++) if (!ab[i]) { kept++; if (predV[i] === target[i]) ok++; }
    result.threshold = { value: opts.threshold, coverage: kept / n, accuracy: kept ? ok / kept : NaN };
  }
  if (n >= 4) {
    // split conformal: even rows calibrate, odd rows test
    const alpha = opts.alpha ?? 0.1;
    const calIdx: number[] = [], testIdx: number[] = [];
    for (let i = 0; i < n; i++) (i % 2 === 0 ? calIdx : testIdx).push(i);
    const lg = castArray(logits, 'float64').data as Float64Array;
    const rows = (idx: number[]) => ndarray(Float64Array.from(idx.flatMap((i) => Array.from(lg.subarray(i * c, (i + 1) * c)))), { shape: [idx.length, c] });
    const cp = lib.conformal(rows(calIdx), ndarray(Int32Array.from(calIdx.map((i) => target[i]!))), { alpha });
    const sets = cp.predictSets(rows(testIdx));
    let covered = 0, size = 0;
    sets.forEach((s, k) => { size += s.length; if (s.includes(target[testIdx[k]!]!)) covered++; });
    result.conformal = { alpha, coverage: covered / testIdx.length, meanSetSize: size / testIdx.length, calibration: calIdx.length, test: testIdx.length };
  }
  return result;
}

const f = (v: number, d = 4): string => (Number.isNaN(v) ? 'n/a' : v.toFixed(d));

/** The plain-text summary `logitkit eval` prints. */
export function summaryText(r: EvalResult): string {
  const L: string[] = [];
  L.push(`logits ${r.sources.logits} [${r.sources.shape.join(', ')}] ${r.sources.dtype}, labels ${r.sources.labels}`);
  L.push(`accuracy                 ${f(r.accuracy)}  (${r.n} samples, ${r.classes.length} classes)`);
  L.push(`ECE (15 bins)            ${f(r.eceBefore)} -> ${f(r.eceAfter)} after temperature scaling (T = ${f(r.temperature, 3)}, fitted on these logits)`);
  if (r.threshold) L.push(`threshold ${r.threshold.value}`.padEnd(24) + ` coverage ${f(r.threshold.coverage, 3)}, accuracy on answered ${f(r.threshold.accuracy)}`);
  if (r.conformal) L.push(`conformal (alpha ${r.conformal.alpha}, LAC)`.padEnd(24) + ` coverage ${f(r.conformal.coverage, 3)}, mean set size ${f(r.conformal.meanSetSize, 2)} (calibrated on ${r.conformal.calibration} even rows, tested on ${r.conformal.test} odd rows)`);
  const at = (cov: number) => r.curve.find((p) => p.coverage >= cov - 1e-12) ?? r.curve[r.curve.length - 1]!;
  L.push(`abstention curve         ${[1, 0.9, 0.8, 0.5].map((cv) => `${Math.round(cv * 100)}% answered: ${f(at(cv).accuracy, 3)}`).join(', ')}`);
  L.push('');
  L.push('per-class accuracy (recall)');
  const w = Math.max(5, ...r.classes.map((s) => s.length));
  r.classes.forEach((name, i) => L.push(`  ${name.padEnd(w)}  ${f(r.perClass[i]!)}  (n = ${r.support[i]})`));
  if (r.classes.length <= 30) {
    L.push('');
    L.push('confusion matrix (rows: true class, columns: predicted)');
    const cw = Math.max(...r.confusion.flat().map((v) => String(v).length), ...r.classes.map((s) => Math.min(s.length, 6)));
    L.push(`  ${' '.repeat(w)}  ${r.classes.map((s) => s.slice(0, 6).padStart(cw)).join(' ')}`);
    r.confusion.forEach((row, i) => L.push(`  ${r.classes[i]!.padEnd(w)}  ${row.map((v) => String(v).padStart(cw)).join(' ')}`));
  }
  return `${L.join('\n')}\n`;
}
