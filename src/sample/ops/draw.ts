import { philox4x32 } from '../../random/philox.js';
import type { Scratch } from './scratch.js';
import type { KeptSet } from './topKTopP.js';

const TWO32 = 2 ** 32;
const TWO_M53 = 2 ** -53;
const FORK_TWEAK0 = 0x243f6a88;
const FORK_TWEAK1 = 0x85a308d3;

/**
 * The one uniform a seeded request uses at a step: exactly
 * `createRng(seed).fork(step).uniform()` (Philox4x32-10, see `PhiloxRng`),
 * computed without allocating: the child stream of `fork(step)` is words 0, 1
 * of philox([step lo, step hi, 0, 0], key ^ tweak); its first block is
 * philox([0, 0, s0, s1], key) and the uniform is built from words 0 and 1.
 * A pure function of (seed, step): batch size, row and neighbours play no part.
 */
export function seededUniform(seedLo: number, seedHi: number, step: number, block: Uint32Array): number {
  block[0] = step % TWO32; block[1] = Math.floor(step / TWO32); block[2] = 0; block[3] = 0;
  philox4x32(block, seedLo ^ FORK_TWEAK0, seedHi ^ FORK_TWEAK1, block);
  const s0 = block[0]!, s1 = block[1]!;
  block[0] = 0; block[1] = 0; block[2] = s0; block[3] = s1;
  philox4x32(block, seedLo, seedHi, block);
  return ((block[0]! >>> 5) * 67108864 + (block[1]! >>> 6)) * TWO_M53;
}

/**
 * Step 5e, the draw: inverse CDF over the kept set with one uniform `u` in
 * [0, 1): walks the kept candidates in token-id order accumulating their
 * weights (float64) until the running sum exceeds `u * zKept`. Exact
 * distribution (up to float64 rounding); a zero-weight token is never
 * returned unless every kept weight underflowed, in which case the last
 * kept maximum is. O(candidates).
 */
export function drawKept(s: Scratch, res: KeptSet, u: number): number {
  const idx = s.idx, val = s.val, w = s.w, n = res.n;
  const bv = res.bv, drop = res.dropTies;
  const target = u * res.zKept;
  let acc = 0, ties = 0, last = -1, best = -1, bestV = -Infinity;
  for (let j = 0; j < n; j++) {
    const v = val[j]!;
    if (v < bv) continue;
    if (v === bv && ties++ < drop) continue;
    const wj = w[j]!;
    if (v > bestV) { bestV = v; best = idx[j]!; }
    if (wj > 0) {
      acc += wj;
      last = idx[j]!;
      if (acc > target) return last;
    }
  }
  return last >= 0 ? last : best;
}
