// argmax & friends: options (axis names, 0-d, keepdims, out, ties, rng,
// where), every error code with the input unchanged, fast-check properties
// against a naive reference on random strided views, x[argmax] == max, and
// the fast-path / reference-path equivalence through the dispatch seam.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { argmax, argmin, nanargmax, nanargmin } from './index.js';
import { SHORT_LANE, registerArgKernels, resetArgKernels, setArgKernelProvider } from './dispatch.js';
import { JS_KERNELS } from './kernels.js';
import { type NDArray, StridedArray, contiguousStrides } from '../core/StridedArray.js';
import { ndarray } from '../core/ndarray.js';
import { flip, sliceAxis, transpose } from '../core/views.js';
import { toNested } from '../core/toNested.js';
import { encodeFloat16 } from '../core/float16.js';
import { takeAlongAxis } from '../indexing/index.js';
import { LogitkitError } from '../errors/LogitkitError.js';

type Kind = 'argmax' | 'argmin' | 'nanargmax' | 'nanargmin';
const FUNCS: Record<Kind, (x: unknown, o?: object) => number | NDArray> = {
  argmax: argmax as never, argmin: argmin as never, nanargmax: nanargmax as never, nanargmin: nanargmin as never,
};
const flat = (a: NDArray): number[] => {
  const out: number[] = [];
  const walk = (t: unknown): void => { if (Array.isArray(t)) t.forEach(walk); else out.push(t as number); };
  walk(toNested(a));
  return out;
};

function codeOf(f: () => unknown): string | undefined {
  try { f(); } catch (e) { if (e instanceof LogitkitError) return e.code; throw e; }
  return undefined;
}

/** A seeded uniform source (mulberry32) standing in for createRng. */
function mulberry(seed: number): { uniform(): number; calls: number } {
  let s = seed >>> 0;
  const r = {
    calls: 0,
    uniform(): number {
      r.calls++;
      s = (s + 0x6d2b79f5) >>> 0;
      let t = Math.imul(s ^ (s >>> 15), 1 | s);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
  return r;
}

// ---- naive reference: per-element index arithmetic, the obvious loops ----
function refLane(kind: Kind, vals: number[]): number | 'ALL_NAN' {
  const nanKind = kind.startsWith('nan');
  const max = kind.endsWith('max');
  if (!nanKind) { const i = vals.findIndex((v) => Number.isNaN(v)); if (i >= 0) return i; }
  if (nanKind && vals.every((v) => Number.isNaN(v))) return 'ALL_NAN';
  const key = vals.map((v) => (Number.isNaN(v) ? (max ? -Infinity : Infinity) : v));
  let k = 0;
  for (let i = 1; i < key.length; i++) if (max ? key[i]! > key[k]! : key[i]! < key[k]!) k = i;
  return k;
}

function refReduce(kind: Kind, values: number[], shape: number[], axis: number | null): number[] | 'ALL_NAN' | 'EMPTY' {
  if (axis === null) {
    if (values.length === 0) return 'EMPTY';
    const r = refLane(kind, values);
    return r === 'ALL_NAN' ? r : [r];
  }
  const len = shape[axis]!;
  if (len === 0) return 'EMPTY';
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const out: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const lane: number[] = [];
      for (let j = 0; j < len; j++) lane.push(values[(o * len + j) * inner + i]!);
      const r = refLane(kind, lane);
      if (r === 'ALL_NAN') return r;
      out.push(r);
    }
  }
  return out;
}

// ---- random strided views ----
const VALUES = [0, -0, 1, -1, 2, 2.5, -3, Infinity, -Infinity, NaN];
const viewArb = fc.record({
  shape: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }),
  pad: fc.integer({ min: 1, max: 2 }),
  ops: fc.array(fc.oneof(
    fc.record({ op: fc.constant('flip' as const), axis: fc.nat() }),
    fc.record({ op: fc.constant('transpose' as const), seed: fc.nat() }),
    fc.record({ op: fc.constant('step' as const), axis: fc.nat(), step: fc.constantFrom(-2, -1, 2) }),
  ), { maxLength: 3 }),
  seed: fc.nat(),
  dtype: fc.constantFrom('float64' as const, 'float32' as const),
  nanRate: fc.constantFrom(0, 0.1, 0.5),
});

