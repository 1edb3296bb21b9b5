import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readNpy, readNpyHeader, writeNpy } from './npy.js';
import { ndarray, toNested } from '../core/index.js';
import { DTYPES } from '../core/dtypes.js';
import { transpose, flip } from '../core/views.js';
import { dec, errorOf, fixture, manifest } from './fixtures.spec.js';

const npyFixtures = Object.keys(manifest).filter((k) => k.endsWith('.npy') && manifest[k]!['values'] !== undefined && manifest[k]!['dtype'] !== undefined);

describe('readNpy(bytes) on NumPy-written files', () => {
  it.each(npyFixtures)('readNpy(%s) gives NumPy\'s dtype, shape and values', (name) => {
    const m = manifest[name]!;
    const a = readNpy(fixture(name), name);
    const expectDtype = { float64: 'float64', float32: 'float32', float16: 'float16', int8: 'int8', uint8: 'uint8', int16: 'int16', uint16: 'uint16', int32: 'int32', uint32: 'uint32', int64: 'int64', uint64: 'uint64', bool: 'bool' }[m['dtype'] as string];
    expect(a.dtype).toBe(expectDtype);
    expect(a.shape).toEqual(m['shape']);
    if (a.dtype === 'int64' || a.dtype === 'uint64') {
      expect((toNested(a) as bigint[]).map(String)).toEqual(m['values']);
    } else if (a.dtype === 'float16') {
      expect(toNested(a)).toEqual(dec(m['values']));
      // raw bits survive unchanged (NaN payload, -0, subnormals)
      expect([...(a.data as Uint16Array)]).toEqual(m['bits']);
    } else {
      expect(toNested(a)).toEqual(dec(m['values']));
    }
  });

  it('readNpy(fortran_order file) returns a Fortran-strided view with the logical values', () => {
    const a = readNpy(fixture('fortran_f8.npy'));
    expect(a.strides).toEqual([1, 3]);
    expect(toNested(a)).toEqual(manifest['fortran_f8.npy']!['values']);
    const b = readNpy(fixture('fortran_be_i4_3d.npy'));
    expect(b.strides).toEqual([1, 2, 6]);
    expect(toNested(b)).toEqual(manifest['fortran_be_i4_3d.npy']!['values']);
  });

  it('readNpyHeader(v2/v3 files) reports their version', () => {
    expect(readNpyHeader(fixture('v2.npy')).version).toEqual([2, 0]);
    expect(readNpyHeader(fixture('v3.npy')).version).toEqual([3, 0]);
    expect(readNpyHeader(fixture('be_f4.npy')).littleEndian).toBe(false);
  });

  it('readNpy(buffer slice at an odd byteOffset) reads the right bytes', () => {
    const f = fixture('f8.npy');
    const big = new Uint8Array(f.length + 3);
    big.set(f, 3);
    expect(toNested(readNpy(big.subarray(3)))).toEqual(dec(manifest['f8.npy']!['values']));
  });
});

describe('writeNpy(array)', () => {
  const littleC = npyFixtures.filter((n) => !n.startsWith('be_') && !n.startsWith('fortran') && !n.startsWith('v'));
  it.each(littleC)('writeNpy(readNpy(%s)) is byte for byte what np.save wrote', (name) => {
    const bytes = fixture(name);
    expect(Buffer.from(writeNpy(readNpy(bytes))).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writeNpy(big-endian or Fortran file) writes the same values as little-endian C order', () => {
    for (const name of ['be_f8.npy', 'be_i8.npy', 'fortran_be_i4_3d.npy', 'be_f2.npy']) {
      const a = readNpy(fixture(name));
      const b = readNpy(writeNpy(a));
      expect(readNpyHeader(writeNpy(a)).littleEndian).toBe(true);
      expect(b.dtype).toBe(a.dtype);
      expect(toNested(b)).toEqual(toNested(a));
    }
  });

  it.each(DTYPES.filter((d) => d !== 'bfloat16'))('readNpy(writeNpy(x)) round-trips dtype %s exactly (random data)', (dtype) => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 3 }), fc.integer(), (shape, seed) => {
      const n = shape.reduce((p, d) => p * d, 1);
      const bytes = new Uint8Array(n * 8);
      let s = seed >>> 0;
      for (let i = 0; i < bytes.length; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; bytes[i] = s >>> 24; }
      const ctor = { float64: Float64Array, float32: Float32Array, float16: Uint16Array, int8: Int8Array, uint8: Uint8Array, int16: Int16Array, uint16: Uint16Array, int32: Int32Array, uint32: Uint32Array, int64: BigInt64Array, uint64: BigUint64Array, bool: Uint8Array }[dtype as 'float64'];
      const data = new ctor(bytes.buffer, 0, n);
      if (dtype === 'bool') for (let i = 0; i < n; i++) (data as unknown as Uint8Array)[i] = (data as unknown as Uint8Array)[i]! & 1;
      const x = ndarray(data, { shape, dtype });
      const y = readNpy(writeNpy(x));
      expect(y.dtype).toBe(dtype);
      expect(y.shape).toEqual(shape);
      // compare raw bits (NaN payloads included)
      expect(Buffer.from(y.data.buffer, y.data.byteOffset, y.data.byteLength).equals(Buffer.from(data.buffer, data.byteOffset, data.byteLength))).toBe(true);
    }), { numRuns: 25 });
  });

  it('writeNpy(bfloat16) widens exactly to float32 (NumPy has no bfloat16)', () => {
    const x = ndarray(new Uint16Array([0x3f80, 0xc020, 0x7fc0, 0xff80]), { dtype: 'bfloat16' });
    const y = readNpy(writeNpy(x));
    expect(y.dtype).toBe('float32');
    expect(toNested(y)).toEqual([1, -2.5, NaN, -Infinity]);
  });

  it('writeNpy(transposed and reversed views) writes the logical C order', () => {
    const a = ndarray(new Int32Array([0, 1, 2, 3, 4, 5]), { shape: [2, 3] });
    expect(toNested(readNpy(writeNpy(transpose(a))))).toEqual([[0, 3], [1, 4], [2, 5]]);
    expect(toNested(readNpy(writeNpy(flip(a, 1))))).toEqual([[2, 1, 0], [5, 4, 3]]);
  });

  it('writeNpy(x) leaves x unchanged and writes a 0-d array for a scalar', () => {
    const data = new Float32Array([1, 2, 3]);
    writeNpy(data);
    expect([...data]).toEqual([1, 2, 3]);
    const s = readNpy(writeNpy(ndarray(7)));
    expect(s.shape).toEqual([]);
    expect(toNested(s)).toBe(7);
  });

  it('writeNpy(header longer than 65535 bytes) switches to format 2.0', () => {
    const shape = new Array(20).fill(1);
    const x = ndarray(new Float64Array(1), { shape });
    expect(readNpyHeader(writeNpy(x)).version).toEqual([1, 0]);
    // a long header only happens with huge ndim; simulate through readNpyHeader on a hand-made v2 file
    const v2 = fixture('v2.npy');
    expect(readNpy(v2).shape).toEqual([2, 3]);
  });

  it('writeNpy("nope") throws INVALID_ARGUMENT naming the argument', () => {
    const e = errorOf(() => writeNpy('nope' as never));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('array');
  });
});

