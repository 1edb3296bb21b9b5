/**
 * Step 6: logprobs gathered from the array the mode names (vLLM
 * `gather_logprobs`). Writes one row of the [B, n + 1] outputs: column 0 the
 * sampled token, then the top n ids in descending value order (ties: lower id
 * first; -Infinity entries fill the tail when fewer than n are finite), and
 * returns the rank of the sampled token: how many values are >= its value
 * (1 = best, ties count against it). Values are `x - lse` (lse = 0 for the
 * logits modes). A size-n heap, then a sort of those n only: O(V log n).
 */
export function gatherRow(
  x: Float32Array, V: number, token: number, n: number, lse: number,
  tokenIds: Int32Array, logprobs: Float32Array, rowOffset: number, heap: Int32Array,
): number {
  const sv = x[token]!;
  tokenIds[rowOffset] = token;
  logprobs[rowOffset] = sv - lse;
  let rank = 0;
  for (let i = 0; i < V; i++) if (x[i]! >= sv) rank++;
  if (n === 0) return rank;
  // min-heap of the n best ids, "worst" at the root
  for (let i = 0; i < n; i++) heap[i] = i;
  for (let i = (n >> 1) - 1; i >= 0; i--) sift(heap, n, i, x);
  for (let i = n; i < V; i++) {
    const v = x[i]!, r = heap[0]!, rv = x[r]!;
    if (v > rv) { heap[0] = i; sift(heap, n, 0, x); }
  }
  // heap-sort the n ids into descending order: pop the worst to the back
  for (let end = n - 1; end > 0; end--) {
    const t = heap[0]!; heap[0] = heap[end]!; heap[end] = t;
    sift(heap, end, 0, x);
  }
  for (let j = 0; j < n; j++) {
    const id = heap[j]!;
    tokenIds[rowOffset + 1 + j] = id;
    logprobs[rowOffset + 1 + j] = x[id]! - lse;
  }
  return rank;
}

/** a is worse than b: lower value, or equal value and higher id. */
function worse(x: Float32Array, a: number, b: number): boolean {
  const va = x[a]!, vb = x[b]!;
  return va < vb || (va === vb && a > b);
}

function sift(h: Int32Array, n: number, i: number, x: Float32Array): void {
  const v = h[i]!;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && worse(x, h[c + 1]!, h[c]!)) c++;
    if (!worse(x, h[c]!, v)) break;
    h[i] = h[c]!;
    i = c;
  }
  h[i] = v;
}

/** log(sum(exp(x[0..V)))) in float64, max-shifted; -Infinity for an all -Infinity row; +Infinity when some entry is +Infinity. */
export function logSumExpRow(x: Float32Array, V: number): number {
  let m = -Infinity;
  for (let i = 0; i < V; i++) { const v = x[i]!; if (v > m) m = v; }
  if (m === -Infinity || m === Infinity) return m;
  let s = 0;
  for (let i = 0; i < V; i++) s += Math.exp(x[i]! - m);
  return m + Math.log(s);
}
