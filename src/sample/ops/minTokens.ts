/**
 * Step 2b: while the output has fewer than `minTokens` tokens, every id of
 * `stopTokenIds` becomes -Infinity (vLLM `MinTokensLogitsProcessor`). In place
 * on `x[0..V)`, returns `x`. O(|stop|).
 */
export function applyMinTokens(x: Float32Array, stop: ArrayLike<number>, outputLength: number, minTokens: number): Float32Array {
  if (outputLength >= minTokens) return x;
  for (let i = 0; i < stop.length; i++) x[stop[i]!] = -Infinity;
  return x;
}
