import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ndarray } from '../core/ndarray.js';
import { LogitkitError } from '../errors/LogitkitError.js';
import { createRng } from '../random/createRng.js';
import { seededUniform } from './ops/draw.js';
import { Sampler, sample } from './Sampler.js';
import type { SampleRequest, SamplingParams } from './types.js';

/** Exact filtered distribution (float64, sort-based): steps 5a-5d then renormalise. */
function filteredProbs(raw: ArrayLike<number>, o: SamplingParams): Float64Array {
  const V = raw.length;
  const t = Math.fround(o.temperature ?? 1);
  const x = new Float64Array(V);
  for (let i = 0; i < V; i++) x[i] = Math.fround(raw[i]! / t);
  const m = Math.max(...x);
  if ((o.minP ?? 0) > 0) for (let i = 0; i < V; i++) if (Math.exp(x[i]! - m) < o.minP!) x[i] = -Infinity;
  const order = Array.from({ length: V }, (_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b);
  const k = o.topK ?? 0;
  if (k > 0 && k < V) { const thr = x[order[V - k]!]!; for (let i = 0; i < V; i++) if (x[i]! < thr) x[i] = -Infinity; }
  const p = o.topP ?? 1;
  let z = 0;
  for (const v of x) if (v !== -Infinity) z += Math.exp(v - m);
  if (p < 1) {
    let c = 0;
    const drop: number[] = [];
    for (let j = 0; j < V; j++) { const i = order[j]!; if (x[i] === -Infinity) continue; c += Math.exp(x[i]! - m) / z; if (c <= 1 - p && j < V - 1) drop.push(i); }
    for (const i of drop) x[i] = -Infinity;
    z = 0; for (const v of x) if (v !== -Infinity) z += Math.exp(v - m);
  }
  return Float64Array.from(x, (v) => (v === -Infinity ? 0 : Math.exp(v - m) / z));
}

function logSoftmax(x: ArrayLike<number>): Float64Array {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i]! > m) m = x[i]!;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.exp(x[i]! - m);
  const lse = m + Math.log(s);
  return Float64Array.from(x as ArrayLike<number>, (v) => v - lse);
}

function randomRow(V: number, seed: number, scale = 4): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: V }, () => (rng.uniform() - 0.5) * 2 * scale);
}

function batch(rows: Float32Array[]): { data: Float32Array; dims: number[] } {
  const V = rows[0]!.length;
  const data = new Float32Array(rows.length * V);
  rows.forEach((r, b) => data.set(r, b * V));
  return { data, dims: [rows.length, V] };
}

function argmaxFirst(r: ArrayLike<number>): number {
  let b = 0;
  for (let i = 1; i < r.length; i++) if (r[i]! > r[b]!) b = i;
  return b;
}

/** Chi-square critical values at p = 1e-6 (df -> value), from scipy.stats.chi2.isf(1e-6, df). */
function chi2Crit(df: number): number {
  // Wilson–Hilferty approximation, z = 4.753 (one-sided 1e-6); within 1% of scipy for df >= 1
  const z = 4.753;
  return df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
}

describe('Sampler.sample(logits, requests): greedy rows', () => {
  it('sample(logits, {temperature: 0}) is the first argmax of every row', () => {
    const rows = Array.from({ length: 16 }, (_, b) => randomRow(1000, b));
    rows[3]![10] = 99; rows[3]![20] = 99; // tie: first wins
    const out = sample(batch(rows), { temperature: 0 });
    rows.forEach((r, b) => expect(out.tokens[b]).toBe(argmaxFirst(r)));
    expect(out.tokens[3]).toBe(10);
  });
  it('greedy rows ignore NaN and never touch min-p / top-k / top-p or randomness', () => {
    const r = Float32Array.from([1, NaN, 3, 2]);
    const a = new Sampler().sample({ data: r, dims: [1, 4] }, { temperature: 0, topK: 1, topP: 0.1, minP: 1 });
    expect(a.tokens[0]).toBe(2);
  });
  it('greedy rows compare logits as float32 (step 1): float64 values equal in float32 tie and the first wins', () => {
    // 1 and 1 + 1e-10 are the same float32, so vLLM (which casts first) returns token 0
    expect(sample([[1, 1 + 1e-10, 0.5]], { temperature: 0 }).tokens[0]).toBe(0);
    expect(sample(Float64Array.from([0.5, 1, 1 + 1e-10]), { temperature: 0 }).tokens[0]).toBe(1);
    // int32 beyond 2^24 rounds to float32 too: 16777217 and 16777216 tie
    expect(sample(Int32Array.from([16777216, 16777217]), { temperature: 0 }).tokens[0]).toBe(0);
    // a real float32 difference still wins
    expect(sample([[1, 1.001, 0.5]], { temperature: 0 }).tokens[0]).toBe(1);
  });
  it('greedy rows take the argmax after penalties and logit bias', () => {
    const r = Float32Array.from([5, 4, 0, 0]);
    expect(sample({ data: r, dims: [1, 4] }, [{ params: { temperature: 0, logitBias: { 1: 2 } } }]).tokens[0]).toBe(1);
    expect(sample({ data: r, dims: [1, 4] }, [{ params: { temperature: 0, repetitionPenalty: 2 }, promptTokenIds: [0] }]).tokens[0]).toBe(1);
    expect(sample({ data: r, dims: [1, 4] }, [{ params: { temperature: 0, frequencyPenalty: 1 }, outputTokenIds: [0, 0] }]).tokens[0]).toBe(1);
    expect(sample({ data: r, dims: [1, 4] }, [{ params: { temperature: 0, presencePenalty: 2 }, outputTokenIds: [0] }]).tokens[0]).toBe(1);
  });
});