interface ViewParams { shape: number[]; pad: number; ops: { op: string; axis?: number; seed?: number; step?: number }[]; seed: number; dtype: 'float64' | 'float32'; nanRate: number }

function buildView(p: ViewParams): NDArray {
  const shape = p.shape.map((d) => d * p.pad);
  const n = shape.reduce((a, b) => a * b, 1);
  const r = mulberry(p.seed);
  const data = p.dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = r.uniform() < p.nanRate ? NaN : VALUES[Math.floor(r.uniform() * (VALUES.length - 1))]!;
  let a: NDArray = new StridedArray(p.dtype, data, shape, contiguousStrides(shape), 0);
  for (const o of p.ops) {
    if (o.op === 'flip') a = flip(a, o.axis! % a.ndim);
    else if (o.op === 'step') a = sliceAxis(a, o.axis! % a.ndim, undefined, undefined, o.step!);
    else {
      const perm = a.shape.map((_, i) => i);
      const rr = mulberry(o.seed!);
      for (let i = perm.length - 1; i > 0; i--) { const j = Math.floor(rr.uniform() * (i + 1)); [perm[i], perm[j]] = [perm[j]!, perm[i]!]; }
      a = transpose(a, perm);
    }
  }
  return a;
}

describe('argmax/argmin/nanargmax/nanargmin on random strided views', () => {
  it('agree with a naive reference for every axis and the flattening (fast-check)', () => {
    fc.assert(fc.property(viewArb, (p) => {
      const a = buildView(p);
      const values = flat(a);
      for (const kind of ['argmax', 'argmin', 'nanargmax', 'nanargmin'] as Kind[]) {
        for (const axis of [null, ...a.shape.map((_, i) => i)]) {
          const ref = refReduce(kind, values, a.shape.slice(), axis);
          const call = (): number | NDArray => FUNCS[kind](a, axis === null ? undefined : { axis });
          if (ref === 'EMPTY') { expect(codeOf(call)).toBe('EMPTY_REDUCTION'); continue; }
          if (ref === 'ALL_NAN') { expect(codeOf(call)).toBe('ALL_NAN_SLICE'); continue; }
          const got = call();
          expect(typeof got === 'number' ? [got] : flat(got)).toEqual(ref);
        }
      }
    }), { numRuns: 300 });
  });

  it('the general path (ties: "last", where all true) agrees with the reference reversed', () => {
    fc.assert(fc.property(viewArb, (p) => {
      const a = buildView({ ...p, nanRate: 0 });
      if (a.size === 0) return;
      const values = flat(a);
      const mask = ndarray(new Uint8Array(a.size).fill(1), { shape: a.shape, dtype: 'bool' });
      for (const axis of a.shape.map((_, i) => i)) {
        if (a.shape[axis] === 0) continue;
        const first = argmax(a, { axis, where: mask });
        const ref = refReduce('argmax', values, a.shape.slice(), axis) as number[];
        expect(flat(first)).toEqual(ref);
        // 'last' = first occurrence in the reversed axis, mapped back
        const last = argmax(a, { axis, ties: 'last' });
        const rev = flip(a, axis);
        const refRev = refReduce('argmax', flat(rev), rev.shape.slice(), axis) as number[];
        expect(flat(last)).toEqual(refRev.map((j) => a.shape[axis]! - 1 - j));
      }
    }), { numRuns: 150 });
  });
});

