import { allMasked } from '../../errors/messages.js';
import { kthLargest } from './kthLargest.js';
import { minPCut } from './minP.js';
import type { Scratch } from './scratch.js';
import { topPBoundary, type TopPBoundary } from './topP.js';

/**
 * Steps 5b-5d on one row after temperature: min-p, top-k, top-p, as a kept
 * set described without masking the row (vLLM `apply_top_k_top_p` semantics):
 *
 * - min-p keeps `l >= max + ln(minP)`;
 * - top-k keeps `l >= ` the k-th largest value (counting duplicates; ties
 *   all kept; fewer than k finite → every finite survives);
 * - both are thresholds, so their intersection is `l >= cut`; the surviving
 *   tokens become the candidates (ids, values, weights exp(l - max)) — only
 *   they are exponentiated;
 * - top-p over the candidates gives (bv, dropTies): a candidate is kept when
 *   `v > bv`, or `v == bv` and it is not among the first `dropTies` such
 *   candidates in id order (vLLM's stable ascending order drops lower ids first).
 *
 * The result lives in `s` and `res`. `m` is the row maximum (finite).
 * Throws ALL_MASKED when nothing is left (cannot happen when `m` is finite).
 */
export interface KeptSet extends TopPBoundary {
  /** Number of candidates in `s.idx/val/w`. */
  n: number;
  /** Row maximum (the weights are exp(v - m)). */
  m: number;
  /** Sum of the kept weights. */
  zKept: number;
  /** The threshold every candidate passed. */
  cut: number;
}

export function newKeptSet(): KeptSet {
  return { n: 0, m: 0, zKept: 0, cut: -Infinity, bv: -Infinity, dropTies: 0 };
}

export function keptSet(x: Float32Array, V: number, m: number, minP: number, topK: number, topP: number, s: Scratch, res: KeptSet, where: string): KeptSet {
  let cut = minPCut(m, minP);
  if (topK > 0 && topK < V) {
    const thr = kthLargest(x, V, topK, s.heap);
    if (thr > cut) cut = thr;
  }
  const idx = s.idx, val = s.val, w = s.w;
  let n = 0, z = 0;
  if (cut === -Infinity) {
    for (let i = 0; i < V; i++) {
      const v = x[i]!;
      if (v !== -Infinity) { const e = Math.exp(v - m); idx[n] = i; val[n] = v; w[n] = e; z += e; n++; }
    }
  } else {
    for (let i = 0; i < V; i++) {
      const v = x[i]!;
      if (v >= cut) { const e = Math.exp(v - m); idx[n] = i; val[n] = v; w[n] = e; z += e; n++; }
    }
  }
  if (n === 0) throw allMasked(`sample: ${where} has no finite logit left after filtering`);
  res.n = n; res.m = m; res.cut = cut;
  if (topP < 1) {
    s.wv.set(val.subarray(0, n));
    s.ww.set(w.subarray(0, n));
    topPBoundary(s.wv, s.ww, n, (1 - topP) * z, res);
    let zk = 0, ties = 0;
    const bv = res.bv, drop = res.dropTies;
    for (let j = 0; j < n; j++) {
      const v = val[j]!;
      if (v > bv) zk += w[j]!;
      else if (v === bv) { if (ties >= drop) zk += w[j]!; ties++; }
    }
    res.zKept = zk;
  } else {
    res.bv = -Infinity; res.dropTies = 0; res.zKept = z;
  }
  return res;
}

/** True when candidate value `v` is kept given the boundary; `tiesSeen` is how many `bv`-valued candidates came before it. */
export function isKept(v: number, bv: number, dropTies: number, tiesSeen: number): boolean {
  return v > bv || (v === bv && tiesSeen >= dropTies);
}

/**
 * In place on `x[0..V)`: writes -Infinity over every token outside the kept
 * set (for applyTopKTopP and the processed logprobs modes). O(V).
 */
export function maskToKept(x: Float32Array, V: number, res: KeptSet): Float32Array {
  const cut = res.cut, bv = res.bv, drop = res.dropTies;
  let ties = 0;
  for (let i = 0; i < V; i++) {
    const v = x[i]!;
    if (v === -Infinity) continue;
    if (!(v >= cut)) { x[i] = -Infinity; continue; }
    if (v > bv) continue;
    if (v === bv) { if (ties++ >= drop) continue; }
    x[i] = -Infinity;
  }
  return x;
}