function npyWithHeader(header: string, body: Uint8Array = new Uint8Array(0), version = 1): Uint8Array {
  const h = new TextEncoder().encode(header);
  const pre = version === 1 ? 10 : 12;
  const out = new Uint8Array(pre + h.length + body.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const dv = new DataView(out.buffer);
  if (version === 1) dv.setUint16(8, h.length, true); else dv.setUint32(8, h.length, true);
  out.set(h, pre);
  out.set(body, pre + h.length);
  return out;
}

describe('readNpy(hostile bytes)', () => {
  const rows: [string, Uint8Array, string, RegExp][] = [
    ['wrong magic', new TextEncoder().encode('PK\x03\x04 not numpy at all'), 'BAD_FILE', /magic/],
    ['empty file', new Uint8Array(0), 'BAD_FILE', /magic/],
    ['unknown version', (() => { const b = Uint8Array.from(fixture('f4.npy')); b[6] = 9; return b; })(), 'BAD_FILE', /version 9/],
    ['header length beyond the file', (() => { const b = Uint8Array.from(fixture('f4.npy')).subarray(0, 40); return b; })(), 'BAD_FILE', /beyond the end/],
    ['truncated data', fixture('f8.npy').subarray(0, fixture('f8.npy').length - 5), 'BAD_FILE', /truncated/],
    ['shape claiming petabytes', npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (100000000, 100000000, 100000000), }\n", new Uint8Array(16)), 'BAD_FILE', /needs .* bytes/],
    ['negative shape', npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }\n"), 'BAD_FILE', /shape/],
    ['non-dict header', npyWithHeader('[1, 2]\n'), 'BAD_FILE', /not a dict/],
    ['garbage header', npyWithHeader("{'descr': '<f8', 'fortran_order': Maybe}\n"), 'BAD_FILE', /Python dict literal/],
    ['missing keys', npyWithHeader("{'descr': '<f8'}\n"), 'BAD_FILE', /keys/],
    ['deeply nested header', npyWithHeader(`${'('.repeat(5000)}\n`), 'BAD_FILE', /too deep/],
    ['complex dtype', npyWithHeader("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }\n", new Uint8Array(16)), 'DTYPE', /unsupported dtype '<c16'/],
    ['string dtype', npyWithHeader("{'descr': '<U3', 'fortran_order': False, 'shape': (1,), }\n", new Uint8Array(12)), 'DTYPE', /<U3/],
    ['object dtype', npyWithHeader("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }\n", new Uint8Array(8)), 'DTYPE', /\|O/],
    ['bfloat16 as V2', npyWithHeader("{'descr': '|V2', 'fortran_order': False, 'shape': (1,), }\n", new Uint8Array(2)), 'DTYPE', /bfloat16/],
    ['structured dtype', npyWithHeader("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }\n", new Uint8Array(4)), 'DTYPE', /structured/],
    ['v3 header not UTF-8', npyWithHeader('\u0000', new Uint8Array(0), 3).map((b, i) => (i === 12 ? 0xff : b)), 'BAD_FILE', /UTF-8/],
  ];
  const cases = rows.map(([what, bytes, code, re]) => ({ what, bytes, code, re }));
  it.each(cases)('readNpy($what) throws $code naming the file', ({ bytes, code, re }) => {
    const e = errorOf(() => readNpy(bytes, 'bad.npy'));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(/^bad\.npy: /);
    expect(e.message).toMatch(re);
  });
});
