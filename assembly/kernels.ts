// logitkit WASM SIMD kernels (AssemblyScript, compiled by `npm run build:wasm`).
//
// Every kernel works on raw pointers into this module's linear memory; the JS
// side (src/kernels/wasm/) owns the memory layout: a fixed scratch region right
// after `heapBase()` and the arena above it. No kernel allocates or grows
// memory, so JS views of the memory stay valid while a kernel runs.
//
// Index semantics are NumPy's (see src/internal/order.ts, the reference):
//   argmax/argmin: the first NaN wins; otherwise the first index of the
//     extreme value; -0 and +0 compare equal.
//   nanargmax/nanargmin: NaN counts as -Inf (+Inf), so a slice of only NaN and
//     -Inf (+Inf) gives 0; an all-NaN slice returns -1 (the caller throws).
//
// The contiguous kernels scan blocks of 128 bytes, comparing every vector
// against the best value so far (NaN compares false); only a
// block that may hold a new best (or a NaN) is rescanned with scalar code,
// which therefore decides every index exactly like the JS reference.

/** First byte free for the JS side (end of static data), 16-byte aligned. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~<usize>15;
}

// ---------------------------------------------------------------- argmax/argmin

// @ts-ignore: decorator
@inline function lanes<T>(): i32 { return <i32>(16 / sizeof<T>()); }

// @ts-ignore: decorator
@inline function ld<T>(ptr: usize, i: i32): T { return load<T>(ptr + (<usize>i << alignof<T>())); }

// @ts-ignore: decorator
@inline function allTrue<T>(m: v128): bool { return sizeof<T>() == 4 ? i32x4.all_true(m) : i64x2.all_true(m); }

function argExtreme<T>(ptr: usize, n: i32, isMax: bool): i32 {
  if (n <= 0) return -1;
  let best: T = ld<T>(ptr, 0);
  if (best != best) return 0;
  let bestIdx: i32 = 0;
  let bv = v128.splat<T>(best);
  const step = lanes<T>() * 8;
  const end = n - (n % step);
  let i: i32 = 0;
  while (i < end) {
    const p = ptr + (<usize>i << alignof<T>());
    const a = v128.load(p), b = v128.load(p, 16), c = v128.load(p, 32), d = v128.load(p, 48);
    const e = v128.load(p, 64), f = v128.load(p, 80), g = v128.load(p, 96), h = v128.load(p, 112);
    // One compare per vector (V8 lowers NaN-propagating max/min to several
    // instructions, a compare to one): the block is quiet when every lane is
    // <= best (>= for argmin); a NaN lane compares false and forces a rescan.
    let quiet: bool;
    if (isMax) {
      quiet = allTrue<T>(v128.and(
        v128.and(v128.and(v128.le<T>(a, bv), v128.le<T>(b, bv)), v128.and(v128.le<T>(c, bv), v128.le<T>(d, bv))),
        v128.and(v128.and(v128.le<T>(e, bv), v128.le<T>(f, bv)), v128.and(v128.le<T>(g, bv), v128.le<T>(h, bv)))));
    } else {
      quiet = allTrue<T>(v128.and(
        v128.and(v128.and(v128.ge<T>(a, bv), v128.ge<T>(b, bv)), v128.and(v128.ge<T>(c, bv), v128.ge<T>(d, bv))),
        v128.and(v128.and(v128.ge<T>(e, bv), v128.ge<T>(f, bv)), v128.and(v128.ge<T>(g, bv), v128.ge<T>(h, bv)))));
    }
    if (!quiet) {
      const stop = i + step;
      for (let j = i; j < stop; j++) {
        const v = ld<T>(ptr, j);
        if (v != v) return j;
        if (isMax ? v > best : v < best) { best = v; bestIdx = j; }
      }
      bv = v128.splat<T>(best);
    }
    i += step;
  }
  for (; i < n; i++) {
    const v = ld<T>(ptr, i);
    if (v != v) return i;
    if (isMax ? v > best : v < best) { best = v; bestIdx = i; }
  }
  return bestIdx;
}

function nanArgExtreme<T>(ptr: usize, n: i32, isMax: bool): i32 {
  if (n <= 0) return -1;
  // NaN never compares greater (less), so it is skipped; start below everything.
  let best: T = <T>(isMax ? -Infinity : Infinity);
  let bestIdx: i32 = -1;
  let bv = v128.splat<T>(best);
  const step = lanes<T>() * 8;
  const end = n - (n % step);
  let i: i32 = 0;
  while (i < end) {
    const p = ptr + (<usize>i << alignof<T>());
    const a = v128.load(p), b = v128.load(p, 16), c = v128.load(p, 32), d = v128.load(p, 48);
    const e = v128.load(p, 64), f = v128.load(p, 80), g = v128.load(p, 96), h = v128.load(p, 112);
    let hit: bool;
    if (isMax) {
      hit = v128.any_true(v128.or(
        v128.or(v128.or(v128.gt<T>(a, bv), v128.gt<T>(b, bv)), v128.or(v128.gt<T>(c, bv), v128.gt<T>(d, bv))),
        v128.or(v128.or(v128.gt<T>(e, bv), v128.gt<T>(f, bv)), v128.or(v128.gt<T>(g, bv), v128.gt<T>(h, bv)))));
    } else {
      hit = v128.any_true(v128.or(
        v128.or(v128.or(v128.lt<T>(a, bv), v128.lt<T>(b, bv)), v128.or(v128.lt<T>(c, bv), v128.lt<T>(d, bv))),
        v128.or(v128.or(v128.lt<T>(e, bv), v128.lt<T>(f, bv)), v128.or(v128.lt<T>(g, bv), v128.lt<T>(h, bv)))));
    }
    if (hit) {
      const stop = i + step;
      for (let j = i; j < stop; j++) {
        const v = ld<T>(ptr, j);
        if (isMax ? v > best : v < best) { best = v; bestIdx = j; }
      }
      bv = v128.splat<T>(best);
    }
    i += step;
  }
  for (; i < n; i++) {
    const v = ld<T>(ptr, i);
    if (isMax ? v > best : v < best) { best = v; bestIdx = i; }
  }
  if (bestIdx >= 0) return bestIdx;
  // Nothing beat -Inf (+Inf): every element is NaN or -Inf (+Inf). NumPy maps
  // NaN to -Inf (+Inf), so the answer is 0 unless the slice is all NaN.
  for (let j = 0; j < n; j++) {
    const v = ld<T>(ptr, j);
    if (v == v) return 0;
  }
  return -1;
}

export function argmaxF32(ptr: usize, n: i32): i32 { return argExtreme<f32>(ptr, n, true); }
export function argminF32(ptr: usize, n: i32): i32 { return argExtreme<f32>(ptr, n, false); }
export function argmaxF64(ptr: usize, n: i32): i32 { return argExtreme<f64>(ptr, n, true); }
export function argminF64(ptr: usize, n: i32): i32 { return argExtreme<f64>(ptr, n, false); }
export function nanargmaxF32(ptr: usize, n: i32): i32 { return nanArgExtreme<f32>(ptr, n, true); }
export function nanargminF32(ptr: usize, n: i32): i32 { return nanArgExtreme<f32>(ptr, n, false); }
export function nanargmaxF64(ptr: usize, n: i32): i32 { return nanArgExtreme<f64>(ptr, n, true); }
export function nanargminF64(ptr: usize, n: i32): i32 { return nanArgExtreme<f64>(ptr, n, false); }

/**
 * argmax/argmin (nan* with `nan`) of every column of a C-contiguous
 * [rows, cols] f32 block (a reduction over axis 0), continuing a running state:
 * `best` (cols f32) and `outIdx` (cols i32) hold the best value and its row so
 * far; `init` = 1 starts them from this block. Rows are numbered from
 * `rowBase`, so a tall matrix can be fed block by block.
 *
 * Vertical SIMD: lane j keeps column j's best; a row replaces it when strictly
 * better, or (argmax/argmin) when it is NaN and the best is not, so the first
 * NaN wins. With `nan`, NaN never replaces and a column whose index stays -1
 * had nothing beat -Inf (+Inf); the caller resolves it (0, or all-NaN).
 */