describe('Sampler.sample(logits, requests): masking steps', () => {
  const r = Float32Array.from([9, 8, 7, 6, 5]);
  const g = (params: SamplingParams, output?: number[]) => sample({ data: r, dims: [1, 5] }, [{ params: { temperature: 0, ...params }, ...(output ? { outputTokenIds: output } : {}) }]).tokens[0];
  it('allowedTokenIds masks every other id', () => expect(g({ allowedTokenIds: [3, 4] })).toBe(3));
  it('badTokenIds are always masked', () => expect(g({ badTokenIds: [0, 1] })).toBe(2));
  it('badWords ban the last id when the output ends with the rest', () => {
    expect(g({ badWords: [[2, 0]] }, [1, 2])).toBe(1);
    expect(g({ badWords: [[2, 0]] }, [2, 1])).toBe(0);
    expect(g({ badWords: [[0]] })).toBe(1);
  });
  it('minTokens masks stopTokenIds while the output is shorter', () => {
    expect(g({ minTokens: 2, stopTokenIds: [0] }, [4])).toBe(1);
    expect(g({ minTokens: 2, stopTokenIds: [0] }, [4, 4])).toBe(0);
  });
  it('a -Infinity logit bias bans a token; +bias can make any token win', () => {
    expect(g({ logitBias: { 0: -Infinity } })).toBe(1);
    expect(g({ logitBias: { 4: 5 } })).toBe(4);
  });
  it('sampled rows never return a masked token (allowed, bad, -inf) — fast-check', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.constant(-Infinity), fc.constant(NaN)), { minLength: 2, maxLength: 40 }), fc.integer({ min: 0, max: 1e6 }), (vals, seed) => {
      const V = vals.length;
      const row = Float32Array.from(vals);
      const finite = [...row.keys()].filter((i) => Number.isFinite(row[i]!));
      fc.pre(finite.length > 1);
      const bad = [finite[0]!];
      const out = sample({ data: row, dims: [1, V] }, [{ params: { seed, badTokenIds: bad, topK: 3, topP: 0.9 } }]);
      const t = out.tokens[0]!;
      expect(Number.isFinite(row[t]!)).toBe(true);
      expect(bad).not.toContain(t);
    }), { numRuns: 300, seed: 7 });
  });
  it('a row with nothing finite left throws ALL_MASKED (greedy rows included)', () => {
    const x = { data: Float32Array.from([-Infinity, NaN, -Infinity]), dims: [1, 3] };
    for (const params of [{}, { temperature: 0 }] as SamplingParams[]) {
      expect(() => sample(x, params)).toThrow(expect.objectContaining({ code: 'ALL_MASKED' }));
    }
    const y = { data: Float32Array.from([1, 2, 3]), dims: [1, 3] };
    expect(() => sample(y, { allowedTokenIds: [0], badTokenIds: [0] })).toThrow(expect.objectContaining({ code: 'ALL_MASKED' }));
  });
  it('NaN logits behave as -Infinity on every path (in place at temperature 1, copied otherwise)', () => {
    const V = 300;
    const withNaN = randomRow(V, 41);
    for (let i = 0; i < V; i += 3) withNaN[i] = NaN;
    const withInf = Float32Array.from(withNaN, (v) => (Number.isNaN(v) ? -Infinity : v));
    for (const params of [{ topK: 5 }, { topK: 5, topP: 0.8 }, { topP: 0.7 }, { minP: 0.1 }, { minP: 0.1, topP: 0.8 }, { temperature: 0.7, topK: 5 }, {}] as SamplingParams[]) {
      for (let seed = 0; seed < 20; seed++) {
        const a = sample({ data: withNaN, dims: [1, V] }, { ...params, seed }).tokens[0]!;
        expect(a).toBe(sample({ data: withInf, dims: [1, V] }, { ...params, seed }).tokens[0]);
        expect(Number.isNaN(withNaN[a]!)).toBe(false);
      }
    }
    const firstNaN = Float32Array.from([NaN, NaN, 1, 2, 3]);
    expect(sample({ data: firstNaN, dims: [1, 5] }, { topK: 2, seed: 1 }).tokens[0]).toBeGreaterThanOrEqual(3);
  });
  it('+Infinity logits share all the mass', () => {
    const x = { data: Float32Array.from([Infinity, 1, Infinity, 3]), dims: [1, 4] };
    const seen = new Set<number>();
    for (let s = 0; s < 64; s++) seen.add(sample(x, { seed: s }).tokens[0]!);
    expect([...seen].sort()).toEqual([0, 2]);
  });
});

