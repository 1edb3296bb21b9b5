// Golden comparisons with vLLM V1's own code run in PyTorch (test/fixtures/gen_sample.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ndarray } from '../core/ndarray.js';
import { applyMinP } from './applyMinP.js';
import { applyPenalties } from './applyPenalties.js';
import { applyTopKTopP } from './applyTopKTopP.js';

interface Spec { V: number; seed: number; scale: number; power: number; shift: number; quant?: number; maskFrac?: number; patches?: [number, number | null][] }
interface KeptRow { spec: Spec; check: [number, number]; k: number; p: number; count: number; boundary: number; boundaryTies: number; kept?: number[]; temperature?: number; minP?: number }
interface PenaltyRow { spec: Spec; check: [number, number]; prompt: number[]; output: number[]; presencePenalty: number; frequencyPenalty: number; repetitionPenalty: number; expected: number[] }

const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8')) as T;

/** mulberry32, bit for bit as gen_sample.py. */
function* mulberry32(seed: number): Generator<number> {
  let a = seed | 0;
  for (;;) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    yield (t ^ (t >>> 14)) >>> 0;
  }
}

/** Regenerates a fixture row (float32) exactly as gen_sample.py's gen_row. */
export function genRow(spec: Spec): Float32Array {
  const g = mulberry32(spec.seed);
  const out = new Float32Array(spec.V);
  for (let i = 0; i < spec.V; i++) {
    const u = (g.next().value! >>> 8) / 16777216;
    let p = u;
    for (let j = 1; j < spec.power; j++) p *= u;
    let v = spec.scale * p + spec.shift;
    if (spec.quant) v = Math.floor(v * spec.quant + 0.5) / spec.quant;
    if (u < (spec.maskFrac ?? 0)) v = -Infinity;
    out[i] = v;
  }
  for (const [i, v] of spec.patches ?? []) out[i] = v === null ? -Infinity : v;
  return out;
}

function checksum(row: Float32Array): [number, number] {
  let s = 0, n = 0;
  for (const v of row) if (Number.isFinite(v)) { s += v; n++; }
  return [s, n];
}

/**
 * Compares our kept set (finite entries of `after`) with vLLM's (count, boundary).
 * Exact unless the difference is one of API.md's two exceptions: ties exactly at
 * the top-p boundary (any choice of the same count) or tokens whose cumulative
 * mass lies within 1e-5 of 1 - p. `base` is the row top-p saw (after top-k etc.).
 * Returns 'exact' or 'tolerance'.
 */
function compareKept(after: Float32Array, row: KeptRow, base: Float32Array | null, p: number): 'exact' | 'tolerance' {
  const keptVals: number[] = [];
  const keptIdx: number[] = [];
  let maxDropped = -Infinity;
  for (let i = 0; i < after.length; i++) {
    if (after[i] !== -Infinity) { keptVals.push(after[i]!); keptIdx.push(i); }
  }
  const minKept = Math.min(...keptVals.slice(0, 1e5), ...(keptVals.length > 1e5 ? [Math.min(...keptVals.slice(1e5))] : []));
  // structure: every kept value >= every dropped value (of the original finite row)
  for (let i = 0; i < after.length; i++) if (after[i] === -Infinity && base !== null && base[i] !== -Infinity && base[i]! > maxDropped) maxDropped = base[i]!;
  if (base !== null) expect(maxDropped <= minKept).toBe(true);
  if (keptVals.length === row.count && minKept === row.boundary) {
    if (row.kept && row.boundaryTies === 1) expect(keptIdx).toEqual(row.kept);
    return 'exact';
  }
  // not identical: only allowed at the top-p boundary, within float32 rounding of the cumulative mass
  expect(p).toBeLessThan(1);
  expect(base).not.toBeNull();
  const vals = Array.from(base!).filter((v) => v !== -Infinity).sort((a, b) => a - b);
  const m = vals[vals.length - 1]!;
  let z = 0;
  for (const v of vals) z += Math.exp(v - m);
  const n = vals.length;
  const lo = Math.min(n - keptVals.length, n - row.count), hi = Math.max(n - keptVals.length, n - row.count);
  let c = 0;
  for (let j = 0; j < n; j++) {
    c += Math.exp(vals[j]! - m) / z;
    // positions whose drop/keep decision differs between the two sets
    if (j >= lo && j < hi) {
      const tiedAtBoundary = vals[j] === row.boundary || vals[j] === minKept;
      if (!tiedAtBoundary) expect(Math.abs(c - (1 - Math.fround(p)))).toBeLessThan(1e-5);
    }
  }
  return 'tolerance';
}