function colsExtremeF32(ptr: usize, rows: i32, cols: i32, outIdx: usize, best: usize, rowBase: i32, init: bool, isMax: bool, nan: bool): void {
  let r0 = 0;
  if (init) {
    const start: f32 = <f32>(isMax ? -Infinity : Infinity);
    for (let c = 0; c < cols; c++) {
      store<f32>(best + (<usize>c << 2), nan ? start : load<f32>(ptr + (<usize>c << 2)));
      store<i32>(outIdx + (<usize>c << 2), nan ? -1 : rowBase);
    }
    if (!nan) r0 = 1;
  }
  const vecEnd = cols & ~3;
  for (let r = r0; r < rows; r++) {
    const row = ptr + ((<usize>r * <usize>cols) << 2);
    const rv = i32x4.splat(rowBase + r);
    let c = 0;
    for (; c < vecEnd; c += 4) {
      const off = <usize>c << 2;
      const v = v128.load(row + off);
      const bv = v128.load(best + off);
      let take: v128;
      if (nan) take = isMax ? f32x4.gt(v, bv) : f32x4.lt(v, bv);
      else {
        const better = isMax ? f32x4.gt(v, bv) : f32x4.lt(v, bv);
        take = v128.or(better, v128.and(f32x4.ne(v, v), f32x4.eq(bv, bv)));
      }
      if (v128.any_true(take)) {
        v128.store(best + off, v128.bitselect(v, bv, take));
        v128.store(outIdx + off, v128.bitselect(rv, v128.load(outIdx + off), take));
      }
    }
    for (; c < cols; c++) {
      const off = <usize>c << 2;
      const v = load<f32>(row + off);
      const b = load<f32>(best + off);
      const better = isMax ? v > b : v < b;
      if (better || (!nan && v != v && b == b)) { store<f32>(best + off, v); store<i32>(outIdx + off, rowBase + r); }
    }
  }
}