describe('Sampler.sample: seeds and batch invariance', () => {
  it('a seeded draw uses createRng(seed).fork(step).uniform()', () => {
    const block = new Uint32Array(4);
    for (const [seed, step] of [[0, 0], [42, 7], [2 ** 40 + 3, 123456], [1, 2 ** 33]] as const) {
      const lo = seed % 2 ** 32 >>> 0, hi = Math.floor(seed / 2 ** 32) >>> 0;
      expect(seededUniform(lo, hi, step, block)).toBe(createRng(seed).fork(step).uniform());
    }
  });
  it('the same seeded request gives the same token at any row of any batch size (fast-check)', () => {
    const V = 257;
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 9 }), fc.nat(), fc.integer({ min: 0, max: 1e6 }),
      fc.record({ temperature: fc.oneof(fc.constant(1), fc.double({ min: 0.2, max: 2, noNaN: true })), topK: fc.integer({ min: 0, max: 300 }), topP: fc.double({ min: 0.05, max: 1, noNaN: true }), minP: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
      (seed, stepLen, B, rowPick, rowSeed, params) => {
        const row = randomRow(V, rowSeed);
        const me: SampleRequest = { params: { ...params, seed }, outputTokenIds: Array.from({ length: stepLen }, (_, i) => i % V) };
        const alone = new Sampler().sample({ data: row, dims: [1, V] }, [me]).tokens[0];
        const at = rowPick % B;
        const rows = Array.from({ length: B }, (_, b) => (b === at ? row : randomRow(V, rowSeed + 1 + b)));
        const reqs: SampleRequest[] = rows.map((_, b) => (b === at ? me : { params: b % 2 ? { seed: b } : { topP: 0.5 } }));
        const inBatch = new Sampler().sample(batch(rows), reqs).tokens[at];
        expect(inBatch).toBe(alone);
      }), { numRuns: 150, seed: 8 });
  });
  it('the in-place fast paths (float32, temperature 1) draw exactly what the copying path draws (float64 input) — fast-check', () => {
    fc.assert(fc.property(
      fc.integer({ min: 2, max: 9000 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 2 ** 31 }),
      fc.record({ topK: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })), topP: fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 1, noNaN: true })), minP: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.9, noNaN: true })) }),
      (V, rowSeed, seed, params) => {
        const row = randomRow(V, rowSeed, 6);
        const a = new Sampler().sample({ data: row, dims: [1, V] }, { ...params, seed }).tokens[0];
        const b = new Sampler().sample({ data: Float64Array.from(row), dims: [1, V] }, { ...params, seed }).tokens[0];
        expect(a).toBe(b);
      }), { numRuns: 120, seed: 10 });
  });
  it('seed 0 is a seed: two Samplers agree on every step', () => {
    const row = randomRow(64, 1, 1);
    const a = new Sampler(), b = new Sampler();
    const ta: number[] = [], tb: number[] = [];
    for (let step = 0; step < 40; step++) {
      const req = [{ params: { seed: 0 }, outputTokenIds: new Int32Array(step) }];
      ta.push(a.sample({ data: row, dims: [1, 64] }, req).tokens[0]!);
      tb.push(b.sample({ data: row, dims: [1, 64] }, req).tokens[0]!);
    }
    expect(ta).toEqual(tb);
    expect(new Set(ta).size).toBeGreaterThan(5); // the step moves the stream
  });
  it('a bigint seed equals the same number seed; unseeded rows differ between rows', () => {
    const row = randomRow(64, 2, 1);
    expect(sample({ data: row, dims: [1, 64] }, { seed: 123n }).tokens[0]).toBe(sample({ data: row, dims: [1, 64] }, { seed: 123 }).tokens[0]);
    const rows = Array.from({ length: 64 }, () => row);
    const out = sample(batch(rows), {});
    expect(new Set(out.tokens).size).toBeGreaterThan(10); // not every row sharing one draw
    const seeded = sample(batch(rows), { seed: 5 });
    expect(new Set(seeded.tokens).size).toBe(1); // same seed + step + logits = same token
  });
});

