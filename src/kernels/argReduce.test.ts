import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { beatsForArgmax, beatsForArgmin } from '../internal/order.js';
import { allocate, release } from './arena.js';
import { type ArgKind, CHUNK_F32, CHUNK_F64, wasmArgBlockF32, wasmArgContig, wasmAvailable } from './argReduce.js';

// The JS reference: NumPy's rules spelled with the named orders of
// src/internal/order.ts (first NaN wins / nan* skip NaN, first index on ties).
function reference(kind: ArgKind, d: ArrayLike<number>, off: number, len: number): number {
  if (kind === 'argmax' || kind === 'argmin') {
    const beats = kind === 'argmax' ? beatsForArgmax : beatsForArgmin;
    let k = 0;
    for (let i = 1; i < len; i++) if (beats(d[off + i]!, d[off + k]!)) k = i;
    return k;
  }
  const fill = kind === 'nanargmax' ? -Infinity : Infinity;
  let k = -1, best = fill, any = false;
  for (let i = 0; i < len; i++) {
    const raw = d[off + i]!;
    if (raw === raw) any = true;
    const v = raw === raw ? raw : fill;
    if (k < 0 || (kind === 'nanargmax' ? v > best : v < best)) { best = v; k = i; }
  }
  return any ? k : -1;
}

const KINDS: ArgKind[] = ['argmax', 'argmin', 'nanargmax', 'nanargmin'];
const LENGTHS = [...Array.from({ length: 40 }, (_, i) => i + 1), 63, 64, 65, 127, 128, 129, 1023, 1024, 1025];

type Where = 'heap' | 'arena';
function place(values: ArrayLike<number>, dtype: 'float32' | 'float64', where: Where): { d: Float32Array | Float64Array; done: () => void } {
  if (where === 'heap') {
    const d = dtype === 'float32' ? new Float32Array(values.length + 3) : new Float64Array(values.length + 3);
    d.set(values, 3); // a non-zero offset
    return { d, done: () => {} };
  }
  const a = allocate(dtype, [values.length + 3]);
  (a.data as Float32Array | Float64Array).set(values, 3);
  return { d: a.data as Float32Array | Float64Array, done: () => release(a) };
}

function check(values: ArrayLike<number>, dtype: 'float32' | 'float64', where: Where, label: string): void {
  const { d, done } = place(values, dtype, where);
  try {
    for (const kind of KINDS) {
      const want = reference(kind, d, 3, values.length);
      const got = wasmArgContig(kind, d, 3, values.length, true);
      if (got !== want) expect.fail(`${kind} ${dtype} ${where} ${label}: wasm ${got}, reference ${want}`);
    }
  } finally { done(); }
}