describe('applyTopKTopP(logits, k, p) equals vLLM apply_top_k_top_p', () => {
  const fx = load<{ rows: KeptRow[] }>('sample_topk_topp.json');
  it('regenerates the fixture rows bit for bit (generator self-check)', () => {
    for (const r of fx.rows) {
      const [s, n] = checksum(genRow(r.spec));
      expect(n).toBe(r.check[1]);
      expect(s).toBeCloseTo(r.check[0], 6);
    }
  });
  it.each(fx.rows.map((r, i) => [i, r.spec.V, r.k, r.p, r] as const))('row %i (V=%i, k=%i, p=%f) keeps vLLM\'s set', (_i, V, k, p, r) => {
    const base = genRow(r.spec);
    const x = ndarray(base.slice(), { shape: [1, V] });
    applyTopKTopP(x, k, p);
    // the row top-p saw: after top-k
    const afterK = ndarray(base.slice(), { shape: [1, V] });
    applyTopKTopP(afterK, k, null);
    const kind = compareKept(x.data as Float32Array, r, afterK.data as Float32Array, p);
    if (p === 1) expect(kind).toBe('exact');
  });
  it('agrees exactly on nearly every row (the tolerance exceptions stay rare)', () => {
    let exact = 0;
    for (const r of fx.rows) {
      const x = ndarray(genRow(r.spec), { shape: [1, r.spec.V] });
      applyTopKTopP(x, r.k, r.p);
      let n = 0, mn = Infinity;
      for (const v of x.data as Float32Array) if (v !== -Infinity) { n++; if (v < mn) mn = v; }
      if (n === r.count && mn === r.boundary) exact++;
    }
    expect(exact).toBeGreaterThanOrEqual(fx.rows.length - 2);
  });
  it('applies per-row k and p to a batch exactly as row by row', () => {
    const rows = fx.rows.filter((r) => r.spec.V === 1000);
    const V = 1000;
    const data = new Float32Array(rows.length * V);
    rows.forEach((r, b) => data.set(genRow(r.spec), b * V));
    applyTopKTopP(ndarray(data, { shape: [rows.length, V] }), rows.map((r) => r.k), rows.map((r) => r.p));
    rows.forEach((r, b) => {
      const one = ndarray(genRow(r.spec), { shape: [1, V] });
      applyTopKTopP(one, r.k, r.p);
      expect(Array.from(data.subarray(b * V, (b + 1) * V))).toEqual(Array.from(one.data as Float32Array));
    });
  });
});

describe('temperature → applyMinP → applyTopKTopP equals vLLM V1 (steps 5a-5d)', () => {
  const fx = load<{ rows: KeptRow[] }>('sample_minp.json');
  it.each(fx.rows.map((r, i) => [i, r.spec.V, r.temperature!, r.minP!, r.k, r.p, r] as const))(
    'row %i (V=%i, T=%f, minP=%f, k=%i, p=%f) keeps vLLM\'s set', (_i, V, T, minP, k, p, r) => {
      const raw = genRow(r.spec);
      expect(checksum(raw)[1]).toBe(r.check[1]);
      const t = Math.fround(T);
      const x = new Float32Array(V);
      for (let i = 0; i < V; i++) x[i] = raw[i]! / t;
      const a = ndarray(x, { shape: [1, V] });
      applyMinP(a, minP);
      const afterMinK = ndarray(x.slice(), { shape: [1, V] });
      applyTopKTopP(afterMinK, k, null);
      applyTopKTopP(a, k, p);
      compareKept(x, r, afterMinK.data as Float32Array, p);
    });
});

describe('applyPenalties(logits, requests) equals vLLM apply_penalties', () => {
  const fx = load<{ rows: PenaltyRow[] }>('sample_penalties.json');
  it.each(fx.rows.map((r, i) => [i, r.spec.V, r] as const))('row %i (V=%i) matches in float32 exactly', (_i, V, r) => {
    const x = ndarray(genRow(r.spec), { shape: [1, V] });
    applyPenalties(x, [{
      params: { presencePenalty: r.presencePenalty, frequencyPenalty: r.frequencyPenalty, repetitionPenalty: r.repetitionPenalty },
      promptTokenIds: r.prompt, outputTokenIds: r.output,
    }]);
    expect(Array.from(x.data as Float32Array)).toEqual(r.expected);
  });
});