export function argmaxColsF32(ptr: usize, rows: i32, cols: i32, outIdx: usize, best: usize, rowBase: i32, init: bool): void { colsExtremeF32(ptr, rows, cols, outIdx, best, rowBase, init, true, false); }
export function argminColsF32(ptr: usize, rows: i32, cols: i32, outIdx: usize, best: usize, rowBase: i32, init: bool): void { colsExtremeF32(ptr, rows, cols, outIdx, best, rowBase, init, false, false); }
export function nanargmaxColsF32(ptr: usize, rows: i32, cols: i32, outIdx: usize, best: usize, rowBase: i32, init: bool): void { colsExtremeF32(ptr, rows, cols, outIdx, best, rowBase, init, true, true); }
export function nanargminColsF32(ptr: usize, rows: i32, cols: i32, outIdx: usize, best: usize, rowBase: i32, init: bool): void { colsExtremeF32(ptr, rows, cols, outIdx, best, rowBase, init, false, true); }

// ---------------------------------------------------------------- exp and sums

// exp(x - shift) in float32 lanes (Cephes expf with an exact shift):
// d = x - shift is carried as an unevaluated sum s + lo (TwoSum, with shift
// split into float32 hi + lo), so no precision is lost to the subtraction; then
// n = round(s log2 e), r = (s - n C1) - n C2 + lo (C1 has 9 significant bits,
// so n*C1 is exact), e^r = 1 + r + r^2 P(r) with Cephes' degree-5 minimax P,
// times 2^n applied in two halves so subnormal results round once. s is
// clamped to [-104, 100] (0 and +Inf beyond; NaN passes through the clamps,
// and a NaN lo from an infinite x is pinned to [-1, 1]). Only single-instruction
// SIMD ops on x64 V8 (pmin/pmax, not min/max; the 1.5 * 2^23 rounding trick,
// not nearest + trunc_sat).
// Within 1 ulp of Math.fround(Math.exp(x - shift)) over the float32 range (rowKernels.test.ts).
// The exp constants, pre-splatted in static memory: V8 rebuilds a v128.const
// in the loop (several instructions each), a load folds into the arithmetic.
const EXPC: usize = memory.data<f32>([1.0, 1.0, 1.0, 1.0, -1.0, -1.0, -1.0, -1.0, -104.0, -104.0, -104.0, -104.0, 100.0, 100.0, 100.0, 100.0, 1.44269504088896341, 1.44269504088896341, 1.44269504088896341, 1.44269504088896341, 12582912.0, 12582912.0, 12582912.0, 12582912.0, 0.693359375, 0.693359375, 0.693359375, 0.693359375, -2.12194440e-4, -2.12194440e-4, -2.12194440e-4, -2.12194440e-4, 1.9875691500e-4, 1.9875691500e-4, 1.9875691500e-4, 1.9875691500e-4, 1.3981999507e-3, 1.3981999507e-3, 1.3981999507e-3, 1.3981999507e-3, 8.3334519073e-3, 8.3334519073e-3, 8.3334519073e-3, 8.3334519073e-3, 4.1665795894e-2, 4.1665795894e-2, 4.1665795894e-2, 4.1665795894e-2, 1.6666665459e-1, 1.6666665459e-1, 1.6666665459e-1, 1.6666665459e-1, 5.0000001201e-1, 5.0000001201e-1, 5.0000001201e-1, 5.0000001201e-1], 16);
const EXPI: usize = memory.data<i32>([0x4b400000, 0x4b400000, 0x4b400000, 0x4b400000, 127, 127, 127, 127], 16);