describe('Sampler.sample: exact distribution (chi-square, fixed seeds)', () => {
  const V = 12;
  const raw = Float32Array.from([2.5, 2.5, 1.9, 1.2, 0.3, 0, -0.4, -1, 1.2, 2.1, -3, 0.7]);
  const combos: [string, SamplingParams][] = [
    ['plain', {}], ['temperature 0.6', { temperature: 0.6 }], ['top-k 4 (ties at the boundary)', { topK: 4 }],
    ['top-p 0.8', { topP: 0.8 }], ['top-k 6 + top-p 0.7', { topK: 6, topP: 0.7 }], ['min-p 0.2', { minP: 0.2 }],
    ['temperature 1.7 + min-p 0.1 + top-k 8 + top-p 0.9', { temperature: 1.7, minP: 0.1, topK: 8, topP: 0.9 }],
  ];
  it.each(combos)('%s: seeded draws fit the filtered distribution', (_name, params) => {
    const N = 20000;
    const data = new Float32Array(N * V);
    for (let b = 0; b < N; b++) data.set(raw, b * V);
    const reqs = Array.from({ length: N }, (_, b) => ({ params: { ...params, seed: 1000 + b } }));
    const { tokens } = new Sampler().sample({ data, dims: [N, V] }, reqs);
    const counts = new Float64Array(V);
    for (const t of tokens) counts[t]!++;
    const probs = filteredProbs(raw, params);
    let chi = 0, df = -1;
    for (let i = 0; i < V; i++) {
      if (probs[i] === 0) { expect(counts[i]).toBe(0); continue; }
      const e = N * probs[i]!;
      chi += (counts[i]! - e) ** 2 / e;
      df++;
    }
    if (df > 0) expect(chi).toBeLessThan(chi2Crit(df));
  });
});

describe('Sampler.sample: exact distribution on wide top-p rows (the binned path)', () => {
  it.each([[0.95, -20], [0.9, 2], [0.5, 5.9]])('topP %f with a %f tail: draws fit the filtered distribution, dropped tail ids never drawn', (topP, tail) => {
    const V = 4500, N = 5000;
    const raw = new Float32Array(V).fill(tail);
    const head = [8, 7.5, 7, 6, 6, 5, 4, 3, 2, 1];
    head.forEach((v, i) => { raw[100 + i * 7] = v; });
    const sampler = new Sampler();
    const x = { data: raw, dims: [1, V] };
    const tokens = Int32Array.from({ length: N }, (_, b) => sampler.sample(x, { topP, seed: 77 + b }).tokens[0]!);
    const probs = filteredProbs(raw, { topP });
    const counts = new Map<number, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const t of counts.keys()) expect(probs[t]).toBeGreaterThan(0);
    // categories: each head token, plus the kept tail tokens together (they are equally likely)
    let chi = 0, df = -1, tailP = 0, tailC = 0;
    for (let i = 0; i < V; i++) {
      if (probs[i] === 0) continue;
      if (raw[i] === tail) { tailP += probs[i]!; tailC += counts.get(i) ?? 0; continue; }
      const e = N * probs[i]!;
      chi += ((counts.get(i) ?? 0) - e) ** 2 / e; df++;
    }
    if (tailP > 0) { const e = N * tailP; chi += (tailC - e) ** 2 / e; df++; }
    expect(chi).toBeLessThan(chi2Crit(Math.max(df, 1)));
  });
});

