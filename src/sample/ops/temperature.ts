/**
 * Step 5a: divides the row by the temperature in float32 (vLLM
 * `logits.div_(temp)`) and returns the row maximum, fused in one pass. In
 * place on `x[0..V)`. NaN logits were mapped to -Infinity at step 1, so the
 * maximum is -Infinity exactly when nothing finite (or +Infinity) is left.
 * `T === 1` skips the division. O(V).
 */
export function applyTemperatureMax(x: Float32Array, V: number, T: number): number {
  let m = -Infinity;
  if (T === 1) {
    for (let i = 0; i < V; i++) { const v = x[i]!; if (v > m) m = v; }
    return m;
  }
  const t = Math.fround(T);
  for (let i = 0; i < V; i++) {
    const v = Math.fround(x[i]! / t);
    x[i] = v;
    if (v > m) m = v;
  }
  return m;
}
