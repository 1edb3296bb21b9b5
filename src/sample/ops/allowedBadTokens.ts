/**
 * Step 2a of the pipeline: `allowedTokenIds`, `badTokenIds` and `badWords`
 * (vLLM V1 `apply_allowed_token_ids` / `apply_bad_words`). In place on one
 * row `x[0..V)`; each returns `x`.
 */

/**
 * In place: every token not in `allowed` becomes -Infinity. O(V + |allowed|);
 * `save` is scratch of length >= |allowed| (the allowed values survive the fill).
 */
export function applyAllowedTokens(x: Float32Array, V: number, allowed: ArrayLike<number>, save: Float32Array): Float32Array {
  const n = allowed.length;
  for (let i = 0; i < n; i++) save[i] = x[allowed[i]!]!;
  x.fill(-Infinity, 0, V);
  for (let i = 0; i < n; i++) x[allowed[i]!] = save[i]!;
  return x;
}

/** In place: every id of `bad` becomes -Infinity. O(|bad|). */
export function applyBadTokens(x: Float32Array, bad: ArrayLike<number>): Float32Array {
  for (let i = 0; i < bad.length; i++) x[bad[i]!] = -Infinity;
  return x;
}

/**
 * In place: for each bad word `w`, its last id becomes -Infinity when the
 * output ends with `w[0..len-1)` (a one-token word is always banned), as
 * vLLM's `NoBadWordsLogitsProcessor` does over the output tokens. O(total length).
 */
export function applyBadWords(x: Float32Array, badWords: readonly ArrayLike<number>[], output: ArrayLike<number> | null): Float32Array {
  const outLen = output === null ? 0 : output.length;
  for (const w of badWords) {
    const pre = w.length - 1;
    if (pre > outLen) continue;
    let match = true;
    for (let j = 0; j < pre; j++) {
      if (output![outLen - pre + j] !== w[j]) { match = false; break; }
    }
    if (match) x[w[pre]!] = -Infinity;
  }
  return x;
}
