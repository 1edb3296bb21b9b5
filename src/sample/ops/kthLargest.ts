/**
 * The k-th largest value of `x[0..V)` counting duplicates (1 <= k <= V),
 * without sorting: the top-k threshold. -Infinity entries count like any
 * value, so fewer than k finite logits give -Infinity (then every finite
 * token survives `x >= threshold`, as in vLLM). NaN must already be mapped.
 *
 * Small k: a size-k min-heap scan — one compare per element once the heap is
 * warm, O(V + k log k log(V/k)) on typical rows, O(V log k) worst case.
 * Large k: Floyd–Rivest-style quickselect on a scratch copy, O(V) expected.
 * `scratch` must hold max(k, V) floats when k > HEAP_MAX, k otherwise.
 */
export function kthLargest(x: Float32Array, V: number, k: number, scratch: Float32Array): number {
  if (k <= HEAP_MAX) return heapKth(x, V, k, scratch);
  scratch.set(x.subarray(0, V));
  return quickselect(scratch, V, V - k);
}

/**
 * Like {@link kthLargest} for k <= HEAP_MAX, and in the same pass collects
 * into `cand` (in increasing index order) a superset of the tokens with
 * `x >= ` the result: every index whose value was >= the heap's minimum when
 * it was scanned (the minimum only grows, so no survivor is missed). Typical
 * rows collect about k (1 + ln(V / k)) indices. Returns the threshold; the
 * count is left in `out[0]`.
 */
export function kthLargestCollect(x: Float32Array, V: number, k: number, h: Float32Array, cand: Int32Array, out: Int32Array): number {
  let n = 0;
  // NaN counts as -Infinity (it is never >= anything later, and never enters the heap)
  for (let i = 0; i < k; i++) { const v = x[i]!; h[i] = v === v ? v : -Infinity; cand[n++] = i; }
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(h, k, i);
  let top = h[0]!;
  for (let i = k; i < V; i++) {
    const v = x[i]!;
    if (v >= top) {
      cand[n++] = i;
      if (v > top) {
        h[0] = v;
        siftDown(h, k, 0);
        top = h[0]!;
      }
    }
  }
  out[0] = n;
  return top;
}

/** Above this k the heap's log factor loses to an O(V) selection. */
export const HEAP_MAX = 2048;

function heapKth(x: Float32Array, V: number, k: number, h: Float32Array): number {
  for (let i = 0; i < k; i++) h[i] = x[i]!;
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(h, k, i);
  let top = h[0]!;
  for (let i = k; i < V; i++) {
    const v = x[i]!;
    if (v > top) {
      h[0] = v;
      siftDown(h, k, 0);
      top = h[0]!;
    }
  }
  return top;
}

function siftDown(h: Float32Array, n: number, i: number): void {
  const v = h[i]!;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    const r = c + 1;
    if (r < n && h[r]! < h[c]!) c = r;
    if (h[c]! >= v) break;
    h[i] = h[c]!;
    i = c;
  }
  h[i] = v;
}

/** The value a full ascending sort would put at position `kth` of `a[0..n)` (reorders `a`). */
export function quickselect(a: Float32Array, n: number, kth: number): number {
  let lo = 0, hi = n - 1;
  while (hi > lo) {
    // median of three as pivot, then a Hoare partition
    const mid = (lo + hi) >>> 1;
    let p0 = a[lo]!, p1 = a[mid]!, p2 = a[hi]!;
    if (p0 > p1) { const t = p0; p0 = p1; p1 = t; }
    if (p1 > p2) { p1 = p2; }
    if (p0 > p1) { p1 = p0; }
    const pivot = p1;
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) { const t = a[i]!; a[i] = a[j]!; a[j] = t; i++; j--; }
    }
    if (kth <= j) hi = j;
    else if (kth >= i) lo = i;
    else return a[kth]!;
  }
  return a[kth]!;
}
