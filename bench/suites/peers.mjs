// Peers side by side (issue 5): each workload is timed for logitkit on a
// JS-heap input (the `run` column) and, as peers in the same run, logitkit on
// an arena input (allocate(): data in the kernels' WASM memory), TF.js (cpu
// and wasm backends), onnxruntime-node (ArgMax / TopK on tiny models this file
// encodes by hand), transformers.js's samplers, a naive JS loop, and NumPy /
// PyTorch (timed by bench/peers/numpy_torch.py under /usr/bin/python3; their
// cells carry the ratio to a logitkit median measured here the same way).
//
// The JS peers live in bench/peers/ with their own package.json and are
// installed on first use (`npm install --prefix bench/peers`), never by the
// root `npm ci`. Set LOGITKIT_BENCH_NO_PEERS=1 to skip everything external.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';
import { randomF32 } from '../lib/random.mjs';

export const order = 90;

const here = dirname(fileURLToPath(import.meta.url));
const peersDir = join(here, '..', 'peers');
const timeArg = process.argv.indexOf('--time');
const TIME = timeArg >= 0 ? Number(process.argv[timeArg + 1]) : 300;
const filter = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--time');


// ---------------------------------------------------------------- peer loading

function ensurePeers() {
  if (process.env.LOGITKIT_BENCH_NO_PEERS) return false;
  if (existsSync(join(peersDir, 'node_modules', 'onnxruntime-node'))) return true;
  console.error('[peers] installing bench/peers (one time): npm install --prefix bench/peers');
  const r = spawnSync('npm', ['install', '--prefix', peersDir, '--no-fund', '--no-audit', '--ignore-scripts'], {
    stdio: 'inherit',
    env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip', ONNXRUNTIME_NODE_INSTALL_CUDA: 'skip' },
  });
  return r.status === 0;
}

async function importPeer(spec) {
  const req = createRequire(join(peersDir, 'package.json'));
  return import(pathToFileURL(req.resolve(spec)).href);
}

async function loadTf() {
  try {
    const tf = await importPeer('@tensorflow/tfjs-core');
    await importPeer('@tensorflow/tfjs-backend-cpu');
    await importPeer('@tensorflow/tfjs-backend-wasm');
    const backends = [];
    for (const b of ['cpu', 'wasm']) {
      try { if (await tf.setBackend(b)) backends.push(b); } catch { /* backend unavailable */ }
    }
    return { tf, backends };
  } catch (e) {
    console.error(`[peers] TF.js unavailable: ${e.message}`);
    return null;
  }
}

async function loadOrt() {
  try {
    const m = await importPeer('onnxruntime-node');
    return m.default ?? m;
  } catch (e) {
    console.error(`[peers] onnxruntime-node unavailable: ${e.message}`);
    return null;
  }
}

async function loadTransformers() {
  try {
    const req = createRequire(join(peersDir, 'package.json'));
    const main = req.resolve('@huggingface/transformers');
    const root = main.slice(0, main.lastIndexOf(join('@huggingface', 'transformers')) + join('@huggingface', 'transformers').length);
    const samplers = await import(pathToFileURL(join(root, 'src', 'generation', 'logits_sampler.js')).href);
    const { Tensor } = await import(pathToFileURL(join(root, 'src', 'utils', 'tensor.js')).href);
    const { GenerationConfig } = await import(pathToFileURL(join(root, 'src', 'generation', 'configuration_utils.js')).href);
    return { ...samplers, Tensor, GenerationConfig };
  } catch (e) {
    console.error(`[peers] transformers.js unavailable: ${e.message}`);
    return null;
  }
}

function python(script) {
  if (process.env.LOGITKIT_BENCH_NO_PEERS) return { note: 'NumPy/PyTorch skipped (LOGITKIT_BENCH_NO_PEERS)' };
  if (!existsSync('/usr/bin/python3')) return { note: 'NumPy/PyTorch skipped: /usr/bin/python3 not found' };
  if (!existsSync(join(peersDir, script))) return { note: `${script} missing` };
  const r = spawnSync('/usr/bin/python3', [join(peersDir, script), String(TIME)], { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 600_000 });
  if (r.status !== 0) return { note: `${script} skipped: ${(r.stderr || '').trim().split('\n').pop()}` };
  try { return JSON.parse(r.stdout); } catch { return { note: `${script}: unreadable output` }; }
}