describe('wasmArgContig', () => {
  it('loads the WASM SIMD module in Node 20', () => {
    expect(wasmAvailable()).toBe(true);
  });

  for (const dtype of ['float32', 'float64'] as const) {
    for (const where of ['heap', 'arena'] as const) {
      it(`wasmArgContig(kind, ${dtype} ${where}) matches the reference at every length around SIMD tails, with a NaN at every position`, () => {
        let seed = 12345;
        const rand = (): number => { seed = (seed * 1103515245 + 12345) >>> 0; return seed / 2 ** 32; };
        for (const n of LENGTHS) {
          const base = Array.from({ length: n }, () => Math.round(rand() * 20) - 10); // small ints: many ties
          check(base, dtype, where, `n=${n} ties`);
          const positions = n <= 40 ? Array.from({ length: n }, (_, i) => i) : [0, 1, 3, 4, 15, 16, 31, 32, 33, n - 2, n - 1];
          for (const p of positions) {
            const v = base.slice(); v[p] = NaN;
            check(v, dtype, where, `n=${n} NaN@${p}`);
            const w = v.slice(); w[(p + 7) % n] = NaN; // two NaN: the first wins
            check(w, dtype, where, `n=${n} NaN@${p},${(p + 7) % n}`);
          }
        }
      });
    }
  }

  it('wasmArgContig picks the first of ties spread across SIMD lanes and blocks', () => {
    for (const n of [33, 64, 129, 1025]) {
      for (const first of [0, 1, 2, 3, 5, 17, 31, 32, 63]) {
        if (first >= n) continue;
        const v = new Array<number>(n).fill(1);
        for (let i = first; i < n; i += 5) v[i] = 7;
        for (const dtype of ['float32', 'float64'] as const) {
          for (const where of ['heap', 'arena'] as const) {
            check(v, dtype, where, `ties from ${first}`);
            const u = v.map((x) => -x);
            check(u, dtype, where, `negated ties from ${first}`);
          }
        }
      }
    }
  });

  it('wasmArgContig treats -0 and +0 as equal and handles ±Infinity and all-NaN slices', () => {
    const cases: number[][] = [
      [-0, 0, -0, 0], [0, -0, 0], [-0, -1, 0],
      [-Infinity, -Infinity], [Infinity, Infinity, 1], [NaN, -Infinity], [-Infinity, NaN], [NaN, NaN, NaN],
      [NaN, Infinity, -Infinity, NaN], [Infinity, NaN, -Infinity],
      Array.from({ length: 70 }, (_, i) => (i === 50 ? -Infinity : NaN)),
      Array.from({ length: 70 }, () => NaN),
      Array.from({ length: 70 }, (_, i) => (i % 2 ? -Infinity : NaN)),
      Array.from({ length: 70 }, (_, i) => (i % 3 ? -0 : 0)),
    ];
    for (const c of cases) for (const dtype of ['float32', 'float64'] as const) for (const where of ['heap', 'arena'] as const) check(c, dtype, where, JSON.stringify(c.map(String)));
  });

  it('wasmArgContig on a JS-heap input merges chunk winners exactly (NaN, ties and maxima at chunk edges)', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const chunk = dtype === 'float32' ? CHUNK_F32 : CHUNK_F64;
      const n = chunk * 3 + 5;
      const edges = [0, chunk - 1, chunk, chunk + 1, 2 * chunk, n - 1];
      for (const e of edges) {
        const base = Array.from({ length: n }, (_, i) => (i * 7919) % 1000);
        const a = base.slice(); a[e] = 5000; a[(e + chunk) % n] = 5000; // a tie one chunk apart
        check(a, dtype, 'heap', `max at ${e}`);
        const b = base.slice(); b[e] = NaN;
        check(b, dtype, 'heap', `NaN at ${e}`);
        const c = new Array<number>(n).fill(NaN); c[e] = -Infinity; // nan*: only NaN and -Inf
        check(c, dtype, 'heap', `-Inf at ${e} among NaN`);
        const d = new Array<number>(n).fill(NaN); d[e] = 3;
        check(d, dtype, 'heap', `one number at ${e} among NaN`);
      }
      check(new Array<number>(n).fill(NaN), dtype, 'heap', 'all NaN');
    }
  });

  it('wasmArgContig agrees with the reference on arbitrary float32 arrays (property)', () => {
    const value = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: -4, max: 4 }) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 0) },
      { weight: 3, arbitrary: fc.float({ noDefaultInfinity: true, noNaN: true }) },
    );
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.boolean(), (vals, arena) => {
      for (const dtype of ['float32', 'float64'] as const) check(vals, dtype, arena ? 'arena' : 'heap', `[${vals.map(String).join(',')}]`);
    }), { numRuns: 300 });
  });

  it('wasmArgContig reads a subarray view of an arena array in place (found by its buffer) with the same result', () => {
    const a = allocate('float32', [5000]);
    const d = a.data as Float32Array;
    for (let i = 0; i < 5000; i++) d[i] = (i * 7919) % 4999;
    d[4000] = 1e9;
    const sub = d.subarray(1000);
    expect(wasmArgContig('argmax', sub, 10, 3990)).toBe(2990);
    expect(wasmArgContig('argmax', sub, 10, 3990)).toBe(reference('argmax', sub, 10, 3990));
    sub[3500] = NaN;
    expect(wasmArgContig('argmax', sub, 0, 4000)).toBe(3500); // the NaN wins
    expect(wasmArgContig('nanargmax', sub, 0, 4000)).toBe(3000);
    release(a);
  });

  it('wasmArgContig returns undefined below the crossover so the caller keeps its JS kernel', () => {
    expect(wasmArgContig('argmax', new Float32Array(10), 0, 10)).toBeUndefined();
  });
});

describe('wasmArgBlockF32', () => {
  function refBlock(kind: ArgKind, d: Float32Array, off: number, len: number, inner: number): Int32Array {
    const out = new Int32Array(inner);
    const col = new Float32Array(len);
    for (let c = 0; c < inner; c++) {
      for (let r = 0; r < len; r++) col[r] = d[off + r * inner + c]!;
      out[c] = reference(kind, col, 0, len);
    }
    return out;
  }

  for (const where of ['heap', 'arena'] as const) {
    it(`wasmArgBlockF32(kind, ${where} [len, inner]) matches the column-wise reference, NaN and ties included`, () => {
      const shapes: [number, number][] = [[1, 5], [2, 7], [3, 16], [5, 17], [40, 33], [9, 130], [40, 4096]];
      let seed = 7;
      const rand = (): number => { seed = (seed * 1103515245 + 12345) >>> 0; return seed / 2 ** 32; };
      for (const [len, inner] of shapes) {
        const n = len * inner;
        const vals = new Float32Array(n + 2);
        for (let i = 0; i < n; i++) {
          const u = rand();
          vals[i + 2] = u < 0.05 ? NaN : u < 0.07 ? -Infinity : Math.round(rand() * 6);
        }
        // an all-NaN column and a NaN/-Inf-only column
        if (inner > 3) for (let r = 0; r < len; r++) { vals[2 + r * inner + 1] = NaN; vals[2 + r * inner + 2] = r % 2 ? NaN : -Infinity; }
        let d: Float32Array = vals, done = (): void => {};
        if (where === 'arena') {
          const a = allocate('float32', [n + 2]);
          (a.data as Float32Array).set(vals);
          d = a.data as Float32Array;
          done = () => release(a);
        }
        for (const kind of KINDS) {
          const res = new Int32Array(inner + 1).fill(99);
          expect(wasmArgBlockF32(kind, d, 2, len, inner, res, 1, true)).toBe(true);
          const want = refBlock(kind, d, 2, len, inner);
          expect(Array.from(res.subarray(1)), `${kind} [${len}, ${inner}]`).toEqual(Array.from(want));
          expect(res[0]).toBe(99);
        }
        done();
      }
    });
  }
});
