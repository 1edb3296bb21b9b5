import { describe, expect, it } from 'vitest';
import { compareDescNanFirst } from '../internal/order.js';
import { allocate, release } from './arena.js';
import { topkRowF32 } from './topkRow.js';
import { setWasmEnabled } from './wasm/loader.js';

function reference(d: Float32Array, off: number, len: number, k: number): { v: number[]; i: number[] } {
  const idx = Array.from({ length: len }, (_, i) => i);
  idx.sort((a, b) => compareDescNanFirst(d[off + a]!, d[off + b]!) || a - b);
  const top = idx.slice(0, k);
  return { v: top.map((i) => d[off + i]!), i: top };
}

function row(len: number, seed: number, kind: 'uniform' | 'ties' | 'nan' | 'ascending' | 'constant'): Float32Array {
  const d = new Float32Array(len);
  let s = seed;
  for (let i = 0; i < len; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    const u = s / 2 ** 32;
    d[i] = kind === 'uniform' ? u * 20 - 10 : kind === 'ties' ? Math.round(u * 40) : kind === 'nan' ? (u < 0.0005 ? NaN : u < 0.001 ? Infinity : u) : kind === 'ascending' ? i : 1;
  }
  return d;
}

describe('topkRowF32', () => {
  for (const kind of ['uniform', 'ties', 'nan', 'ascending'] as const) {
    it(`topkRowF32(${kind} row, k) equals the full sort (NaN first, ties by index) for heap and arena rows`, () => {
      for (const [len, k] of [[4096, 1], [4096, 50], [131072, 50], [131072, 1], [131072, 2000], [50_000, 300]] as const) {
        const d = row(len + 5, len + k, kind);
        const want = reference(d, 5, len, k);
        const a = allocate('float32', [len + 5]);
        (a.data as Float32Array).set(d);
        for (const src of [d, a.data as Float32Array]) {
          const v = new Float32Array(k + 1), i = new Int32Array(k + 1);
          const ok = topkRowF32(src, 5, len, k, v, i, 1);
          if (kind === 'ties' && !ok) continue; // allowed to decline: too many tied candidates
          expect(ok, `${kind} len ${len} k ${k}`).toBe(true);
          expect(Array.from(i.subarray(1))).toEqual(want.i);
          expect(Array.from(v.subarray(1))).toEqual(want.v);
        }
        release(a);
      }
    });
  }

  it('topkRowF32 declines (returns false, writes nothing) for short rows, large k, constant rows and without WASM', () => {
    const v = new Float32Array(4).fill(-1), i = new Int32Array(4).fill(-1);
    expect(topkRowF32(row(1000, 1, 'uniform'), 0, 1000, 3, v, i, 0)).toBe(false);
    expect(topkRowF32(row(8192, 1, 'uniform'), 0, 8192, 1000, v, i, 0)).toBe(false);
    expect(topkRowF32(row(131072, 1, 'constant'), 0, 131072, 3, v, i, 0)).toBe(false);
    setWasmEnabled(false);
    try { expect(topkRowF32(row(8192, 1, 'uniform'), 0, 8192, 3, v, i, 0)).toBe(false); } finally { setWasmEnabled(true); }
    expect(Array.from(v)).toEqual([-1, -1, -1, -1]);
    expect(Array.from(i)).toEqual([-1, -1, -1, -1]);
  });
});