// @ts-ignore: decorator
@inline function expShiftF32x4(x: v128, shHi: v128, shLo: v128): v128 {
  const negHi = f32x4.neg(shHi);
  let s = f32x4.add(x, negHi);
  const bb = f32x4.sub(s, x);
  let lo = f32x4.add(f32x4.sub(x, f32x4.sub(s, bb)), f32x4.sub(negHi, bb));
  lo = f32x4.pmin(v128.load(EXPC, 0), f32x4.pmax(v128.load(EXPC, 16), f32x4.sub(lo, shLo)));
  // pmax/pmin (one instruction each) keep a NaN s: pmax(s, c) = s < c ? c : s
  s = f32x4.pmin(f32x4.pmax(s, v128.load(EXPC, 32)), v128.load(EXPC, 48));
  // round to nearest even with the 1.5 * 2^23 trick: t's low mantissa bits hold n
  const t = f32x4.add(f32x4.mul(s, v128.load(EXPC, 64)), v128.load(EXPC, 80));
  const nf = f32x4.sub(t, v128.load(EXPC, 80));
  const r = f32x4.add(f32x4.sub(f32x4.sub(s, f32x4.mul(nf, v128.load(EXPC, 96))), f32x4.mul(nf, v128.load(EXPC, 112))), lo);
  const z = f32x4.mul(r, r);
  let p = v128.load(EXPC, 128);
  p = f32x4.add(f32x4.mul(p, r), v128.load(EXPC, 144));
  p = f32x4.add(f32x4.mul(p, r), v128.load(EXPC, 160));
  p = f32x4.add(f32x4.mul(p, r), v128.load(EXPC, 176));
  p = f32x4.add(f32x4.mul(p, r), v128.load(EXPC, 192));
  p = f32x4.add(f32x4.mul(p, r), v128.load(EXPC, 208));
  const y = f32x4.add(f32x4.add(f32x4.mul(p, z), r), v128.load(EXPC, 0));
  const n = i32x4.sub(t, v128.load(EXPI, 0));
  const n1 = i32x4.shr_s(n, 1);
  const n2 = i32x4.sub(n, n1);
  const s1 = i32x4.shl(i32x4.add(n1, v128.load(EXPI, 16)), 23);
  const s2 = i32x4.shl(i32x4.add(n2, v128.load(EXPI, 16)), 23);
  return f32x4.mul(f32x4.mul(y, s1), s2);
}

/** Scalar twin of expShiftF32x4 (same arithmetic, same results). */
function expShiftF32(x: f32, shHi: f32, shLo: f32): f32 {
  const negHi = -shHi;
  let s = x + negHi;
  const bb = s - x;
  let lo = (x - (s - bb)) + (negHi - bb);
  lo = lo - shLo;
  lo = lo > <f32>-1.0 ? lo : <f32>-1.0; // NaN -> -1, like pmax(-1, lo)
  lo = lo < <f32>1.0 ? lo : <f32>1.0;
  if (s != s) return s;
  s = s < <f32>-104.0 ? <f32>-104.0 : s;
  s = s > <f32>100.0 ? <f32>100.0 : s;
  const t = s * <f32>1.44269504088896341 + <f32>12582912.0;
  const nf = t - <f32>12582912.0;
  const r = ((s - nf * <f32>0.693359375) - nf * <f32>-2.12194440e-4) + lo;
  const z = r * r;
  let p: f32 = 1.9875691500e-4;
  p = p * r + <f32>1.3981999507e-3;
  p = p * r + <f32>8.3334519073e-3;
  p = p * r + <f32>4.1665795894e-2;
  p = p * r + <f32>1.6666665459e-1;
  p = p * r + <f32>5.0000001201e-1;
  const y = (p * z + r) + <f32>1.0;
  const n = reinterpret<i32>(t) - 0x4b400000;
  const n1 = n >> 1;
  const n2 = n - n1;
  return (y * reinterpret<f32>((n1 + 127) << 23)) * reinterpret<f32>((n2 + 127) << 23);
}