describe('Sampler.sample: logprobs', () => {
  const V = 50;
  const rows = [randomRow(V, 11), randomRow(V, 12), randomRow(V, 13)];
  const reqs: SampleRequest[] = [
    { params: { logprobs: 3, seed: 1, topK: 10 } },
    { params: { temperature: 0 } },
    { params: { logprobs: 5, seed: 2, topP: 0.5, temperature: 0.8 } },
  ];
  it('raw_logprobs: [B, n + 1], column 0 the sampled token, then the top n descending; values = logSoftmax(raw)', () => {
    const out = new Sampler().sample(batch(rows), reqs);
    const lp = out.logprobs!;
    expect(lp.n).toBe(5);
    expect(lp.tokenIds.length).toBe(3 * 6);
    rows.forEach((r, b) => {
      const ls = logSoftmax(r);
      expect(lp.tokenIds[b * 6]).toBe(out.tokens[b]);
      const order = [...r.keys()].sort((i, j) => r[j]! - r[i]! || i - j).slice(0, 5);
      expect(Array.from(lp.tokenIds.subarray(b * 6 + 1, b * 6 + 6))).toEqual(order);
      for (let j = 0; j < 6; j++) expect(lp.logprobs[b * 6 + j]).toBeCloseTo(ls[lp.tokenIds[b * 6 + j]!]!, 5);
      const rank = Array.from(r).filter((v) => v >= r[out.tokens[b]!]!).length;
      expect(lp.ranks[b]).toBe(rank);
    });
  });
  it('raw_logits returns the raw values', () => {
    const out = new Sampler({ logprobsMode: 'raw_logits' }).sample(batch(rows), reqs);
    const lp = out.logprobs!;
    rows.forEach((r, b) => { for (let j = 0; j < 6; j++) expect(lp.logprobs[b * 6 + j]).toBe(r[lp.tokenIds[b * 6 + j]!]); });
  });
  it('processed_logprobs = logSoftmax of the processed row (dropped = -inf, renormalised); processed_logits = the processed row', () => {
    for (const mode of ['processed_logprobs', 'processed_logits'] as const) {
      const out = new Sampler({ logprobsMode: mode }).sample(batch(rows), reqs);
      const lp = out.logprobs!;
      rows.forEach((r, b) => {
        const params = reqs[b]!.params;
        const probs = params.temperature === 0 ? null : filteredProbs(r, params);
        const t = Math.fround(params.temperature === 0 ? 1 : params.temperature ?? 1);
        const proc = Float64Array.from(r, (v, i) => (probs && probs[i] === 0 ? -Infinity : Math.fround(v / t)));
        const want = mode === 'processed_logprobs' ? logSoftmax(proc) : proc;
        for (let j = 0; j < 6; j++) {
          const id = lp.tokenIds[b * 6 + j]!;
          if (want[id] === -Infinity) expect(lp.logprobs[b * 6 + j]).toBe(-Infinity);
          else expect(lp.logprobs[b * 6 + j]).toBeCloseTo(want[id]!, 5);
        }
        const order = [...proc.keys()].sort((i, j) => proc[j]! - proc[i]! || i - j).slice(0, 5);
        expect(Array.from(lp.tokenIds.subarray(b * 6 + 1, b * 6 + 6))).toEqual(order);
        expect(lp.ranks[b]).toBe(Array.from(proc).filter((v) => v >= proc[out.tokens[b]!]!).length);
      });
    }
  });
  it('no logprobs field when no request asks for them; logprobs: 0 gives only the sampled column', () => {
    expect(sample(batch(rows), {}).logprobs).toBeUndefined();
    const out = sample(batch(rows), { logprobs: 0, seed: 3 });
    expect(out.logprobs!.n).toBe(0);
    expect(Array.from(out.logprobs!.tokenIds)).toEqual(Array.from(out.tokens));
  });
});

describe('Sampler.sample: inputs', () => {
  it('float64, nested, strided and [V] inputs give the same tokens as float32 [B, V]', () => {
    const rows = [randomRow(30, 21), randomRow(30, 22)];
    const want = sample(batch(rows), { seed: 9, topK: 5 }).tokens;
    expect(sample(rows.map((r) => Array.from(r)), { seed: 9, topK: 5 }).tokens).toEqual(want);
    const t = new Float32Array(60);
    rows.forEach((r, b) => r.forEach((v, i) => { t[i * 2 + b] = v; }));
    const view = ndarray(t, { shape: [2, 30], strides: [1, 2], offset: 0 });
    expect(sample(view, { seed: 9, topK: 5 }).tokens).toEqual(want);
    expect(sample(rows[0]!, { seed: 9, topK: 5 }).tokens[0]).toBe(want[0]);
  });
  it('never modifies the logits, including +Infinity rows read in place at temperature 1', () => {
    const inf = Float32Array.from([Infinity, 1, Infinity, 3]);
    sample({ data: inf, dims: [1, 4] }, { seed: 1 });
    expect(Array.from(inf)).toEqual([Infinity, 1, Infinity, 3]);
  });
  it('never modifies the logits', () => {
    const rows = [randomRow(30, 31), randomRow(30, 32)];
    const x = batch(rows);
    const copy = x.data.slice();
    sample(x, [{ params: { temperature: 0.5, topP: 0.5, repetitionPenalty: 2, logitBias: { 3: 4 } }, promptTokenIds: [1, 2] }, { params: { allowedTokenIds: [1] } }]);
    expect(x.data).toEqual(copy);
  });
});

