import { describe, expect, it } from 'vitest';
import { LogitkitError } from '../errors/LogitkitError.js';
import { toNDArray, ndarray } from '../core/ndarray.js';
import { allocate, arenaStats, release } from './arena.js';
import { wasm } from './wasm/loader.js';

function code(fn: () => unknown): string | undefined {
  try { fn(); } catch (e) { return e instanceof LogitkitError ? e.code : `not a LogitkitError: ${String(e)}`; }
  return undefined;
}

describe('allocate', () => {
  it('allocate(dtype, shape) returns a zero-filled C-contiguous array stored in the kernels\' memory', () => {
    for (const [dtype, Ctor] of [['float32', Float32Array], ['float64', Float64Array], ['int32', Int32Array]] as const) {
      const a = allocate(dtype, [2, 3, 4]);
      expect(a.dtype).toBe(dtype);
      expect(a.shape).toEqual([2, 3, 4]);
      expect(a.strides).toEqual([12, 4, 1]);
      expect(a.offset).toBe(0);
      expect(a.size).toBe(24);
      expect(a.data).toBeInstanceOf(Ctor);
      expect(a.data.length).toBe(24);
      expect(a.data.buffer).toBe(wasm()!.memory.buffer);
      expect(a.data.byteOffset % 64).toBe(0);
      expect(Array.from(a.data as Float64Array).every((v) => v === 0)).toBe(true);
      release(a);
    }
  });

  it('allocate zero-fills a reused block that held data', () => {
    const a = allocate('float32', [100]);
    (a.data as Float32Array).fill(7);
    const at = (a.data as Float32Array).byteOffset;
    release(a);
    const b = allocate('float32', [100]);
    expect((b.data as Float32Array).byteOffset).toBe(at);
    expect(Array.from(b.data as Float32Array).every((v) => v === 0)).toBe(true);
    release(b);
  });

  it('allocate(dtype, []) gives a 0-d array and allocate(dtype, [0, 3]) an empty one', () => {
    const s = allocate('float64', []);
    expect(s.shape).toEqual([]);
    expect(s.size).toBe(1);
    expect(s.data.length).toBe(1);
    const e = allocate('int32', [0, 3]);
    expect(e.size).toBe(0);
    expect(e.data.length).toBe(0);
    release(s);
    release(e);
    expect(code(() => e.data)).toBe('INVALID_ARGUMENT');
  });

  it('allocate rejects other dtypes with DTYPE and bad shapes with INVALID_ARGUMENT', () => {
    expect(code(() => allocate('float16' as 'float32', [3]))).toBe('DTYPE');
    expect(code(() => allocate('int64' as 'float32', [3]))).toBe('DTYPE');
    expect(code(() => allocate('float32', [-1]))).toBe('INVALID_ARGUMENT');
    expect(code(() => allocate('float32', [1.5]))).toBe('INVALID_ARGUMENT');
    expect(code(() => allocate('float32', 3 as unknown as number[]))).toBe('INVALID_ARGUMENT');
    expect(code(() => allocate('float32', [2 ** 20, 2 ** 20]))).toBe('INVALID_ARGUMENT');
    const shape = [2, 2];
    allocate('float32', shape);
    expect(shape).toEqual([2, 2]);
  });

  it('allocate grows the memory and earlier arrays keep their values through a fresh data view', () => {
    const a = allocate('float32', [1000]);
    const before = a.data as Float32Array;
    for (let i = 0; i < 1000; i++) before[i] = i * 0.5;
    const bytes = wasm()!.memory.buffer.byteLength;
    const big = allocate('float64', [Math.ceil(bytes / 8) + 65536]); // forces memory.grow
    expect(wasm()!.memory.buffer.byteLength).toBeGreaterThan(bytes);
    expect(before.length).toBe(0); // the old view was detached by the growth
    const after = a.data as Float32Array;
    expect(after.length).toBe(1000);
    expect(after[999]).toBe(499.5);
    expect(after.buffer).toBe(wasm()!.memory.buffer);
    // views the library derives from a after the growth see the data too
    const v = toNDArray(a, 'x');
    expect((v.data as Float32Array)[10]).toBe(5);
    release(big);
    release(a);
  });
});

describe('release', () => {
  it('release(a) makes every later touch of a throw INVALID_ARGUMENT, including passing it to a function', () => {
    const a = allocate('float32', [4]);
    release(a);
    expect(code(() => a.data)).toBe('INVALID_ARGUMENT');
    expect(code(() => toNDArray(a, 'x'))).toBe('INVALID_ARGUMENT');
    expect(code(() => ndarray(a))).toBe('INVALID_ARGUMENT');
    expect(() => a.data).toThrow(/released/);
  });

  it('release(a) twice, or of an array not from allocate, throws INVALID_ARGUMENT', () => {
    const a = allocate('float64', [3]);
    release(a);
    expect(code(() => release(a))).toBe('INVALID_ARGUMENT');
    expect(code(() => release(ndarray(new Float32Array(3))))).toBe('INVALID_ARGUMENT');
    expect(code(() => release({} as never))).toBe('INVALID_ARGUMENT');
  });

  it('release reuses blocks first-fit and merges neighbours, so a freed run serves a larger request', () => {
    const a = allocate('float32', [16]); // 64 bytes
    const b = allocate('float32', [16]);
    const c = allocate('float32', [16]);
    const guard = allocate('float32', [16]);
    const pa = (a.data as Float32Array).byteOffset;
    release(a);
    release(c);
    release(b); // a, b, c merge into one 192-byte block
    const big = allocate('float32', [48]);
    expect((big.data as Float32Array).byteOffset).toBe(pa);
    release(big);
    release(guard);
  });

  it('10k allocate/release cycles of mixed sizes leak nothing: live count and arena top return to where they were', () => {
    const start = arenaStats()!;
    const held: ReturnType<typeof allocate>[] = [];
    let seed = 1;
    const rand = (): number => { seed = (seed * 1103515245 + 12345) >>> 0; return seed / 2 ** 32; };
    let maxTop = 0;
    for (let i = 0; i < 10_000; i++) {
      const dtype = (['float32', 'float64', 'int32'] as const)[i % 3]!;
      held.push(allocate(dtype, [1 + Math.floor(rand() * 5000)]));
      if (held.length > 8 || rand() < 0.5) {
        const k = Math.floor(rand() * held.length);
        release(held.splice(k, 1)[0]!);
      }
      maxTop = Math.max(maxTop, arenaStats()!.top);
    }
    // at most 9 live arrays of <= 40 KB each: the arena never needs more than a
    // few times that, however many cycles run (fragmentation stays bounded)
    expect(maxTop - start.top).toBeLessThan(2_000_000);
    for (const a of held) release(a);
    const end = arenaStats()!;
    expect(end.live).toBe(start.live);
    expect(end.liveBytes).toBe(start.liveBytes);
    expect(end.top).toBe(start.top);
  });
});
