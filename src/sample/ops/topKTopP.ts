import { allMasked } from '../../errors/messages.js';
import { expNonPos } from './fastExp.js';
import { HEAP_MAX, kthLargest, kthLargestCollect } from './kthLargest.js';
import { minPCut } from './minP.js';
import { TOP_P_BINS, type Scratch } from './scratch.js';
import { topPBoundary, type TopPBoundary } from './topP.js';

/**
 * Steps 5b-5d on one row after temperature: min-p, top-k, top-p, as a kept
 * set described without masking the row (vLLM `apply_top_k_top_p` semantics):
 *
 * - min-p keeps `l >= max + ln(minP)`;
 * - top-k keeps `l >= ` the k-th largest value (counting duplicates; ties
 *   all kept; fewer than k finite → every finite survives);
 * - both are thresholds, so their intersection is `l >= cut`; the surviving
 *   tokens become the candidates (ids in increasing order, values, weights
 *   exp(l - max)) — only they are exponentiated. For k <= 2048 the top-k
 *   heap scan collects the candidates in the same pass;
 * - top-p over the candidates gives (bv, dropTies): a candidate is kept when
 *   `v > bv`, or `v == bv` and it is not among the first `dropTies` such
 *   candidates in id order (vLLM's stable ascending order drops lower ids
 *   first). Few candidates: a weighted quickselect on copies. Many: a
 *   4096-bin histogram of the mass by value (bins of width 40/4096 below the
 *   maximum, the last bin takes the tail) finds the bin holding the boundary,
 *   and only that bin's candidates go through the exact selection.
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
  /**
   * True for wide top-p-only rows handled without a candidate list: the kept
   * set is then described by the value bins (see {@link drawBinned}); `hit`
   * is the bin holding the boundary and `keptHit` its kept mass.
   */
  binned: boolean;
  hit: number;
  keptHit: number;
}

export function newKeptSet(): KeptSet {
  return { n: 0, m: 0, zKept: 0, cut: -Infinity, bv: -Infinity, dropTies: 0, dropped: 0, binned: false, hit: 0, keptHit: 0 };
}

/** Below this many candidates top-p selects directly; above, through the histogram. */
const DIRECT_MAX = 4096;
const BIN_SPAN = 40;

export function keptSet(x: Float32Array, V: number, m: number, minP: number, topK: number, topP: number, s: Scratch, res: KeptSet, where: string, preThr = NaN, preMinP = false): KeptSet {
  res.binned = false;
  if (topP < 1 && !(minP > 0) && !(topK > 0 && topK < V) && V > DIRECT_MAX) return binnedTopP(x, V, m, topP, s, res);
  let cut = minPCut(m, minP);
  const idx = s.idx, val = s.val, w = s.w;
  let n = 0, z = 0;
  if (preMinP) {
    // the caller ran minPCollect (no top-k): filter its superset
    const nc = s.ints[0]!;
    for (let j = 0; j < nc; j++) {
      const i = idx[j]!, v = x[i]!;
      if (v >= cut && v !== -Infinity) { const e = expNonPos(v - m); idx[n] = i; val[n] = v; w[n] = e; z += e; n++; }
    }
  } else if (topK > 0 && topK < V && topK <= HEAP_MAX) {
    // preThr: the caller already ran kthLargestCollect (to learn the maximum in the same pass)
    const thr = preThr === preThr ? preThr : kthLargestCollect(x, V, topK, s.heap, idx, s.ints);
    if (thr > cut) cut = thr;
    const nc = s.ints[0]!;
    for (let j = 0; j < nc; j++) {
      const i = idx[j]!, v = x[i]!;
      if (v >= cut && v !== -Infinity) { const e = expNonPos(v - m); idx[n] = i; val[n] = v; w[n] = e; z += e; n++; }
    }
  } else {
    if (topK > 0 && topK < V) {
      const thr = kthLargest(x, V, topK, s.heap);
      if (thr > cut) cut = thr;
    }
    if (cut === -Infinity) {
      for (let i = 0; i < V; i++) {
        const v = x[i]!;
        if (v !== -Infinity) { const e = expNonPos(v - m); idx[n] = i; val[n] = v; w[n] = e; z += e; n++; }
      }
    } else {
      for (let i = 0; i < V; i++) {
        const v = x[i]!;
        if (v >= cut) { const e = expNonPos(v - m); idx[n] = i; val[n] = v; w[n] = e; z += e; n++; }
      }
    }
  }
  if (n === 0) throw allMasked(`sample: ${where} has no finite logit left after filtering`);
  res.n = n; res.m = m; res.cut = cut;
  if (topP < 1) {
    const target = (1 - topP) * z;
    if (n <= DIRECT_MAX) {
      s.wv.set(val.subarray(0, n));
      s.ww.set(w.subarray(0, n));
      topPBoundary(s.wv, s.ww, n, target, res);
    } else {
      histogramBoundary(s, n, m, target, res);
    }
    let zk = z - res.dropped;
    if (!(zk > z * 1e-6)) {
      // heavy cancellation (tiny p): sum the kept weights directly
      zk = 0;
      let ties = 0;
      const bv = res.bv, drop = res.dropTies;
      for (let j = 0; j < n; j++) {
        const v = val[j]!;
        if (v > bv) zk += w[j]!;
        else if (v === bv) { if (ties >= drop) zk += w[j]!; ties++; }
      }
    }
    res.zKept = zk;
  } else {
    res.bv = -Infinity; res.dropTies = 0; res.zKept = z;
  }
  return res;
}