// float32 N(0, 1) * scale (Box-Muller over randomF32), the law of the sampler benches
function normalF32(n, seed, scale) {
  const u = randomF32(n + 1, seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const a = Math.max(1e-7, (u[i] + 1) / 2), b = (u[i + 1] + 1) / 2;
    const r = Math.sqrt(-2 * Math.log(a)) * scale;
    out[i] = r * Math.cos(2 * Math.PI * b);
    if (i + 1 < n) out[i + 1] = r * Math.sin(2 * Math.PI * b);
  }
  return out;
}

// ---------------------------------------------------------------- a tiny ONNX encoder

// Protocol-buffer wire format, just what ModelProto needs.
function varint(n) {
  const out = [];
  let v = BigInt(n);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}
const fieldVarint = (f, v) => [...varint((f << 3) | 0), ...varint(v)];
const fieldBytes = (f, bytes) => [...varint((f << 3) | 2), ...varint(bytes.length), ...bytes];
const fieldString = (f, s) => fieldBytes(f, [...new TextEncoder().encode(s)]);

// ValueInfoProto with a tensor type of elem_type and symbolic/fixed dims.
function valueInfo(name, elemType, dims) {
  const dimMsgs = dims.flatMap((d) => fieldBytes(1, typeof d === 'string' ? fieldString(2, d) : fieldVarint(1, d)));
  const tensorType = [...fieldVarint(1, elemType), ...fieldBytes(2, dimMsgs)];
  return [...fieldString(1, name), ...fieldBytes(2, fieldBytes(1, tensorType))];
}

const FLOAT = 1, INT64 = 7;

/** An ONNX model with one node: ArgMax(X, axis, keepdims=0) or TopK(X, K) along `axis`. */
function onnxModel(op, axis, k) {
  const attr = (name, v) => fieldBytes(5, [...fieldString(1, name), ...fieldVarint(3, v < 0 ? (1n << 64n) + BigInt(v) : v), ...fieldVarint(20, 2)]);
  const graph = [];
  if (op === 'ArgMax') {
    graph.push(...fieldBytes(1, [...fieldString(1, 'X'), ...fieldString(2, 'Y'), ...fieldString(4, 'ArgMax'), ...attr('axis', axis), ...attr('keepdims', 0)]));
  } else {
    graph.push(...fieldBytes(1, [...fieldString(1, 'X'), ...fieldString(1, 'K'), ...fieldString(2, 'V'), ...fieldString(2, 'I'), ...fieldString(4, 'TopK'), ...attr('axis', axis)]));
    const raw = new Uint8Array(new BigInt64Array([BigInt(k)]).buffer);
    graph.push(...fieldBytes(5, [...fieldVarint(1, 1), ...fieldVarint(2, INT64), ...fieldString(8, 'K'), ...fieldBytes(9, [...raw])]));
  }
  graph.push(...fieldString(2, `bench_${op}`));
  graph.push(...fieldBytes(11, valueInfo('X', FLOAT, ['d0', 'd1'].slice(0, 2))));
  if (op === 'ArgMax') graph.push(...fieldBytes(12, valueInfo('Y', INT64, ['o0'])));
  else { graph.push(...fieldBytes(12, valueInfo('V', FLOAT, ['o0', 'o1']))); graph.push(...fieldBytes(12, valueInfo('I', INT64, ['o0', 'o1']))); }
  const model = [
    ...fieldVarint(1, 8), // ir_version
    ...fieldString(2, 'logitkit-bench'),
    ...fieldBytes(7, graph),
    ...fieldBytes(8, [...fieldString(1, ''), ...fieldVarint(2, 13)]), // opset 13
  ];
  return new Uint8Array(model);
}

// ---------------------------------------------------------------- timing

async function medianMs(fn) {
  const bench = new Bench({ time: TIME, warmupTime: Math.min(100, TIME / 3) });
  bench.add('x', fn);
  await bench.run();
  const r = bench.tasks[0].result;
  return r.latency?.p50 ?? r.latency?.mean;
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms >= 0.01 ? ms.toFixed(3) : ms.toExponential(2));

// ---------------------------------------------------------------- workloads