describe('Sampler.sample: validation before any row is touched', () => {
  const x = { data: new Float32Array(40).fill(1), dims: [4, 10] };
  const bad: [string, SamplingParams | SampleRequest, string][] = [
    ['topP 1.5', { topP: 1.5 }, 'topP of request 3 must be in (0, 1], got 1.5'],
    ['topP 0', { topP: 0 }, 'topP of request 3'],
    ['topK -3', { topK: -3 }, 'topK of request 3'],
    ['topK 2.5', { topK: 2.5 }, 'topK of request 3'],
    ['temperature NaN', { temperature: NaN }, 'temperature of request 3'],
    ['temperature -1', { temperature: -1 }, 'temperature of request 3'],
    ['temperature Infinity', { temperature: Infinity }, 'temperature of request 3'],
    ['minP 2', { minP: 2 }, 'minP of request 3'],
    ['presencePenalty 3', { presencePenalty: 3 }, 'presencePenalty of request 3'],
    ['frequencyPenalty NaN', { frequencyPenalty: NaN }, 'frequencyPenalty of request 3'],
    ['repetitionPenalty 0', { repetitionPenalty: 0 }, 'repetitionPenalty of request 3'],
    ['logprobs 11', { logprobs: 11 }, 'logprobs of request 3'],
    ['logprobs -1', { logprobs: -1 }, 'logprobs of request 3'],
    ['seed -1', { seed: -1 }, 'seed of request 3'],
    ['seed 1.5', { seed: 1.5 }, 'seed of request 3'],
    ['logitBias id 10', { logitBias: { 10: 1 } }, 'logitBias of request 3'],
    ['allowedTokenIds id 10', { allowedTokenIds: [10] }, 'allowedTokenIds[0] of request 3'],
    ['allowedTokenIds empty', { allowedTokenIds: [] }, 'allowedTokenIds of request 3'],
    ['badTokenIds -1', { badTokenIds: [-1] }, 'badTokenIds[0] of request 3'],
    ['badWords id', { badWords: [[1, 99]] }, 'badWords[0][1] of request 3'],
    ['stopTokenIds id', { stopTokenIds: [3.5] }, 'stopTokenIds[0] of request 3'],
    ['minTokens -1', { minTokens: -1 }, 'minTokens of request 3'],
    ['output id', { params: {}, outputTokenIds: [10] } as SampleRequest, 'outputTokenIds[0] of request 3'],
    ['prompt id', { params: {}, promptTokenIds: [0, 12] } as SampleRequest, 'promptTokenIds[1] of request 3'],
  ];
  it.each(bad)('%s → INVALID_ARGUMENT naming request 3 and the field', (_n, p, msg) => {
    const req = 'params' in p ? (p as SampleRequest) : { params: p as SamplingParams };
    const reqs: SampleRequest[] = [{ params: {} }, { params: {} }, { params: {} }, req];
    const before = x.data.slice();
    let err: unknown;
    try { sample(x, reqs); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(LogitkitError);
    expect((err as LogitkitError).code).toBe('INVALID_ARGUMENT');
    expect((err as LogitkitError).message).toContain(msg);
    expect(x.data).toEqual(before);
  });
  it('B requests for B rows, else SHAPE_MISMATCH; a single params object names "params"', () => {
    expect(() => sample(x, [{ params: {} }])).toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH' }));
    expect(() => sample({ data: new Float32Array(8), dims: [2, 2, 2] }, {})).toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH' }));
    expect(() => sample(x, { topP: 2 })).toThrow(/topP of params must be in \(0, 1\], got 2/);
  });
  it('an unknown logprobsMode is INVALID_ARGUMENT', () => {
    expect(() => new Sampler({ logprobsMode: 'nope' as never })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
