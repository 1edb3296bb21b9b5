// Decisions (issue 6): predict, ECE, fitTemperature, conformal sets, routeTopK,
// epsilonGreedy on realistic sizes. Peers: the straightforward plain-JS loop a
// user would write for the same result (softmax + top-2 per row; sort-based
// top-k routing), measured in the same run.
export const order = 60;
import { randomF32 } from '../lib/random.mjs';


function targetsFor(logits, N, C, seed) {
  // a label that agrees with the argmax 80% of the time
  const t = new Int32Array(N);
  const u = randomF32(N, seed);
  for (let r = 0; r < N; r++) {
    let best = 0;
    for (let j = 1; j < C; j++) if (logits[r * C + j] > logits[r * C + best]) best = j;
    t[r] = Math.abs(u[r]) < 0.8 ? best : (best + 1) % C;
  }
  return t;
}

/** The plain-JS loop: softmax per row, top-1 and top-2 probability, threshold. */
function naivePredict(z, N, C, threshold) {
  const idx = new Int32Array(N), conf = new Float64Array(N), abst = new Uint8Array(N);
  const p = new Float64Array(C);
  for (let r = 0; r < N; r++) {
    let m = -Infinity;
    for (let j = 0; j < C; j++) m = Math.max(m, z[r * C + j]);
    let s = 0;
    for (let j = 0; j < C; j++) { p[j] = Math.exp(z[r * C + j] - m); s += p[j]; }
    let b = 0, t1 = -1, t2 = -1;
    for (let j = 0; j < C; j++) { const v = p[j] / s; if (v > t1) { t2 = t1; t1 = v; b = j; } else if (v > t2) t2 = v; }
    idx[r] = b; conf[r] = t1; abst[r] = t1 < threshold ? 1 : 0;
  }
  return { idx, conf, abst };
}

/** Sort-based top-k routing with a softmax over the selected logits. */
function naiveRoute(z, T, E, k) {
  const experts = new Int32Array(T * k), weights = new Float32Array(T * k), load = new Int32Array(E);
  const ids = Array.from({ length: E }, (_, i) => i);
  for (let t = 0; t < T; t++) {
    const o = t * E;
    const sel = ids.slice().sort((a, b) => z[o + b] - z[o + a] || a - b).slice(0, k);
    let s = 0;
    const m = z[o + sel[0]];
    for (let i = 0; i < k; i++) { weights[t * k + i] = Math.exp(z[o + sel[i]] - m); s += weights[t * k + i]; }
    for (let i = 0; i < k; i++) { weights[t * k + i] /= s; experts[t * k + i] = sel[i]; load[sel[i]]++; }
  }
  return { experts, weights, load };
}

export async function workloads(lib) {
  const { ndarray, predict, expectedCalibrationError, fitTemperature, conformal, routeTopK, epsilonGreedy, createRng } = lib;
  const out = [];

  // classification batch: 10k rows x 10 classes (MNIST-like) and 1k rows x 1000 classes (ImageNet-like)
  for (const [N, C, scale] of [[10000, 10, 6], [1000, 1000, 4]]) {
    const z = randomF32(N * C, 7 + C, scale);
    const x = ndarray(z, { shape: [N, C] });
    const t = targetsFor(z, N, C, 3);
    out.push({
      group: 'decide', name: `predict [${N}, ${C}] f32, threshold 0.9`, bytes: z.byteLength,
      run: () => predict(x, { threshold: 0.9 }),
      peers: { 'plain JS loop': () => naivePredict(z, N, C, 0.9) },
    });
    out.push({ group: 'decide', name: `expectedCalibrationError [${N}, ${C}] fromLogits`, bytes: z.byteLength, run: () => expectedCalibrationError(x, t, { fromLogits: true }) });
    if (C === 10) {
      out.push({ group: 'decide', name: `fitTemperature [${N}, ${C}] f32`, bytes: z.byteLength, run: () => fitTemperature(x, t) });
      const cp = conformal(x, t, { alpha: 0.1 });
      const aps = conformal(x, t, { alpha: 0.1, score: 'aps' });
      out.push({ group: 'decide', name: `conformal calibrate LAC [${N}, ${C}]`, bytes: z.byteLength, run: () => conformal(x, t, { alpha: 0.1 }) });
      out.push({ group: 'decide', name: `predictSets LAC [${N}, ${C}]`, bytes: z.byteLength, run: () => cp.predictSets(x) });
      out.push({ group: 'decide', name: `predictSets APS [${N}, ${C}]`, bytes: z.byteLength, run: () => aps.predictSets(x) });
    }
  }

  // MoE routing: 4096 tokens x 64 experts, top-2 (Mixtral-like) and top-8 of 256 (DeepSeek-V3-like)
  for (const [T, E, k] of [[4096, 64, 2], [1024, 256, 8]]) {
    const z = randomF32(T * E, 11 + E, 3);
    const g = ndarray(z, { shape: [T, E] });
    out.push({
      group: 'decide', name: `routeTopK [${T}, ${E}] k=${k}`, bytes: z.byteLength,
      run: () => routeTopK(g, k),
      peers: { 'plain JS sort': () => naiveRoute(z, T, E, k) },
    });
  }

  // RL: 4096 environments x 18 actions (Atari), epsilon 0.05
  {
    const z = randomF32(4096 * 18, 5);
    const q = ndarray(z, { shape: [4096, 18] });
    const rng = createRng(1);
    out.push({ group: 'decide', name: 'epsilonGreedy [4096, 18] eps 0.05', bytes: z.byteLength, run: () => epsilonGreedy(q, { epsilon: 0.05, rng }) });
  }
  return out;
}
