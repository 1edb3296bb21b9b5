/**
 * Step 3: vLLM's `apply_penalties`, in place on one row `x[0..V)` in float32
 * arithmetic, returns `x`:
 * 1. repetition, on tokens seen in the prompt or the output: `l > 0 ? l / r : l * r`;
 * 2. frequency: `l -= f * (count in output)`;
 * 3. presence: `l -= p * (count in output > 0)`.
 * The prompt does not count for 2 and 3. Touches only the tokens in the two
 * lists: O(|prompt| + |output|). `counts` is zeroed scratch of length >= V
 * (left zeroed); `seen` is zeroed scratch of length >= V (left zeroed).
 */
export function applyPenaltiesRow(
  x: Float32Array,
  prompt: ArrayLike<number> | null,
  output: ArrayLike<number> | null,
  presence: number,
  frequency: number,
  repetition: number,
  counts: Int32Array,
  seen: Uint8Array,
): Float32Array {
  const r = Math.fround(repetition), f = Math.fround(frequency), p = Math.fround(presence);
  const nOut = output === null ? 0 : output.length;
  for (let i = 0; i < nOut; i++) counts[output![i]!]!++;
  const visit = (t: number): void => {
    if (seen[t] === 1) return;
    seen[t] = 1;
    let l = x[t]!;
    if (r !== 1) l = l > 0 ? Math.fround(l / r) : Math.fround(l * r);
    const c = counts[t]!;
    if (c > 0) {
      l = Math.fround(l - Math.fround(f * c));
      l = Math.fround(l - p);
    }
    x[t] = l;
  };
  if (r !== 1 && prompt !== null) for (let i = 0; i < prompt.length; i++) visit(prompt[i]!);
  for (let i = 0; i < nOut; i++) visit(output![i]!);
  if (prompt !== null) for (let i = 0; i < prompt.length; i++) seen[prompt[i]!] = 0;
  for (let i = 0; i < nOut; i++) { const t = output![i]!; seen[t] = 0; counts[t] = 0; }
  return x;
}
