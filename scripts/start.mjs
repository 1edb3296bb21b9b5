#!/usr/bin/env node
// `npm start`: the main job, end to end.
//   1. builds the package (npm run build)
//   2. trains the MNIST example and writes its test logits/targets as .npy (out/mnist/)
//   3. `logitkit eval` on them with the HTML report (out/report.html)
//   4. a sampling demo with `logitkit sample` / `topk` / `argmax` on a small logits file
//   5. builds the playground and serves it on http://127.0.0.1:5173/ until Ctrl-C
// Options: --no-serve (or LOGITKIT_NO_SERVE=1) stops after step 4 (for CI/tests);
//          --skip-build reuses dist/; --out DIR (default out/); --port N (default 5173, PORT env).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
const value = (f, d) => { const i = argv.indexOf(f); return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : d; };
const serve = !flag('--no-serve') && !process.env.LOGITKIT_NO_SERVE;
const OUT = resolve(ROOT, value('--out', 'out'));
const PORT = Number(value('--port', process.env.PORT ?? '5173'));
const rel = (p) => relative(process.cwd(), p) || '.';
const problems = [];

function step(title) { console.log(`\n\x1b[1m==> ${title}\x1b[0m`.replace(/\x1b\[[0-9;]*m/g, process.stdout.isTTY && !process.env.NO_COLOR ? '$&' : '')); }
function sh(cmd, args, what, shown) {
  console.log(`$ ${shown ?? [cmd === process.execPath ? 'node' : cmd, ...args.map((a) => (a.startsWith(ROOT) ? rel(a) : a))].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (r.status !== 0) { problems.push(`${what} failed (exit ${r.status ?? r.signal})`); return false; }
  return true;
}
// paths relative to the repository (the cwd of every command), so the printed commands read like the README
// (shown as `npx logitkit ...`, which is what a user types; run as node bin/logitkit.js)
const logitkit = (...args) => {
  const a = args.map((x) => (x.startsWith(ROOT) ? relative(ROOT, x) : x));
  return sh(process.execPath, ['bin/logitkit.js', ...a], `logitkit ${args[0]}`, `npx logitkit ${a.join(' ')}`);
};
const preview = (file) => { if (existsSync(file)) console.log(`${rel(file)}: ${readFileSync(file, 'utf8').trim().slice(0, 400)}`); };

mkdirSync(OUT, { recursive: true });

if (!flag('--skip-build')) {
  step('1. build the package (npm run build)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (!sh(npm, ['run', '--silent', 'build'], 'npm run build')) { console.error(problems.join('\n')); process.exit(1); }
} else if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
  console.error('dist/ is missing: run without --skip-build'); process.exit(1);
}

step('2. the MNIST example: train a softmax classifier, write its test logits');
const mnistDir = join(OUT, 'mnist');
const example = join(ROOT, 'examples', 'mnist', 'run.mjs');
let haveMnist = false;
if (existsSync(example)) {
  haveMnist = sh(process.execPath, [example, mnistDir], 'the MNIST example') && existsSync(join(mnistDir, 'test_logits.npy'));
} else {
  problems.push('examples/mnist/run.mjs is not in this checkout: skipped the MNIST demo');
  console.log('examples/mnist/run.mjs not found: skipping (the eval step needs its output)');
}

const report = join(OUT, 'report.html');
if (haveMnist) {
  step('3. evaluate the MNIST test logits (HTML report)');
  logitkit('eval', join(mnistDir, 'test_logits.npy'), join(mnistDir, 'test_targets.npy'),
    '--labels-file', join(mnistDir, 'labels.txt'), '--threshold', '0.9', '--report', report);
}

step('4. sampling demo');
const demo = join(OUT, 'demo');
mkdirSync(demo, { recursive: true });
const { writeNpy } = await import(pathToFileURL(join(ROOT, 'dist', 'io', 'index.js')).href);
const { ndarray } = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
// 4 rows over a 12-token vocabulary; rows 0 and 1 are identical, so with one seed they draw the same token
const rows = [
  [4.0, 2.5, 2.4, 1.0, 0.5, 0.0, -1, -2, -3, -4, -5, -6],
  [4.0, 2.5, 2.4, 1.0, 0.5, 0.0, -1, -2, -3, -4, -5, -6],
  [0.3, 0.1, 0.2, 0.25, 0.15, 0.05, 0.2, 0.1, 0.3, 0.0, 0.1, 0.2],
  [3.0, 2.2, 1.8, 1.5, 1.3, 1.1, 1.0, 0.9, 0.8, 0.7, 0.6, -Infinity],
];
const demoLogits = join(demo, 'logits.npy');
writeFileSync(demoLogits, writeNpy(ndarray(Float32Array.from(rows.flat()), { shape: [4, 12] })));
console.log(`wrote ${rel(demoLogits)}: float32 [4, 12] (rows 0 and 1 identical, row 3 masks token 11 with -inf)`);
logitkit('argmax', demoLogits, '--axis', '-1');
logitkit('topk', demoLogits, '-k', '3', '-o', join(demo, 'top3.json'));
preview(join(demo, 'top3.json'));
logitkit('sample', demoLogits, '--temperature', '0.8', '--top-p', '0.9', '--seed', '42');
logitkit('sample', demoLogits, '--top-k', '5', '--seed', '7', '--logprobs', '2', '-o', join(demo, 'samples.json'));
preview(join(demo, 'samples.json'));

let server;
let url;
if (serve) {
  step('5. the playground');
  const { buildPlayground } = await import(pathToFileURL(join(ROOT, 'scripts', 'build-playground.mjs')).href);
  const { serveStatic } = await import(pathToFileURL(join(ROOT, 'scripts', 'serve.mjs')).href);
  try {
    const dir = await buildPlayground(join(OUT, 'playground'));
    try { ({ server, url } = await serveStatic(dir, { port: PORT })); } catch (e) {
      if (e.code !== 'EADDRINUSE') throw e;
      console.log(`port ${PORT} is busy: using a free one`);
      ({ server, url } = await serveStatic(dir, { port: 0 }));
    }
  } catch (e) {
    problems.push(`the playground could not be built or served: ${e.message}`);
  }
}

step('Done. Where everything is');
if (haveMnist) {
  console.log(`  MNIST logits/targets   ${rel(mnistDir)}/test_logits.npy, test_targets.npy, labels.txt`);
  console.log(`  eval report            ${rel(report)}   (open it in a browser; it works offline)`);
}
console.log(`  sampling demo          ${rel(demoLogits)}, ${rel(join(demo, 'top3.json'))}, ${rel(join(demo, 'samples.json'))}`);
console.log('  try                    npx logitkit --help');
if (url) console.log(`  playground             ${url}   (Ctrl-C to stop)`);
for (const p of problems) console.log(`  note: ${p}`);

if (server) {
  const stop = () => { console.log('\nstopping the playground server'); server.close(() => process.exit(0)); setTimeout(() => process.exit(0), 1000).unref(); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  process.exitCode = problems.length ? 1 : 0;
}
