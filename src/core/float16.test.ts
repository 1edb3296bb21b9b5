// float16 / bfloat16 codecs against NumPy and torch for every bit pattern
// (test/fixtures/float16_table.json from gen_reduce.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBfloat16, decodeBfloat16Array, decodeFloat16, decodeFloat16Array, encodeBfloat16, encodeFloat16 } from './float16.js';
import { fixtureFloat } from '../internal/fixtureArrays.js';

const table = JSON.parse(readFileSync(new URL('../../test/fixtures/float16_table.json', import.meta.url), 'utf8')) as {
  f32bits: number[];
  encode: { inputs: (number | string)[]; float16: number[] };
  bfloat16_decode: { bits: number[]; f32bits: number[] };
};
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);
const fromBits = (b: number): number => { U32[0] = b; return F32[0]!; };

describe('float16 codec (NumPy, all 65536 bit patterns)', () => {
  it('decodeFloat16(b) equals numpy.float16 for every bit pattern (NaN, ±Infinity, ±0, subnormals)', () => {
    expect(table.f32bits.length).toBe(65536);
    let nans = 0;
    const bad: string[] = [];
    for (let b = 0; b < 65536; b++) {
      const exp = fromBits(table.f32bits[b]!);
      const got = decodeFloat16(b);
      if (Number.isNaN(exp)) { if (!Number.isNaN(got)) bad.push(`0x${b.toString(16)}: ${got} vs NaN`); nans++; continue; }
      if (!Object.is(got, exp)) bad.push(`0x${b.toString(16)}: ${got} vs ${exp}`);
    }
    expect(bad).toEqual([]);
    expect(nans).toBe(2046);
  });

  it('encodeFloat16(decodeFloat16(b)) == b for every non-NaN pattern; NaN stays NaN', () => {
    const bad: number[] = [];
    for (let b = 0; b < 65536; b++) {
      const v = decodeFloat16(b);
      if (Number.isNaN(v) ? !Number.isNaN(decodeFloat16(encodeFloat16(v))) : encodeFloat16(v) !== b) bad.push(b);
    }
    expect(bad).toEqual([]);
  });

  it('encodeFloat16(x) rounds like numpy astype(float16): nearest even, overflow to Infinity, subnormal ties', () => {
    const { inputs, float16 } = table.encode;
    for (let i = 0; i < inputs.length; i++) {
      const x = fixtureFloat(inputs[i]!);
      expect(encodeFloat16(x), `x = ${x}`).toBe(float16[i]);
    }
  });

  it('decodeFloat16Array(bits) equals the scalar decode element-wise', () => {
    const bits = new Uint16Array(65536);
    for (let b = 0; b < 65536; b++) bits[b] = b;
    const out = decodeFloat16Array(bits);
    const bad: number[] = [];
    for (let b = 0; b < 65536; b += 1) {
      const v = decodeFloat16(b);
      if (Number.isNaN(v) ? !Number.isNaN(out[b]!) : !Object.is(out[b], v)) bad.push(b);
    }
    expect(bad).toEqual([]);
  });
});

describe('bfloat16 codec (torch)', () => {
  it('decodeBfloat16(b) equals torch.bfloat16 -> float32 for a sample of patterns', () => {
    const { bits, f32bits } = table.bfloat16_decode;
    for (let i = 0; i < bits.length; i++) {
      const exp = fromBits(f32bits[i]!);
      const got = decodeBfloat16(bits[i]!);
      if (Number.isNaN(exp)) expect(Number.isNaN(got)).toBe(true);
      else expect(Object.is(got, exp), `bits ${bits[i]}`).toBe(true);
    }
  });

  it('encodeBfloat16(decodeBfloat16(b)) == b for every non-NaN pattern, and the array decode agrees', () => {
    const all = new Uint16Array(65536);
    for (let b = 0; b < 65536; b++) all[b] = b;
    const arr = decodeBfloat16Array(all);
    const bad: number[] = [];
    for (let b = 0; b < 65536; b++) {
      const v = decodeBfloat16(b);
      if (Number.isNaN(v)) { if (!Number.isNaN(arr[b]!) || !Number.isNaN(decodeBfloat16(encodeBfloat16(v)))) bad.push(b); continue; }
      if (encodeBfloat16(v) !== b || !Object.is(arr[b], v)) bad.push(b);
    }
    expect(bad).toEqual([]);
  });

  it('encodeBfloat16 rounds to nearest even', () => {
    expect(encodeBfloat16(1 + 2 ** -8)).toBe(0x3f80);          // tie → even (down)
    expect(encodeBfloat16(1 + 3 * 2 ** -8)).toBe(0x3f82);      // tie → even (up)
    expect(encodeBfloat16(1 + 2 ** -8 + 2 ** -20)).toBe(0x3f81);
  });
});