/** Top-p boundary of many candidates: histogram of the mass by value, then the exact selection inside one bin. */
function histogramBoundary(s: Scratch, n: number, m: number, target: number, res: TopPBoundary): void {
  const val = s.val, w = s.w, bin = s.bin, mass = s.binMass;
  const NB = TOP_P_BINS, last = NB - 1, scale = NB / BIN_SPAN;
  mass.fill(0);
  for (let j = 0; j < n; j++) {
    let b = ((m - val[j]!) * scale) | 0;
    if (b > last) b = last;
    bin[j] = b;
    mass[b] = mass[b]! + w[j]!;
  }
  const hit = boundaryBin(mass, last, target);
  const below = boundaryBelow;
  const wv = s.wv, ww = s.ww;
  let c = 0;
  for (let j = 0; j < n; j++) {
    if (bin[j] === hit) { wv[c] = val[j]!; ww[c] = w[j]!; c++; }
  }
  topPBoundary(wv, ww, c, target - below, res);
  res.dropped += below;
}

/** The mass of the bins below the one {@link boundaryBin} returned last (set by it). */
let boundaryBelow = 0;

/**
 * The bin where top-p's drop boundary falls: bins run from the maximum (0) down
 * to the tail (`last`); accumulating from the tail, it is the first bin whose
 * mass takes the running total past `target`. Leaves the mass of the bins
 * below it in `boundaryBelow`. O(bins).
 */
function boundaryBin(mass: Float64Array, last: number, target: number): number {
  let below = 0, hit = 0;
  for (let b = last; b >= 0; b--) {
    const mb = mass[b]!;
    if (below + mb > target) { hit = b; break; }
    below += mb;
    hit = b;
  }
  boundaryBelow = below;
  return hit;
}

const SCALE = TOP_P_BINS / BIN_SPAN;
const LAST = TOP_P_BINS - 1;

/**
 * Wide top-p-only rows (no min-p, no top-k, V > 4096) without a candidate
 * list: one pass computes the exponentials and the mass histogram by value
 * bin (nothing stored per token), a second pass gathers the boundary bin's
 * tokens for the exact selection. The draw ({@link drawBinned}) then picks a
 * bin by its kept mass and walks only that bin's tokens.
 */
function binnedTopP(x: Float32Array, V: number, m: number, topP: number, s: Scratch, res: KeptSet): KeptSet {
  const mass = s.binMass;
  mass.fill(0);
  let z = 0;
  for (let i = 0; i < V; i++) {
    const v = x[i]!;
    if (v !== -Infinity) {
      const d = m - v;
      const e = expNonPos(-d);
      let b = (d * SCALE) | 0;
      if (b > LAST) b = LAST;
      mass[b] = mass[b]! + e;
      z += e;
    }
  }
  const target = (1 - topP) * z;
  const hit = boundaryBin(mass, LAST, target);
  const below = boundaryBelow;
  const wv = s.wv, ww = s.ww;
  let c = 0;
  for (let i = 0; i < V; i++) {
    const v = x[i]!;
    if (v === -Infinity) continue;
    const d = m - v;
    let b = (d * SCALE) | 0;
    if (b > LAST) b = LAST;
    if (b === hit) { wv[c] = v; ww[c] = expNonPos(-d); c++; }
  }
  topPBoundary(wv, ww, c, target - below, res);
  const droppedInBin = res.dropped;
  res.dropped += below;
  res.binned = true; res.hit = hit; res.m = m; res.cut = -Infinity; res.n = 0;
  let keptHit = mass[hit]! - droppedInBin;
  let zk = z - res.dropped;
  if (!(zk > z * 1e-6) || !(keptHit > mass[hit]! * 1e-9)) {
    // heavy cancellation (tiny p): sum the boundary bin's kept weights directly
    keptHit = 0;
    let ties = 0;
    for (let i = 0; i < V; i++) {
      const v = x[i]!;
      if (v === -Infinity) continue;
      const d = m - v;
      let b = (d * SCALE) | 0;
      if (b > LAST) b = LAST;
      if (b !== hit || v < res.bv) continue;
      if (v === res.bv && ties++ < res.dropTies) continue;
      keptHit += expNonPos(-d);
    }
    zk = keptHit;
    for (let b = 0; b < hit; b++) zk += mass[b]!;
  }
  res.keptHit = keptHit;
  res.zKept = zk;
  return res;
}

/**
 * The draw for a {@link binnedTopP} row: one uniform u, inverse CDF over the
 * kept tokens ordered by value bin (highest first), then by id within the
 * bin — first a walk over the bins' kept masses, then over the chosen bin's
 * tokens only (exponentials for those alone). Exact distribution: P(token) =
 * P(bin) * w / mass(bin) = w / zKept.
 */
export function drawBinned(x: Float32Array, V: number, res: KeptSet, s: Scratch, u: number): number {
  const mass = s.binMass, hit = res.hit, m = res.m, bv = res.bv, drop = res.dropTies;
  let target = u * res.zKept;
  let chosen = hit;
  for (let b = 0; b <= hit; b++) {
    const mb = b < hit ? mass[b]! : res.keptHit;
    if (target < mb) { chosen = b; break; }
    target -= mb;
  }
  let acc = 0, last = -1, ties = 0;
  for (let i = 0; i < V; i++) {
    const v = x[i]!;
    if (v === -Infinity) continue;
    const d = m - v;
    let b = (d * SCALE) | 0;
    if (b > LAST) b = LAST;
    if (b !== chosen) continue;
    if (b === hit) {
      if (v < bv) continue;
      if (v === bv && ties++ < drop) continue;
    }
    const e = expNonPos(-d);
    if (e > 0) {
      acc += e;
      last = i;
      if (acc > target) return i;
    }
  }
  if (last >= 0) return last;
  for (let i = 0; i < V; i++) if (x[i] === m) return i; // rounding left the chosen bin empty: the maximum
  return 0;
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