// @ts-ignore: decorator
@inline function hiOf(shift: f64): f32 { return <f32>shift; }
// @ts-ignore: decorator
@inline function loOf(shift: f64): f32 { return <f32>(shift - <f64><f32>shift); }

/** dst[i] = f32 exp(src[i] - shift) for n contiguous f32 (the raw kernel, for tests and benches). */
export function expShiftRawF32(src: usize, dst: usize, n: i32, shift: f64): void {
  const h = hiOf(shift), l = loOf(shift);
  const hv = f32x4.splat(h), lv = f32x4.splat(l);
  let i = 0;
  const end4 = n & ~3;
  for (; i < end4; i += 4) v128.store(dst + (<usize>i << 2), expShiftF32x4(v128.load(src + (<usize>i << 2)), hv, lv));
  for (; i < n; i++) store<f32>(dst + (<usize>i << 2), expShiftF32(load<f32>(src + (<usize>i << 2)), h, l));
}

/** Largest element of n contiguous f32 (NaN if any is NaN; -Inf when n = 0). */
export function maxF32(ptr: usize, n: i32): f32 {
  let m = f32x4.splat(-Infinity);
  let m2 = m;
  let i = 0;
  const end8 = n & ~7;
  for (; i < end8; i += 8) {
    const p = ptr + (<usize>i << 2);
    m = f32x4.max(m, v128.load(p));
    m2 = f32x4.max(m2, v128.load(p, 16));
  }
  m = f32x4.max(m, m2);
  let s: f32 = max(max(f32x4.extract_lane(m, 0), f32x4.extract_lane(m, 1)), max(f32x4.extract_lane(m, 2), f32x4.extract_lane(m, 3)));
  for (; i < n; i++) s = max(s, load<f32>(ptr + (<usize>i << 2)));
  return s;
}

/**
 * Sum over n contiguous f32 of exp(x - shift): each term in float32 (within
 * 1 ulp, see expShiftF32x4), accumulated in float64. NaN in, NaN out.
 */
export function expSumF32(ptr: usize, n: i32, shift: f64): f64 {
  const h = hiOf(shift), l = loOf(shift);
  const hv = f32x4.splat(h), lv = f32x4.splat(l);
  let acc0 = f64x2.splat(0), acc1 = f64x2.splat(0);
  let i = 0;
  const end4 = n & ~3;
  for (; i < end4; i += 4) {
    const e = expShiftF32x4(v128.load(ptr + (<usize>i << 2)), hv, lv);
    acc0 = f64x2.add(acc0, f64x2.promote_low_f32x4(e));
    acc1 = f64x2.add(acc1, f64x2.promote_low_f32x4(i32x4.shuffle(e, e, 2, 3, 0, 1)));
  }
  const acc = f64x2.add(acc0, acc1);
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (; i < n; i++) s += <f64>expShiftF32(load<f32>(ptr + (<usize>i << 2)), h, l);
  return s;
}

/**
 * dst[i] = f32(exp(src[i] - shift) / divisor) for n contiguous f32 (src and
 * dst may be the same pointer): the softmax numerator pass. The quotient is
 * taken in float64, so the result is within 1.5 ulp of the exact value.
 */
export function expDivF32(src: usize, dst: usize, n: i32, shift: f64, divisor: f64): void {
  const h = hiOf(shift), l = loOf(shift);
  const hv = f32x4.splat(h), lv = f32x4.splat(l);
  const dv = f64x2.splat(divisor);
  let i = 0;
  const end4 = n & ~3;
  for (; i < end4; i += 4) {
    const off = <usize>i << 2;
    const e = expShiftF32x4(v128.load(src + off), hv, lv);
    const lo = f64x2.div(f64x2.promote_low_f32x4(e), dv);
    const hi = f64x2.div(f64x2.promote_low_f32x4(i32x4.shuffle(e, e, 2, 3, 0, 1)), dv);
    v128.store(dst + off, i32x4.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5));
  }
  for (; i < n; i++) {
    const off = <usize>i << 2;
    store<f32>(dst + off, <f32>(<f64>expShiftF32(load<f32>(src + off), h, l) / divisor));
  }
}

// ---------------------------------------------------------------- threshold scans

let scanMass: f64 = 0;

/** Mass found by the last scanAtLeastF32 call. */
export function lastScanMass(): f64 { return scanMass; }

/**
 * Counts the elements >= pivot among n contiguous f32 and sums exp(x - shift)
 * over them (float32 terms, float64 sum; read it with lastScanMass()). NaN never counts.
 * With pivot = -Inf this is the full count of non-NaN elements and the full
 * softmax denominator.
 */
