/**
 * IEEE 754 binary16 and bfloat16 codecs. Decoding is exact (every half and
 * bfloat16 value is a float32/float64); encoding rounds to nearest, ties to even,
 * with overflow to ±Infinity and NaN kept NaN.
 */

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/** Decodes float16 bits to a number exactly (NaN, ±Infinity, ±0 and subnormals included). */
export function decodeFloat16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac === 0 ? sign * Infinity : NaN;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** Decodes bfloat16 bits (the upper half of a float32) to a number exactly. */
export function decodeBfloat16(bits: number): number {
  U32[0] = (bits & 0xffff) << 16;
  return F32[0]!;
}

/** Encodes a number as float16 bits, round to nearest even (overflow → ±Infinity). */
export function encodeFloat16(value: number): number {
  if (Number.isNaN(value)) return 0x7e00;
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  const a = Math.abs(value);
  if (a === Infinity) return sign | 0x7c00;
  if (a >= 65520) return sign | 0x7c00; // rounds past the largest half (65504)
  if (a < 2 ** -14) {
    // subnormal: units of 2^-24, round half to even
    const q = a / 2 ** -24;
    let r = Math.round(q);
    if (Math.abs(q - Math.trunc(q)) === 0.5 && r % 2 === 1) r -= 1;
    return sign | r;
  }
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e -= 1;
  if (2 ** (e + 1) <= a) e += 1;
  const m = a / 2 ** e - 1; // in [0, 1)
  const q = m * 1024;
  let f = Math.round(q);
  if (Math.abs(q - Math.trunc(q)) === 0.5 && f % 2 === 1) f -= 1;
  if (f === 1024) { f = 0; e += 1; }
  if (e + 15 >= 0x1f) return sign | 0x7c00;
  return sign | ((e + 15) << 10) | f;
}

/** Encodes a number as bfloat16 bits (round the float32 to nearest even; NaN stays quiet NaN). */
export function encodeBfloat16(value: number): number {
  F32[0] = value;
  const x = U32[0]!;
  if (Number.isNaN(value)) return ((x >>> 16) | 0x40) & 0xffff;
  const rounded = x + 0x7fff + ((x >>> 16) & 1);
  return (rounded >>> 16) & 0xffff;
}

/** Decodes a whole Uint16Array of float16 bits into a new Float32Array. */
export function decodeFloat16Array(bits: Uint16Array): Float32Array {
  const out = new Float32Array(bits.length);
  const table = halfTable();
  for (let i = 0; i < bits.length; i++) out[i] = table[bits[i]!]!;
  return out;
}

/** Decodes a whole Uint16Array of bfloat16 bits into a new Float32Array. */
export function decodeBfloat16Array(bits: Uint16Array): Float32Array {
  const out = new Float32Array(bits.length);
  const u = new Uint32Array(out.buffer);
  for (let i = 0; i < bits.length; i++) u[i] = bits[i]! << 16;
  return out;
}

let HALF_TABLE: Float32Array | undefined;
function halfTable(): Float32Array {
  if (!HALF_TABLE) {
    HALF_TABLE = new Float32Array(65536);
    for (let i = 0; i < 65536; i++) HALF_TABLE[i] = decodeFloat16(i);
  }
  return HALF_TABLE;
}
