import { Command, InvalidArgumentError } from 'commander';
import { writeFileSync } from 'node:fs';
import type { NDArray } from '../../core/StridedArray.js';
import { ndarray } from '../../core/ndarray.js';
import { sliceAxis } from '../../core/views.js';
import { badFile, shapeMismatch } from '../../errors/messages.js';
import { formatFloat32 } from '../../io/text.js';
import { intArg, numArg, UsageError } from '../args.js';
import { emit, type CliIO } from '../output.js';
import * as lib from '../lib.js';
import type { SamplerOutput, SamplingParams } from '../lib.js';
import { PROGRESS_ROWS, progress } from '../progress.js';
import { load } from './load.js';

const CHUNK = 4096;

function seedArg(v: string): number | bigint {
  if (!/^\d+$/.test(v.trim())) throw new InvalidArgumentError(`--seed must be an integer >= 0, got '${v}'.`);
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : BigInt(v.trim());
}

interface SampleOpts { temperature?: number; topK?: number; topP?: number; minP?: number; seed?: number | bigint; logprobs?: number; out?: string }

export function sampleCommand(io: CliIO): Command {
  return new Command('sample')
    .description('sample one token per row of a [B, V] logits file (vLLM semantics: temperature, then min-p, top-k, top-p)')
    .argument('<FILE>', 'logits file [B, V] (or [V] for one row)')
    .option('--temperature <T>', 'temperature; 0 = greedy (default 1)', numArg('--temperature'))
    .option('--top-k <K>', 'keep the K most likely tokens (0 or -1 = off)', intArg('--top-k'))
    .option('--top-p <P>', 'nucleus: keep the smallest set with mass >= P, in (0, 1]', numArg('--top-p'))
    .option('--min-p <M>', 'drop tokens below M x the top probability, in [0, 1]', numArg('--min-p'))
    .option('--seed <S>', 'seed every row with S (identical rows then draw the same token); default: fresh randomness', seedArg)
    .option('--logprobs <N>', 'also return the sampled token\'s and the top-N logprobs (JSON {tokens, logprobs})', intArg('--logprobs'))
    .option('-o, --out <OUT>', 'write the tokens to OUT (.npy or .json; with --logprobs it must be .json); default: a table on stdout')
    .addHelpText('after', '\nExamples:\n  logitkit sample logits.npy --temperature 0.7 --top-p 0.9 --seed 42\n  logitkit sample logits.npy --temperature 0 -o tokens.npy      # greedy\n  logitkit sample logits.npy --top-k 50 --seed 1 --logprobs 5 -o out.json')
    .action((file: string, opts: SampleOpts) => {
      if (opts.logprobs !== undefined && opts.out !== undefined && !/\.json$/i.test(opts.out)) {
        throw new UsageError(`with --logprobs the output is JSON {tokens, logprobs}: use -o FILE.json (got ${opts.out})`);
      }
      let x: NDArray = load(file, io);
      if (x.ndim === 1) x = ndarray(x, { shape: [1, x.shape[0]!], strides: [0, x.strides[0]!], offset: x.offset });
      if (x.ndim !== 2) throw shapeMismatch(`sample: ${file} must hold logits of shape [B, V] (or [V]), got [${x.shape.join(', ')}]`);
      const params: SamplingParams = {};
      if (opts.temperature !== undefined) params.temperature = opts.temperature;
      if (opts.topK !== undefined) params.topK = opts.topK;
      if (opts.topP !== undefined) params.topP = opts.topP;
      if (opts.minP !== undefined) params.minP = opts.minP;
      if (opts.seed !== undefined) params.seed = opts.seed;
      if (opts.logprobs !== undefined) params.logprobs = opts.logprobs;
      const out = sampleRows(x, params, io);
      if (opts.logprobs === undefined) { emit(ndarray(out.tokens), opts.out, io); return; }
      const json = logprobsJson(out);
      if (opts.out === undefined) { io.stdout.write(`${json}\n`); return; }
      try { writeFileSync(opts.out, `${json}\n`); } catch (e) { throw badFile(`${opts.out}: cannot write (${(e as { code?: string }).code ?? String(e)})`); }
    });
}

/** Samples all rows; a long batch on a TTY goes in chunks behind a progress bar (seeded draws are batch invariant). */
function sampleRows(x: NDArray, params: SamplingParams, io: CliIO): SamplerOutput {
  const B = x.shape[0]!;
  const bar = progress(io, 'sampling', B, PROGRESS_ROWS);
  if (B < PROGRESS_ROWS || !io.stderr.isTTY) return lib.sample(x, params);
  const parts: SamplerOutput[] = [];
  try {
    for (let s = 0; s < B; s += CHUNK) {
      parts.push(lib.sample(sliceAxis(x, 0, s, Math.min(B, s + CHUNK)), params));
      bar.update(Math.min(B, s + CHUNK), B);
    }
  } finally { bar.stop(); }
  const tokens = new Int32Array(B);
  let o = 0;
  for (const p of parts) { tokens.set(p.tokens, o); o += p.tokens.length; }
  const first = parts[0]?.logprobs;
  if (first === undefined) return { tokens };
  const w = first.n + 1;
  const tokenIds = new Int32Array(B * w), logprobs = new Float32Array(B * w), ranks = new Int32Array(B);
  o = 0;
  for (const p of parts) {
    const lp = p.logprobs!;
    tokenIds.set(lp.tokenIds, o * w); logprobs.set(lp.logprobs, o * w); ranks.set(lp.ranks, o);
    o += p.tokens.length;
  }
  return { tokens, logprobs: { tokenIds, logprobs, ranks, n: first.n } };
}

function num(v: number): number | string {
  return Number.isFinite(v) ? Number(formatFloat32(v)) : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

/** {tokens, logprobs, tokenIds, ranks}: per row, column 0 is the sampled token, then the top N, descending. */
function logprobsJson(out: SamplerOutput): string {
  const lp = out.logprobs;
  const B = out.tokens.length;
  const w = lp ? lp.n + 1 : 1;
  const rows = <T>(a: ArrayLike<T>, f: (v: T) => unknown) => Array.from({ length: B }, (_, b) => Array.from({ length: w }, (_, j) => f(a[b * w + j]!)));
  return JSON.stringify({
    tokens: Array.from(out.tokens),
    logprobs: lp ? rows(lp.logprobs, (v) => num(v)) : [],
    tokenIds: lp ? rows(lp.tokenIds, (v) => v) : [],
    ranks: lp ? Array.from(lp.ranks) : [],
  }).replace(/"(NaN|-?Infinity)"/g, '$1');
}