export async function workloads(lib) {
  const G = 'peers';
  const want = (name) => !filter || `${G} | ${name}`.includes(filter);
  const have = ensurePeers();
  const [tfl, ort, hf] = have ? await Promise.all([loadTf(), loadOrt(), loadTransformers()]) : [null, null, null];
  const wantAny = (prefix) => !filter || `${G} | ${prefix}`.includes(filter) || filter.includes(prefix) || prefix.includes(filter.replace(`${G} | `, ''));
  const py = wantAny('argmax') || wantAny('topk') || wantAny('softmax') ? python('numpy_torch.py') : { results: {} };
  if (py.note) console.error(`[peers] ${py.note}`);
  const pyRes = { ...(py.results ?? {}) };
  // vLLM's native PyTorch sampler path: the sampler suite's script, reused
  if (lib.sample && wantAny('sample')) {
    const ts = python('torch_sampler.py');
    if (ts.note || ts.error) console.error(`[peers] ${ts.note ?? ts.error}`);
    else for (const [k, ms] of Object.entries(ts)) pyRes[`sample ${k}`] = { 'torch (vLLM native)': ms };
  }
  const ortOpts = { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' };

  const out = [];
  // Adds the NumPy / PyTorch cells (times measured by Python; ratio against a
  // logitkit median measured here the same way, since the harness only times functions).
  async function withPython(w, key) {
    const r = pyRes[key];
    if (!r || !want(w.name)) return w;
    const ours = await medianMs(w.run);
    for (const [lib, ms] of Object.entries(r)) w.peers[lib === 'numpy' ? 'NumPy' : lib === 'torch' ? 'PyTorch' : lib] = `${fmt(ms)} ms (${(ms / ours).toFixed(1)}x)`;
    return w;
  }
  function tfPeers(peers, data, shape, op) {
    if (!tfl) return;
    const { tf, backends } = tfl;
    for (const b of backends) {
      peers[`TF.js ${b}`] = async () => {
        if (tf.getBackend() !== b) await tf.setBackend(b);
        const t = tf.tensor(data, shape, 'float32');
        const r = tf.tidy(() => op(tf, t)); // frees intermediates (reshape)
        const rs = Array.isArray(r) ? r : [r];
        for (const x of rs) await x.data();
        t.dispose();
        for (const x of rs) x.dispose();
      };
    }
  }
  async function ortPeer(peers, op, axis, k, data, dims) {
    if (!ort) return;
    const session = await ort.InferenceSession.create(onnxModel(op, axis, k), ortOpts);
    peers[`onnxruntime ${op}`] = async () => {
      const r = await session.run({ X: new ort.Tensor('float32', data, dims) });
      return r;
    };
  }
  function arenaCopy(data, shape) {
    const a = lib.allocate('float32', shape);
    a.data.set(data);
    return a;
  }

  // --- argmax
  const argmaxSpecs = [
    { name: 'argmax f32 1-D 128k', shape: [1 << 17], axis: undefined, seed: 1 },
    { name: 'argmax f32 1-D 16M', shape: [1 << 24], axis: undefined, seed: 2 },
    { name: 'argmax f32 [64,131072] axis -1', shape: [64, 131072], axis: -1, seed: 3 },
    { name: 'argmax f32 [4096,4096] axis 0', shape: [4096, 4096], axis: 0, seed: 4 },
  ];
  for (const s of argmaxSpecs) {
    if (!want(s.name)) continue;
    const n = s.shape.reduce((p, q) => p * q, 1);
    const data = randomF32(n, s.seed);
    const x = lib.ndarray(data, { shape: s.shape });
    const a = arenaCopy(data, s.shape);
    const opts = s.axis === undefined ? undefined : { axis: s.axis };
    const peers = { 'logitkit arena': () => lib.argmax(a, opts) };
    peers['naive JS'] = s.axis === 0
      ? () => { const [R, C] = s.shape; const o = new Int32Array(C); for (let c = 0; c < C; c++) { let b = data[c], k = 0; for (let r = 1; r < R; r++) { const v = data[r * C + c]; if (v > b) { b = v; k = r; } } o[c] = k; } return o; }
      : () => { const L = s.shape.at(-1), R = n / L; const o = new Int32Array(R); for (let r = 0; r < R; r++) { let b = data[r * L], k = 0; for (let j = 1; j < L; j++) { const v = data[r * L + j]; if (v > b) { b = v; k = j; } } o[r] = k; } return o; };
    tfPeers(peers, data, s.shape, (tf, t) => (s.axis === undefined ? tf.argMax(tf.reshape(t, [-1])) : tf.argMax(t, s.axis)));
    const dims = s.shape.length === 1 ? [1, n] : s.shape;
    await ortPeer(peers, 'ArgMax', s.axis === 0 ? 0 : -1, 0, data, dims);
    out.push(await withPython({ group: G, name: s.name, bytes: n * 4, run: () => lib.argmax(x, opts), peers }, s.name));
  }

  // --- topk, softmax
  const tkData = randomF32(8 * 131072, 5, 10);
  const tkX = lib.ndarray(tkData, { shape: [8, 131072] });
  const tkA = arenaCopy(tkData, [8, 131072]);
  if (lib.topk && want('topk k=50 [8,131072]')) {
    const peers = { 'logitkit arena': () => lib.topk(tkA, 50) };
    tfPeers(peers, tkData, [8, 131072], (tf, t) => { const r = tf.topk(t, 50); return [r.values, r.indices]; });
    await ortPeer(peers, 'TopK', -1, 50, tkData, [8, 131072]);
    out.push(await withPython({ group: G, name: 'topk k=50 [8,131072]', bytes: tkData.byteLength, run: () => lib.topk(tkX, 50), peers }, 'topk k=50 [8,131072]'));
  }
  if (lib.softmax && want('softmax [8,131072]')) {
    const peers = { 'logitkit arena': () => lib.softmax(tkA) };
    tfPeers(peers, tkData, [8, 131072], (tf, t) => tf.softmax(t));
    peers['naive JS'] = () => { const o = new Float32Array(tkData.length); for (let r = 0; r < 8; r++) { const off = r * 131072; let m = -Infinity; for (let j = 0; j < 131072; j++) if (tkData[off + j] > m) m = tkData[off + j]; let s = 0; for (let j = 0; j < 131072; j++) { const e = Math.exp(tkData[off + j] - m); o[off + j] = e; s += e; } for (let j = 0; j < 131072; j++) o[off + j] /= s; } return o; };
    out.push(await withPython({ group: G, name: 'softmax [8,131072]', bytes: tkData.byteLength, run: () => lib.softmax(tkX), peers }, 'softmax [8,131072]'));
  }

  // --- sampling (only once the sampler has landed)
  if (lib.sample) {
    const modes = {
      greedy: { temperature: 0 },
      'top-k 50': { temperature: 1, topK: 50 },
      'top-p 0.9': { temperature: 1, topP: 0.9 },
      'top-k 50 + top-p 0.9': { temperature: 1, topK: 50, topP: 0.9 },
      'min-p 0.05': { temperature: 1, minP: 0.05 },
    };
    for (const B of [1, 8, 64]) {
      for (const V of [32000, 131072]) {
        const data = normalF32(B * V, 100 + B + V, 3);
        const x = lib.ndarray(data, { shape: [B, V] });
        const a = arenaCopy(data, [B, V]);
        for (const [mode, params] of Object.entries(modes)) {
          const name = `sample B=${B} V=${V} ${mode}`;
          if (!want(name)) continue;
          const p = { ...params, seed: 7 };
          const peers = { 'logitkit arena': () => lib.sample(a, p) };
          if (hf && (mode === 'greedy' || mode === 'top-k 50')) {
            const cfg = new hf.GenerationConfig({ do_sample: mode !== 'greedy', top_k: mode === 'greedy' ? 0 : 50, num_beams: 1 });
            const sampler = hf.LogitsSampler.getSampler(cfg);
            peers[`transformers.js ${mode === 'greedy' ? 'Greedy' : 'Multinomial'}Sampler`] = async () => {
              const r = [];
              for (let b = 0; b < B; b++) r.push(await sampler.sample(new hf.Tensor('float32', data.subarray(b * V, (b + 1) * V), [1, V])));
              return r;
            };
          }
          out.push(await withPython({ group: G, name, bytes: data.byteLength, run: () => lib.sample(x, p), peers }, name));
        }
      }
    }
  }
  return out;
}