describe('x[argmax] == max along every axis', () => {
  it('takeAlongAxis(x, argmax(x, {axis, keepdims: true}), {axis}) is the lane maximum, and argmin the minimum', () => {
    fc.assert(fc.property(viewArb, (p) => {
      const a = buildView({ ...p, nanRate: 0 });
      for (let axis = 0; axis < a.ndim; axis++) {
        if (a.shape[axis] === 0) continue;
        const mx = takeAlongAxis(a, argmax(a, { axis, keepdims: true }), { axis });
        const mn = takeAlongAxis(a, argmin(a, { axis, keepdims: true }), { axis });
        const vals = flat(a);
        const len = a.shape[axis]!;
        const inner = a.shape.slice(axis + 1).reduce((x, y) => x * y, 1);
        const outer = a.size / (len * inner);
        const mxv = flat(mx), mnv = flat(mn);
        for (let o = 0; o < outer; o++) for (let i = 0; i < inner; i++) {
          const lane = Array.from({ length: len }, (_, j) => vals[(o * len + j) * inner + i]!);
          expect(mxv[o * inner + i]! === Math.max(...lane)).toBe(true);
          expect(mnv[o * inner + i]! === Math.min(...lane)).toBe(true);
        }
      }
    }), { numRuns: 150 });
  });
});

