/**
 * The top-p boundary without a full sort (vLLM `apply_top_k_top_p`, p part).
 *
 * vLLM sorts ascending, takes the cumulative probability C_j and drops
 * position j when C_j <= 1 - p (the last position is always kept). Because C
 * grows with j, the dropped tokens are a prefix of the ascending order: all
 * values below a boundary value `bv`, plus the first `dropTies` of the tokens
 * equal to `bv`. We find (bv, dropTies) by a weighted quickselect: partition
 * the candidates around a pivot value (three-way), compare the mass below it
 * with the target `(1 - p) * Z`, and recurse into the one side that holds the
 * boundary; ranges of <= 16 are insertion-sorted and walked in vLLM's order.
 * O(n) expected, nothing sorted but the last few boundary candidates.
 *
 * `wv`/`ww` hold the candidates' values and unnormalised weights
 * (exp(v - max)) and are reordered. Sets `out.bv`, `out.dropTies`.
 */
export interface TopPBoundary {
  bv: number;
  dropTies: number;
  /** The dropped mass (same units as the weights). */
  dropped: number;
}

const SMALL = 16;

export function topPBoundary(wv: Float32Array, ww: Float64Array, n: number, target: number, out: TopPBoundary): TopPBoundary {
  let lo = 0, hi = n, below = 0;
  // `upper` is the smallest value known to lie above the range (kept for sure): the fallback boundary.
  let upper = Infinity, haveUpper = false;
  while (hi - lo > SMALL) {
    const mid = (lo + hi) >>> 1;
    let a = wv[lo]!, b = wv[mid]!, c = wv[hi - 1]!;
    if (a > b) { const t = a; a = b; b = t; }
    if (b > c) b = c;
    if (a > b) b = a;
    const pivot = b;
    // three-way partition (Dijkstra): [lo, lt) < pivot, [lt, gt) == pivot, [gt, hi) > pivot
    let lt = lo, i = lo, gt = hi;
    let massLess = 0, massEq = 0;
    while (i < gt) {
      const v = wv[i]!;
      if (v < pivot) {
        const w = ww[i]!;
        massLess += w;
        wv[i] = wv[lt]!; ww[i] = ww[lt]!; wv[lt] = v; ww[lt] = w;
        lt++; i++;
      } else if (v > pivot) {
        gt--;
        const w = ww[i]!;
        wv[i] = wv[gt]!; ww[i] = ww[gt]!; wv[gt] = v; ww[gt] = w;
      } else {
        massEq += ww[i]!;
        i++;
      }
    }
    if (below + massLess > target) {
      // the boundary is strictly below the pivot: pivot-valued tokens and above are kept
      hi = lt; upper = pivot; haveUpper = true;
      continue;
    }
    below += massLess;
    const eqCount = gt - lt;
    if (below + massEq > target) {
      const we = ww[lt]!;
      let d = Math.floor((target - below) / we);
      if (d < 0) d = 0;
      if (d > eqCount) d = eqCount;
      while (d < eqCount && below + (d + 1) * we <= target) d++;
      while (d > 0 && below + d * we > target) d--;
      if (d < eqCount) { out.bv = pivot; out.dropTies = d; out.dropped = below + d * we; return out; }
    }
    below += massEq;
    if (gt === hi) {
      // everything in the range is dropped
      if (haveUpper) { out.bv = upper; out.dropTies = 0; out.dropped = below; return out; }
      out.bv = pivot; out.dropTies = eqCount - 1; out.dropped = below - ww[lt]!; return out; // the maximum is always kept
    }
    lo = gt;
  }
  // insertion sort of the last few candidates, ascending
  for (let i = lo + 1; i < hi; i++) {
    const v = wv[i]!, w = ww[i]!;
    let j = i - 1;
    while (j >= lo && wv[j]! > v) { wv[j + 1] = wv[j]!; ww[j + 1] = ww[j]!; j--; }
    wv[j + 1] = v; ww[j + 1] = w;
  }
  let i = lo;
  while (i < hi) {
    const v = wv[i]!;
    let dropped = 0;
    while (i < hi && wv[i] === v) {
      if (below + ww[i]! <= target) { below += ww[i]!; dropped++; i++; }
      else { out.bv = v; out.dropTies = dropped; out.dropped = below; return out; }
    }
    if (i === hi) {
      if (haveUpper) { out.bv = upper; out.dropTies = 0; out.dropped = below; return out; }
      out.bv = v; out.dropTies = dropped - 1; out.dropped = below - ww[hi - 1]!; return out;
    }
  }
  // empty range (n === 0 or the range closed on an upper pivot)
  out.bv = haveUpper ? upper : Infinity; out.dropTies = 0; out.dropped = below;
  return out;
}
