import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { npzNames, readNpz, writeNpz } from './npz.js';
import { writeNpy } from './npy.js';
import { ndarray, toNested } from '../core/index.js';
import { dec, errorOf, fixture, manifest } from './fixtures.spec.js';

describe('readNpz(bytes, name)', () => {
  it('npzNames(np.savez file) lists the members without .npy', () => {
    expect(npzNames(fixture('multi.npz'))).toEqual(['logits', 'labels']);
  });

  it('readNpz(np.savez file, "logits") reads that member (zip64 local headers as NumPy writes them)', () => {
    const m = manifest['multi.npz']!;
    const a = readNpz(fixture('multi.npz'), 'logits', 'multi.npz');
    expect(a.dtype).toBe('float32');
    expect(toNested(a)).toEqual(dec(m['logits']));
    const l = readNpz(fixture('multi.npz'), 'labels', 'multi.npz');
    expect((toNested(l) as bigint[]).map(Number)).toEqual(m['labels']);
  });

  it('readNpz(np.savez_compressed file) without a name reads its only array', () => {
    expect(toNested(readNpz(fixture('single_compressed.npz')))).toEqual(manifest['single_compressed.npz']!['values']);
  });

  it('readNpz(two-array file) without a name throws BAD_FILE listing the names', () => {
    const e = errorOf(() => readNpz(fixture('multi.npz'), undefined, 'multi.npz'));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toBe('multi.npz: holds 2 arrays (logits, labels); pick one with multi.npz:NAME');
  });

  it('readNpz(file, "nope") throws BAD_FILE listing what it holds', () => {
    const e = errorOf(() => readNpz(fixture('multi.npz'), 'nope', 'multi.npz'));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toContain("no array named 'nope' (it holds: logits, labels)");
  });

  it('readNpz(writeNpz(...)) round-trips stored and compressed archives', () => {
    for (const compress of [false, true]) {
      const bytes = writeNpz({ a: [[1, 2], [3, 4]], b: ndarray(new BigInt64Array([5n, -6n])) }, { compress });
      expect(npzNames(bytes)).toEqual(['a', 'b']);
      expect(toNested(readNpz(bytes, 'a'))).toEqual([[1, 2], [3, 4]]);
      expect(toNested(readNpz(bytes, 'b'))).toEqual([5n, -6n]);
    }
  });

  it('readNpz(member that is not an .npy) names FILE.npz:member in the error', () => {
    const bytes = zipSync({ 'x.npy': new TextEncoder().encode('hello') });
    const e = errorOf(() => readNpz(bytes, 'x', 'run.npz'));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toMatch(/^run\.npz:x: not an \.npy file/);
  });

  it('readNpz(not a zip / truncated zip) throws BAD_FILE', () => {
    expect(errorOf(() => readNpz(writeNpy([1]), undefined, 'a.npz')).message).toMatch(/not a zip archive/);
    const f = fixture('multi.npz');
    expect(errorOf(() => readNpz(f.subarray(0, f.length - 30), 'logits', 'a.npz')).code).toBe('BAD_FILE');
    expect(errorOf(() => readNpz(f.subarray(0, 200), 'logits', 'a.npz')).code).toBe('BAD_FILE');
  });

  it('readNpz(member claiming a huge uncompressed size) refuses before allocating', () => {
    const bytes = Uint8Array.from(zipSync({ 'x.npy': writeNpy([1, 2, 3]) }, { level: 6 }));
    // patch the central directory's uncompressed size (offset 24 in the entry) to 3 GB
    const dv = new DataView(bytes.buffer);
    for (let i = bytes.length - 22; i >= 0; i--) {
      if (dv.getUint32(i, true) === 0x02014b50) { dv.setUint32(i + 24, 3e9, true); break; }
    }
    const e = errorOf(() => readNpz(bytes, 'x', 'bomb.npz'));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toMatch(/claims 3000000000 bytes/);
  });

  it('writeNpz({"a/b": x}) throws INVALID_ARGUMENT', () => {
    expect(errorOf(() => writeNpz({ 'a/b': [1] })).code).toBe('INVALID_ARGUMENT');
  });
});