describe('options', () => {
  it("argmax(x, {axis: 'class'}) resolves an axis name; an unknown name is INVALID_ARGUMENT", () => {
    const x = ndarray(new Float32Array([1, 9, 3, 7, 2, 8]), { shape: [2, 3], names: ['batch', 'class'] });
    expect(flat(argmax(x, { axis: 'class' }))).toEqual([1, 2]);
    expect(flat(argmax(x, { axis: 'batch' }))).toEqual([1, 0, 1]);
    expect(codeOf(() => argmax(x, { axis: 'nope' }))).toBe('INVALID_ARGUMENT');
    expect(argmax(x, { axis: 'class' }).names).toEqual(['batch']);            // names follow the remaining axes
    expect(argmax(x, { axis: 'class', keepdims: true }).names).toEqual(['batch', 'class']);
    expect('names' in argmax(ndarray([[1, 2]]), { axis: 1 })).toBe(false);
    expect(Array.from(x.data as Float32Array)).toEqual([1, 9, 3, 7, 2, 8]);
  });

  it('argmax(5) is 0, argmax(5, {axis: 0 | -1}) is a 0-d int32 array, axis 1 is out of bounds', () => {
    expect(argmax(5)).toBe(0);
    for (const axis of [0, -1]) {
      const r = argmax(5, { axis });
      expect(r.shape).toEqual([]);
      expect(r.dtype).toBe('int32');
      expect(toNested(r)).toBe(0);
    }
    expect(codeOf(() => argmax(5, { axis: 1 }))).toBe('AXIS_OUT_OF_BOUNDS');
    expect(codeOf(() => nanargmax(NaN))).toBe('ALL_NAN_SLICE');
    const out0 = ndarray(new Int32Array([9]), { shape: [] });
    expect(argmin(4, { axis: -1, out: out0 })).toBe(out0);
    expect(toNested(out0)).toBe(0);
    expect(codeOf(() => argmax(4, { where: false }))).toBe('ALL_MASKED');
    expect(argmax(4, { where: true })).toBe(0);
    expect(argmax(NaN)).toBe(0);
  });

  it('argmax(x, {keepdims: true}) without axis is a [1, 1] int32 array; out of shape [] is returned', () => {
    const x = [[1, 7], [9, 2]];
    const k = argmax(x, { keepdims: true });
    expect(k.shape).toEqual([1, 1]);
    expect(flat(k)).toEqual([2]);
    const out = ndarray(new Int32Array(1), { shape: [] });
    expect(argmax(x, { out })).toBe(out);
    expect(toNested(out)).toBe(2);
  });

  it("argmax(x, {ties: 'last'}) takes the last tie, per row too", () => {
    expect(argmax([1, 5, 5, 2, 5], { ties: 'last' })).toBe(4);
    expect(argmin([0, -0, 0, 1], { ties: 'last' })).toBe(2);
    expect(flat(argmax([[3, 3, 1], [0, 2, 2]], { axis: 1, ties: 'last' }))).toEqual([1, 2]);
    expect(nanargmax([NaN, -Infinity, NaN], { ties: 'last' })).toBe(2);
  });

  it("argmax(x, {ties: 'random', rng}) picks uniformly among the tied winners, deterministically per seed", () => {
    const x = [1, 5, 5, 2, 5, 0];
    const counts = new Map<number, number>();
    const rng = mulberry(42);
    for (let i = 0; i < 3000; i++) {
      const k = argmax(x, { ties: 'random', rng });
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2, 4]);
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(120);
    const a = mulberry(7), b = mulberry(7);
    const seqA = Array.from({ length: 20 }, () => argmax(x, { ties: 'random', rng: a }));
    const seqB = Array.from({ length: 20 }, () => argmax(x, { ties: 'random', rng: b }));
    expect(seqA).toEqual(seqB);
    const quiet = mulberry(1);
    expect(argmax([1, 2, 3], { ties: 'random', rng: quiet })).toBe(2);
    expect(quiet.calls).toBe(0); // no tie, no randomness consumed
    expect(codeOf(() => argmax(x, { ties: 'random' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => argmax(x, { ties: 'middle' as 'first' }))).toBe('INVALID_ARGUMENT');
  });

  it('argmax(x, {axis: 1, where}) never picks a masked entry; the mask broadcasts', () => {
    expect(argmax([9, 1, 5], { where: [false, true, true] })).toBe(2);
    expect(argmax([1, NaN, 3], { where: [true, false, true] })).toBe(2);
    const x = [[9, 1, 5], [2, 8, 3]];
    expect(flat(argmax(x, { axis: 1, where: [false, true, true] }))).toEqual([2, 1]);
    expect(flat(argmin(x, { axis: 0, where: [[true], [false]] }))).toEqual([0, 0, 0]);
    expect(argmax(x, { where: [[false, false, false], [true, false, true]] })).toBe(5);
    // integer masks: nonzero = allowed (Uint8Array, int64 attention masks)
    expect(flat(argmax(x, { axis: 1, where: new Uint8Array([0, 1, 1]) }))).toEqual([2, 1]);
    expect(flat(argmax(x, { axis: 1, where: new BigInt64Array([1n, 0n, 1n]) }))).toEqual([0, 2]);
    expect(codeOf(() => nanargmax([NaN, 4, NaN], { where: [true, false, true] }))).toBe('ALL_NAN_SLICE');
    expect(nanargmax([NaN, 4, -Infinity], { where: [true, false, true] })).toBe(0);
  });

  it('accepts {data, dims} tensors, BigInt64Array and float16 bits', () => {
    expect(flat(argmax({ data: new Float32Array([1, 4, 2, 8, 0, 3]), dims: [2, 3] }, { axis: 1 }))).toEqual([1, 0]);
    const big = new BigInt64Array([2n ** 62n, 2n ** 62n + 1n, 2n ** 62n - 1n]);
    expect(argmax(big)).toBe(1);
    expect(argmin(big)).toBe(2);
    const bits = new Uint16Array([1, 5, 2.5, 5.5, NaN].map(encodeFloat16));
    expect(argmax({ data: bits, dims: [5], type: 'float16' })).toBe(4);
    expect(nanargmax({ data: bits, dims: [5], type: 'float16' })).toBe(3);
    expect(argmax([true, false, true])).toBe(0);
    expect(argmin([true, false, false])).toBe(1);
  });
});

describe('errors: code, message, input unchanged', () => {
  const data = new Float32Array([3, NaN, 1, NaN, NaN, NaN]);
  const x = ndarray(data, { shape: [2, 3] });
  const snapshot = (): number[] => Array.from(data);
  const before = snapshot();
  const cases: [string, () => unknown, string, string?][] = [
    ['EMPTY_REDUCTION', () => argmax(ndarray(new Float32Array(0), { shape: [2, 0] }), { axis: 1 }), 'EMPTY_REDUCTION', 'attempt to get argmax of an empty sequence'],
    ['EMPTY_REDUCTION for nan* too', () => nanargmin([]), 'EMPTY_REDUCTION', 'attempt to get argmin of an empty sequence'],
    ['AXIS_OUT_OF_BOUNDS', () => argmax(x, { axis: 2 }), 'AXIS_OUT_OF_BOUNDS', 'axis 2 is out of bounds for array of dimension 2'],
    ['AXIS_OUT_OF_BOUNDS negative', () => argmin(x, { axis: -3 }), 'AXIS_OUT_OF_BOUNDS', 'axis -3 is out of bounds for array of dimension 2'],
    ['ALL_NAN_SLICE', () => nanargmax(x, { axis: 1 }), 'ALL_NAN_SLICE', 'All-NaN slice encountered'],
    ['ALL_NAN_SLICE flat', () => nanargmin(ndarray(data.subarray(3))), 'ALL_NAN_SLICE'],
    ['SHAPE_MISMATCH out', () => argmax(x, { axis: 0, out: ndarray(new Int32Array(2)) }), 'SHAPE_MISMATCH', 'out must have shape [3], got [2]'],
    ['DTYPE out', () => argmax(x, { axis: 0, out: ndarray(new Float32Array(3)) }), 'DTYPE'],
    ['INVALID_ARGUMENT keepdims', () => argmax(x, { keepdims: 'yes' as unknown as boolean }), 'INVALID_ARGUMENT'],
    ['INVALID_ARGUMENT axis 1.5', () => argmax(x, { axis: 1.5 }), 'INVALID_ARGUMENT'],
    ['INVALID_ARGUMENT opts', () => argmax(x, 3 as unknown as object), 'INVALID_ARGUMENT'],
    ['ALL_MASKED', () => argmax(x, { axis: 1, where: [[true, true, true], [false, false, false]] }), 'ALL_MASKED'],
    ['SHAPE_MISMATCH where', () => argmax(x, { where: [true, false] }), 'SHAPE_MISMATCH'],
    ['DTYPE where', () => argmax(x, { where: [1, 0, 1] }), 'DTYPE'],
  ];
  for (const [title, f, code, msg] of cases) {
    it(`throws ${title} as LogitkitError(${code}) and leaves x unchanged`, () => {
      let err: unknown;
      try { f(); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(LogitkitError);
      expect((err as LogitkitError).code).toBe(code);
      if (msg !== undefined) expect((err as Error).message).toContain(msg);
      expect(snapshot().map(String)).toEqual(before.map(String));
    });
  }

  it('a failing reduction leaves out untouched', () => {
    const out = ndarray(new Int32Array([-5, -5]));
    expect(codeOf(() => nanargmax(x, { axis: 1, out }))).toBe('ALL_NAN_SLICE');
    expect(Array.from(out.data as Int32Array)).toEqual([-5, -5]);
  });
});

describe('fast path and reference path agree (dispatch seam)', () => {
  it('contiguous, block and strided kernels give the same indices on large float32 arrays with NaN and ties', () => {
    const r = mulberry(3);
    const R = 37, C = 1029;
    const d = new Float32Array(R * C);
    for (let i = 0; i < d.length; i++) d[i] = r.uniform() < 0.001 ? NaN : Math.floor(r.uniform() * 50);
    const x = ndarray(d, { shape: [R, C] });
    const strided = flip(flip(transpose(transpose(x)), 0), 0); // same logical array, built through views
    const copy = new StridedArray('float32', new Float32Array(d), [C, R], [1, C], 0); // transposed storage
    for (const kind of ['argmax', 'argmin', 'nanargmax', 'nanargmin'] as Kind[]) {
      for (const axis of [0, 1]) {
        setArgKernelProvider(null); // the pure JS reference kernels
        let js: number[];
        try { js = flat(FUNCS[kind](x, { axis }) as NDArray); } finally { resetArgKernels(); }
        const a = flat(FUNCS[kind](x, { axis }) as NDArray); // default dispatch (WASM when available)
        expect(a).toEqual(js);
        const values = flat(x);
        expect(a).toEqual(refReduce(kind, values, [R, C], axis));
        expect(flat(FUNCS[kind](strided, { axis }) as NDArray)).toEqual(a);
        expect(flat(FUNCS[kind](transpose(copy), { axis }) as NDArray)).toEqual(a);
      }
    }
  });

  it('nanargmax(strided view) where an all-NaN lane precedes a lane of -Infinity returns the first NaN (NaN counts as -Infinity)', () => {
    const x = transpose(ndarray([[NaN, -Infinity], [NaN, -Infinity]])); // logical [[NaN, NaN], [-inf, -inf]]
    expect(nanargmax(x)).toBe(0);
    expect(nanargmin(transpose(ndarray([[NaN, Infinity], [NaN, Infinity]])))).toBe(0);
    expect(nanargmax(transpose(ndarray([[NaN, -Infinity], [NaN, 2]])))).toBe(3);
    expect(codeOf(() => nanargmax(transpose(ndarray([[NaN, NaN], [NaN, NaN]]))))).toBe('ALL_NAN_SLICE');
  });

  it('registerArgKernels routes float32 work to the registered kernels and resetArgKernels restores the default', () => {
    let calls = 0;
    registerArgKernels('argmax', 'float32', {
      contig: (d, off, len) => { calls++; return JS_KERNELS.argmax.contig(d, off, len); },
      block: (...args) => { calls++; JS_KERNELS.argmax.block(...args); },
    });
    const C = SHORT_LANE + 36;
    const d = new Float32Array(2 * C).map((_, i) => (i * 37) % 101);
    const x = ndarray(d, { shape: [2, C] });
    const ref = (row: number): number => { let k = 0; for (let j = 1; j < C; j++) if (d[row * C + j]! > d[row * C + k]!) k = j; return k; };
    try {
      expect(argmax(x)).toBe((refReduce('argmax', Array.from(d), [2 * C], null) as number[])[0]);
      expect(flat(argmax(x, { axis: 0 }))).toEqual(refReduce('argmax', Array.from(d), [2, C], 0));
      expect(flat(argmax(x, { axis: 1 }))).toEqual([ref(0), ref(1)]);
      expect(calls).toBe(1 + 1 + 2); // flat: one contig call; axis 0: one block; axis 1: two rows
      expect(argmax(ndarray(new Float32Array(5).fill(1), { shape: [5, 1] }), { axis: 1 }).size).toBe(5);
      expect(calls).toBe(4); // rows shorter than SHORT_LANE stay on the JS kernels
      expect(argmax(new Float64Array([1, 3, 2]))).toBe(1);
      expect(calls).toBe(4); // float64 not registered
    } finally {
      resetArgKernels();
    }
    expect(argmax(new Float32Array([1, 9]))).toBe(1);
    expect(calls).toBe(4);
  });

  it('setArgKernelProvider(fn) is asked once per reduction and may decline with null', () => {
    const asked: string[] = [];
    let used = 0;
    setArgKernelProvider((kind, data, js) => {
      asked.push(`${kind}:${data.constructor.name}`);
      if (!(data instanceof Float64Array)) return null;
      return { ...js, contig: (d, off, len) => { used++; return js.contig(d, off, len); } };
    });
    try {
      expect(nanargmin(new Float64Array([3, NaN, 1]))).toBe(2);
      expect(argmax(new Int8Array([3, 9, 1]))).toBe(1);
      const long = new Float64Array(SHORT_LANE + 1).fill(5); long[SHORT_LANE] = 0;
      expect(flat(argmin(long, { axis: 0 }))).toEqual([SHORT_LANE]);
      expect(asked).toEqual(['nanargmin:Float64Array', 'argmax:Int8Array', 'argmin:Float64Array']);
      expect(used).toBe(2);
    } finally {
      resetArgKernels();
    }
    expect(argmax(new Float64Array([1, 2]))).toBe(1);
    expect(asked.length).toBe(3);
  });
});
