#!/usr/bin/env node
// The benchmark table: every bench/suites/*.mjs contributes workloads; each is
// timed with tinybench beside its peers in the same run; we print medians and
// the ratio peer / logitkit (> 1 means logitkit is faster).
//
// A suite module exports `async function workloads(lib)` returning
//   [{ group, name, bytes?, run: () => unknown, peers?: { [peer]: () => unknown }, note? }]
// `lib` is the built package (dist/index.js). Optional: `export const order = N`.
// Usage: node bench/run.mjs [filter-substring] [--time ms]
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { Bench } from 'tinybench';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--'));
const timeIdx = args.indexOf('--time');
const time = timeIdx >= 0 ? Number(args[timeIdx + 1]) : 300;
const lib = await import(pathToFileURL(join(here, '..', 'dist', 'index.js')).href);

const suites = [];
for (const f of readdirSync(join(here, 'suites')).filter((f) => f.endsWith('.mjs')).sort()) {
  const mod = await import(pathToFileURL(join(here, 'suites', f)).href);
  suites.push({ file: f, order: mod.order ?? 100, workloads: mod.workloads });
}
suites.sort((a, b) => a.order - b.order || a.file.localeCompare(b.file));

async function medianMs(fn) {
  const bench = new Bench({ time, warmupTime: Math.min(100, time / 3) });
  bench.add('x', fn);
  await bench.run();
  const r = bench.tasks[0].result;
  if (!r || r.state === 'errored' || r.error) throw r?.error ?? new Error('benchmark failed');
  return (r.latency?.p50 ?? r.latency?.mean);
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms >= 0.01 ? ms.toFixed(3) : ms.toExponential(2));
const rows = [];
for (const s of suites) {
  const ws = await s.workloads(lib);
  for (const w of ws) {
    const label = `${w.group} | ${w.name}`;
    if (filter && !label.includes(filter)) continue;
    const ours = await medianMs(w.run);
    const peerCells = [];
    for (const [peer, fn] of Object.entries(w.peers ?? {})) {
      if (typeof fn !== 'function') { peerCells.push(`${peer}: ${fn}`); continue; }
      try {
        const t = await medianMs(fn);
        peerCells.push(`${peer} ${fmt(t)} ms (${(t / ours).toFixed(1)}x)`);
      } catch (e) { peerCells.push(`${peer}: failed (${String(e?.message ?? e).slice(0, 60)})`); }
    }
    const gbs = w.bytes ? `${(w.bytes / (ours * 1e6)).toFixed(2)} GB/s` : '';
    const row = { label, ours, gbs, peers: peerCells.join('; '), note: w.note ?? '' };
    rows.push(row);
    console.log(`${label.padEnd(58)} ${fmt(ours).padStart(9)} ms ${gbs.padStart(11)}  ${row.peers}${row.note ? `  [${row.note}]` : ''}`);
  }
}
console.log(`\n${rows.length} workloads; medians (p50) in ms; (Nx) = peer median / logitkit median, > 1 means logitkit is faster.`);
