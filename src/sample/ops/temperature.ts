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

/**
 * Steps 1 and 5a fused for rows without steps 2-3: copies V logits (stride
 * `cs` from `o`) into `row` as float32 with NaN → -Infinity, divides by the
 * temperature, and returns the maximum. One pass. O(V).
 */
export function loadTemperatureMax(src: ArrayLike<number>, o: number, cs: number, V: number, row: Float32Array, T: number): number {
  let m = -Infinity;
  const t = Math.fround(T);
  if (cs === 1 && t === 1) {
    for (let i = 0; i < V; i++) {
      const v = src[o + i]!;
      if (v > m) m = v;
      row[i] = v === v ? v : -Infinity;
    }
    return m;
  }
  for (let i = 0, p = o; i < V; i++, p += cs) {
    const raw = src[p]!;
    const v = raw === raw ? Math.fround(raw / t) : -Infinity;
    row[i] = v;
    if (v > m) m = v;
  }
  return m;
}
