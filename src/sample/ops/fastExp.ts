/**
 * exp(x) for x <= 0 in plain float64 arithmetic the JIT inlines (faster than
 * Math.exp in V8's hot loops); relative error < 1e-14, checked against
 * Math.exp in fastExp.test.ts. Used for the sampler's weights exp(l - max),
 * where l <= max always holds.
 *
 * x = -(q / 64) ln2 + r with |r| <= ln2 / 128 (Cody–Waite split), exp(r) by
 * its degree-5 Taylor polynomial (remainder < 4e-17), times
 * 2^-(q mod 64)/64 and 2^-floor(q / 64) from two small tables.
 * x <= -745.2 (below the smallest subnormal), -Infinity and NaN give 0.
 */
export function expNonPos(x: number): number {
  if (!(x > -745.2)) return 0;
  const q = Math.floor(0.5 - x * INV_STEP) | 0;
  const r = x + q * STEP_HI + q * STEP_LO;
  // Estrin's scheme: a shorter dependency chain than Horner for the same polynomial
  const r2 = r * r;
  const p = (1 + r) + r2 * ((0.5 + r * 0.16666666666666666) + r2 * (0.041666666666666664 + r * 0.008333333333333333));
  return p * FRAC[q & 63]! * POW2NEG[q >> 6]!;
}

const INV_STEP = 64 / Math.LN2;
/** ln2 / 64 as fdlibm's ln2_hi (32 significant bits: q * STEP_HI exact for q < 2^21) + ln2_lo, over 64. */
const STEP_HI = 6.93147180369123816490e-1 / 64;
const STEP_LO = 1.90821492927058770002e-10 / 64;
/** FRAC[i] = 2^(-i / 64). */
const FRAC = new Float64Array(64);
for (let i = 0; i < 64; i++) FRAC[i] = 2 ** (-i / 64);
/** POW2NEG[i] = 2^-i, i in [0, 1080). */
const POW2NEG = new Float64Array(1080);
for (let i = 0; i < 1080; i++) POW2NEG[i] = 2 ** -i;
