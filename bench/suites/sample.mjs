// Sampler workloads (issue 4): B in {1, 8, 64} x V in {32000, 131072} x
// {greedy, top-k 50, top-p 0.9, top-k 50 + top-p 0.9, min-p 0.05} (plus two
// cache-control rows, see the end), beside
// vLLM's native PyTorch path (bench/peers/torch_sampler.py, sort-based,
// torch.set_num_threads(1)) measured once up front in the same run. The torch
// column is a string cell: its median and the ratio torch / logitkit, computed
// from logitkit's own per-call timings of this workload (recorded by a thin
// wrapper around `run`). Target: >= 20x at B=1, V=131072, top-k + top-p.
// Set LOGITKIT_BENCH_NO_TORCH=1 to skip the python peer.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const order = 60;

const here = dirname(fileURLToPath(import.meta.url));
const CONFIGS = [
  ['greedy', { temperature: 0 }],
  ['top-k 50', { topK: 50 }],
  ['top-p 0.9', { topP: 0.9 }],
  ['top-k 50 + top-p 0.9', { topK: 50, topP: 0.9 }],
  ['min-p 0.05', { minP: 0.05 }],
];
const SHAPES = [[1, 32000], [1, 131072], [8, 32000], [8, 131072], [64, 32000], [64, 131072]];

/** 3 * N(0, 1) float32 logits (Box-Muller over mulberry32), the law the torch peer uses. */
function normalLogits(n, seed) {
  const a = new Float32Array(n);
  let s = seed >>> 0;
  const u = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(u())), th = 2 * Math.PI * u();
    a[i] = 3 * r * Math.cos(th);
    if (i + 1 < n) a[i + 1] = 3 * r * Math.sin(th);
  }
  return a;
}

function torchMedians(labels) {
  if (process.env.LOGITKIT_BENCH_NO_TORCH) return { error: 'LOGITKIT_BENCH_NO_TORCH set' };
  const args = process.argv.slice(2);
  const filter = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--time');
  if (filter && !labels.some((l) => l.includes(filter))) return { error: 'filtered out' };
  const py = '/usr/bin/python3';
  if (!existsSync(py)) return { error: `${py} not found` };
  const r = spawnSync(py, [join(here, '..', 'peers', 'torch_sampler.py'), '250'], { encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) return { error: `python failed (${(r.stderr || r.error?.message || '').trim().split('\n').pop()?.slice(0, 60)})` };
  try { return JSON.parse(r.stdout.trim().split('\n').pop()); } catch { return { error: 'unreadable torch output' }; }
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms >= 0.01 ? ms.toFixed(3) : ms.toExponential(2));

export async function workloads(lib) {
  const labels = [];
  for (const [B, V] of SHAPES) for (const [cfg] of CONFIGS) labels.push(`sample | B=${B} V=${V} ${cfg}`);
  const torch = torchMedians(labels);
  const sampler = new lib.Sampler();
  const out = [];
  for (const [B, V] of SHAPES) {
    const data = normalLogits(B * V, B * 7 + V);
    const x = lib.ndarray(data, { shape: [B, V] });
    for (const [cfg, params] of CONFIGS) {
      const key = `B=${B} V=${V} ${cfg}`;
      const times = [];
      const run = () => {
        const t0 = performance.now();
        const r = sampler.sample(x, params);
        times.push(performance.now() - t0);
        return r;
      };
      const peerCell = () => {
        if (torch.error) return `skipped (${torch.error})`;
        const t = torch[key];
        if (typeof t !== 'number') return 'missing';
        const s = times.slice().sort((a, b) => a - b);
        const ours = s[s.length >> 1];
        return `${fmt(t)} ms (${(t / ours).toFixed(1)}x)`;
      };
      out.push({
        group: 'sample', name: key, bytes: B * V * 4, run,
        // a getter: the harness reads it after timing `run`, so the ratio uses this run's samples
        peers: { get 'torch vLLM native'() { return peerCell(); } },
        ...(B === 1 && V === 131072 && cfg === 'top-k 50 + top-p 0.9' ? { note: 'target >= 20x torch' } : {}),
      });
    }
  }
  // Cache control: one 512 KB row repeated 64 times (row stride 0), the same
  // per-row work as B=64 V=131072 with every read served from L2. Per-row
  // cost here vs B=1 shows the sampler's own cost is flat in B; the gap to the
  // B=64 distinct-row workload above is memory bandwidth (32 MB > cache).
  const one = normalLogits(131072, 99);
  const rep = lib.ndarray(one, { shape: [64, 131072], strides: [0, 1] });
  for (const [cfg, params] of CONFIGS.filter(([c]) => c === 'greedy' || c === 'top-k 50')) {
    out.push({
      group: 'sample', name: `B=64 V=131072 ${cfg}, one row x64 (stride 0)`, bytes: 64 * 131072 * 4,
      run: () => sampler.sample(rep, params), note: 'cache control: per-row cost without memory traffic',
    });
  }
  return out;
}
