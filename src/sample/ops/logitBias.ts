/**
 * Step 2c: adds each bias to its token's logit in float32 (vLLM
 * `LogitBiasLogitsProcessor`: `logits[ids] += biases`); -Infinity stays
 * -Infinity, a -Infinity bias bans the token. In place on `x`, returns `x`.
 * O(|bias|).
 */
export function applyLogitBias(x: Float32Array, ids: Int32Array, values: Float64Array): Float32Array {
  for (let i = 0; i < ids.length; i++) {
    const t = ids[i]!;
    x[t] = x[t]! + Math.fround(values[i]!);
  }
  return x;
}
