import { describe, expect, it } from 'vitest';
import { readSafetensors, safetensorsNames, writeSafetensors } from './safetensors.js';
import { ndarray, toNested } from '../core/index.js';
import { DTYPES } from '../core/dtypes.js';
import { errorOf, fixture, manifest } from './fixtures.spec.js';

const m = manifest['all.safetensors']!;

function handMade(header: unknown, data: Uint8Array = new Uint8Array(0), lenOverride?: bigint): Uint8Array {
  const h = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
  const out = new Uint8Array(8 + h.length + data.length);
  new DataView(out.buffer).setBigUint64(0, lenOverride ?? BigInt(h.length), true);
  out.set(h, 8);
  out.set(data, 8 + h.length);
  return out;
}

describe('readSafetensors(bytes, name)', () => {
  it('safetensorsNames(file) lists the tensors in header order, without __metadata__', () => {
    expect(safetensorsNames(fixture('all.safetensors'))).toEqual(m['names']);
  });

  it.each(['f64', 'f32', 'f16', 'bf16'])('readSafetensors(file, "%s") gives the float values', (name) => {
    const a = readSafetensors(fixture('all.safetensors'), name);
    expect(a.shape).toEqual([2, 3]);
    expect(toNested(a)).toEqual(m['values']);
  });

  it('readSafetensors keeps F16/BF16 as bits', () => {
    const f = fixture('all.safetensors');
    expect(readSafetensors(f, 'bf16').dtype).toBe('bfloat16');
    expect([...(readSafetensors(f, 'bf16').data as Uint16Array)]).toEqual(m['bf16_bits']);
    expect([...(readSafetensors(f, 'f16').data as Uint16Array)]).toEqual(m['f16_bits']);
  });

  it('readSafetensors reads the integer and bool tensors', () => {
    const f = fixture('all.safetensors');
    expect((toNested(readSafetensors(f, 'i64')) as bigint[]).map(String)).toEqual(m['i64']);
    expect(toNested(readSafetensors(f, 'i32'))).toEqual([-5, 7, 9]);
    expect(toNested(readSafetensors(f, 'i16'))).toEqual([-5, 7, 9]);
    expect(toNested(readSafetensors(f, 'i8'))).toEqual([-5, 7, 9]);
    expect(toNested(readSafetensors(f, 'u8'))).toEqual([5, 7, 255]);
    expect(toNested(readSafetensors(f, 'bool'))).toEqual([[true, false], [false, true]]);
  });

  it('readSafetensors(one-tensor file) needs no name; a many-tensor file lists its names', () => {
    expect(readSafetensors(fixture('one.safetensors')).shape).toEqual([6, 5]);
    const e = errorOf(() => readSafetensors(fixture('all.safetensors'), undefined, 'all.safetensors'));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toContain('holds 10 tensors (f64, f32, f16, bf16, i64, i32, i16, i8, u8, bool)');
    expect(errorOf(() => readSafetensors(fixture('all.safetensors'), 'zz')).message).toContain("no tensor named 'zz'");
  });

  it.each(DTYPES)('readSafetensors(writeSafetensors({x})) round-trips dtype %s', (dtype) => {
    const x = ndarray([[1, 0, 1], [0, 1, 1]], { dtype });
    const y = readSafetensors(writeSafetensors({ x }, { note: 'hi' }), 'x');
    expect(y.dtype).toBe(dtype);
    expect(toNested(y)).toEqual(toNested(x));
  });

  it('writeSafetensors pads the header to 8 bytes', () => {
    const b = writeSafetensors({ a: [1, 2, 3] });
    expect(Number(new DataView(b.buffer).getBigUint64(0, true)) % 8).toBe(0);
  });

  const rows: [string, Uint8Array, string, RegExp][] = [
    ['a file shorter than 8 bytes', new Uint8Array(3), 'BAD_FILE', /shorter/],
    ['header length beyond the file', handMade({}, new Uint8Array(0), 1n << 40n), 'BAD_FILE', /beyond the end/],
    ['a header that is not JSON', handMade('{"a": '), 'BAD_FILE', /not valid UTF-8 JSON/],
    ['a JSON array header', handMade('[1]'), 'BAD_FILE', /not a JSON object/],
    ['offsets outside the data', handMade({ a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }, new Uint8Array(4)), 'BAD_FILE', /reach outside/],
    ['a shape claiming more than its offsets', handMade({ a: { dtype: 'F32', shape: [1000000, 1000000], data_offsets: [0, 8] } }, new Uint8Array(8)), 'BAD_FILE', /needs/],
    ['a shape smaller than its offsets', handMade({ a: { dtype: 'F32', shape: [1], data_offsets: [0, 8] } }, new Uint8Array(8)), 'BAD_FILE', /has 8 data bytes/],
    ['an unsupported dtype', handMade({ a: { dtype: 'F8_E4M3', shape: [1], data_offsets: [0, 1] } }, new Uint8Array(1)), 'DTYPE', /F8_E4M3/],
    ['a missing dtype', handMade({ a: { shape: [1], data_offsets: [0, 1] } }, new Uint8Array(1)), 'BAD_FILE', /no dtype/],
  ];
  const cases = rows.map(([what, bytes, code, re]) => ({ what, bytes, code, re }));
  it.each(cases)('readSafetensors($what) throws $code naming the file', ({ bytes, code, re }) => {
    const e = errorOf(() => readSafetensors(bytes, 'a', 'bad.safetensors'));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(/^bad\.safetensors: /);
    expect(e.message).toMatch(re);
  });
});
