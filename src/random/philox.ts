/**
 * Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3",
 * SC 2011; the Random123 reference). A counter-based generator: the output
 * block is a pure function of a 128-bit counter and a 64-bit key, so streams
 * are reproducible on every platform and can be jumped to in O(1).
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** High 32 bits of the 64-bit product of two uint32. */
function mulhi(a: number, b: number): number {
  const aHi = a >>> 16, aLo = a & 0xffff;
  const bHi = b >>> 16, bLo = b & 0xffff;
  const lolo = aLo * bLo;
  const hilo = aHi * bLo;
  const lohi = aLo * bHi;
  const hihi = aHi * bHi;
  const mid = (lolo >>> 16) + (hilo & 0xffff) + (lohi & 0xffff);
  return (hihi + (hilo >>> 16) + (lohi >>> 16) + (mid >>> 16)) >>> 0;
}

/**
 * Computes one Philox4x32-10 block: `out[0..3]` = philox(ctr, key). All words
 * are uint32. `out` may be the same array as `ctr`.
 */
export function philox4x32(ctr: ArrayLike<number>, k0In: number, k1In: number, out: Uint32Array | number[]): void {
  let c0 = ctr[0]! >>> 0, c1 = ctr[1]! >>> 0, c2 = ctr[2]! >>> 0, c3 = ctr[3]! >>> 0;
  let k0 = k0In >>> 0, k1 = k1In >>> 0;
  for (let r = 0; r < 10; r++) {
    if (r > 0) { k0 = (k0 + W0) >>> 0; k1 = (k1 + W1) >>> 0; }
    const hi0 = mulhi(M0, c0), lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulhi(M1, c2), lo1 = Math.imul(M1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
  }
  out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
}
