/**
 * Step 5b, min-p (vLLM `MinPLogitsProcessor`): a token is dropped when its
 * probability is strictly below `minP * max probability`, i.e. when
 * `exp(l - max) < minP`, i.e. `l - max < ln(minP)`. The maximum and its ties
 * always survive. No exponentials: one threshold.
 *
 * Returns the cut: tokens with `l >= cut` survive (-Infinity when min-p is
 * off). `m` is the row maximum.
 */
export function minPCut(m: number, minP: number): number {
  if (!(minP > 0)) return -Infinity;
  return m + Math.log(minP);
}

/** In place: every logit of `x[0..V)` below the min-p cut becomes -Infinity; returns `x`. O(V). */
export function applyMinPRow(x: Float32Array, V: number, minP: number): Float32Array {
  if (!(minP > 0)) return x;
  let m = -Infinity;
  for (let i = 0; i < V; i++) { const v = x[i]!; if (v > m) m = v; }
  if (m === -Infinity) return x;
  if (m === Infinity) {
    for (let i = 0; i < V; i++) if (x[i] !== Infinity) x[i] = -Infinity;
    return x;
  }
  const cut = minPCut(m, minP);
  for (let i = 0; i < V; i++) if (x[i]! < cut) x[i] = -Infinity;
  return x;
}

/**
 * One read-only pass for min-p rows: returns the row maximum and collects
 * into `cand` (increasing ids) a superset of the survivors — every index
 * whose value was >= (running maximum + ln(minP)) when scanned; the cut only
 * grows, so no survivor is missed. NaN is never collected. The count is left
 * in `out[0]`. O(V).
 */
export function minPCollect(x: Float32Array, V: number, minP: number, cand: Int32Array, out: Int32Array): number {
  const lnMinP = Math.log(minP);
  let m = -Infinity, cut = -Infinity, n = 0;
  for (let i = 0; i < V; i++) {
    const v = x[i]!;
    if (v >= cut) {
      if (v > m) { m = v; cut = m + lnMinP; }
      cand[n++] = i;
    }
  }
  out[0] = n;
  return m;
}