export function scanAtLeastF32(ptr: usize, n: i32, pivot: f32, shift: f64): i32 {
  const h = hiOf(shift), l = loOf(shift);
  const hv = f32x4.splat(h), lv = f32x4.splat(l);
  const pv = f32x4.splat(pivot);
  let cnt = i32x4.splat(0);
  let acc0 = f64x2.splat(0), acc1 = f64x2.splat(0);
  let i = 0;
  const end4 = n & ~3;
  for (; i < end4; i += 4) {
    const v = v128.load(ptr + (<usize>i << 2));
    const keep = f32x4.ge(v, pv);
    if (!v128.any_true(keep)) continue;
    cnt = i32x4.sub(cnt, keep); // keep lanes are -1
    const e = v128.and(expShiftF32x4(v, hv, lv), keep); // dropped lanes -> +0
    acc0 = f64x2.add(acc0, f64x2.promote_low_f32x4(e));
    acc1 = f64x2.add(acc1, f64x2.promote_low_f32x4(i32x4.shuffle(e, e, 2, 3, 0, 1)));
  }
  const acc = f64x2.add(acc0, acc1);
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  let c = i32x4.extract_lane(cnt, 0) + i32x4.extract_lane(cnt, 1) + i32x4.extract_lane(cnt, 2) + i32x4.extract_lane(cnt, 3);
  for (; i < n; i++) {
    const v = load<f32>(ptr + (<usize>i << 2));
    if (v >= pivot) { c++; s += <f64>expShiftF32(v, h, l); }
  }
  scanMass = s;
  return c;
}

/** Counts the elements >= pivot among n contiguous f32 (NaN never counts). */
export function countAtLeastF32(ptr: usize, n: i32, pivot: f32): i32 {
  const pv = f32x4.splat(pivot);
  let cnt0 = i32x4.splat(0), cnt1 = cnt0;
  let i = 0;
  const end8 = n & ~7;
  for (; i < end8; i += 8) {
    const p = ptr + (<usize>i << 2);
    cnt0 = i32x4.sub(cnt0, f32x4.ge(v128.load(p), pv));
    cnt1 = i32x4.sub(cnt1, f32x4.ge(v128.load(p, 16), pv));
  }
  const cnt = i32x4.add(cnt0, cnt1);
  let c = i32x4.extract_lane(cnt, 0) + i32x4.extract_lane(cnt, 1) + i32x4.extract_lane(cnt, 2) + i32x4.extract_lane(cnt, 3);
  for (; i < n; i++) if (load<f32>(ptr + (<usize>i << 2)) >= pivot) c++;
  return c;
}

// ---------------------------------------------------------------- candidate collection (top-k)

/**
 * Appends to `outIdx` (i32) the index (+ `base`) of every element >= pivot or
 * NaN among n contiguous f32, in index order, writing at most `cap` of them,
 * and returns how many there are in total (which may exceed cap). The top-k
 * prefilter: with a pivot at or below the k-th largest value, the candidates
 * hold every top-k element (NaN ranks above +Inf, as in torch.topk).
 */
export function collectAtLeastF32(ptr: usize, n: i32, pivot: f32, outIdx: usize, cap: i32, base: i32): i32 {
  const pv = f32x4.splat(pivot);
  let c = 0;
  let i = 0;
  const end16 = n & ~15;
  for (; i < end16; i += 16) {
    const p = ptr + (<usize>i << 2);
    const a = v128.load(p), b = v128.load(p, 16), d = v128.load(p, 32), e = v128.load(p, 48);
    // NOT(x < pivot) is true for x >= pivot and for NaN
    const hit = v128.not(v128.and(v128.and(f32x4.lt(a, pv), f32x4.lt(b, pv)), v128.and(f32x4.lt(d, pv), f32x4.lt(e, pv))));
    if (!v128.any_true(hit)) continue;
    for (let j = i; j < i + 16; j++) {
      const v = load<f32>(ptr + (<usize>j << 2));
      if (!(v < pivot)) {
        if (c < cap) store<i32>(outIdx + (<usize>c << 2), base + j);
        c++;
      }
    }
  }
  for (; i < n; i++) {
    const v = load<f32>(ptr + (<usize>i << 2));
    if (!(v < pivot)) {
      if (c < cap) store<i32>(outIdx + (<usize>c << 2), base + i);
      c++;
    }
  }
  return c;
}
