import { allMasked } from '../../errors/messages.js';

/**
 * Step 4, greedy rows: the first index of the maximum of `x[o], x[o + st], ...`
 * (V values). NaN never wins (it was mapped to -Infinity at step 1 for
 * processed rows; raw rows are read with the same rule). One pass, no
 * exponentials, no randomness. Throws ALL_MASKED when no value is finite or +Infinity.
 */
export function argmaxRow(x: ArrayLike<number>, o: number, st: number, V: number, where: string): number {
  let best = -1, m = -Infinity;
  for (let i = 0, p = o; i < V; i++, p += st) {
    const v = x[p]!;
    if (v > m) { m = v; best = i; }
  }
  if (best < 0) throw allMasked(`sample: ${where} has no finite logit left (greedy)`);
  return best;
}
