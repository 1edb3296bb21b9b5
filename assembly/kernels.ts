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

// exp in float64 lanes: n = round(x / ln2), r = x - n ln2 (|r| <= ln2/2),
// e^r by its degree-10 Taylor polynomial (relative truncation error < 3e-13),
// times 2^n built in the exponent bits. Inputs are clamped to [-700, 700] so
// 2^n stays a normal double (NaN passes through the clamps). Rounded to
// float32 afterwards this is within 1 ulp of the correctly rounded exp.
// @ts-ignore: decorator
@inline function expF64x2(x: v128): v128 {
  x = f64x2.min(f64x2.max(x, f64x2.splat(-700.0)), f64x2.splat(700.0));
  const n = f64x2.nearest(f64x2.mul(x, f64x2.splat(1.4426950408889634)));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(n, f64x2.splat(0.6931471803691238))), f64x2.mul(n, f64x2.splat(1.9082149292705877e-10)));
  let p = f64x2.splat(1.0 / 3628800.0);
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 362880.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 40320.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 5040.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 720.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 120.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 24.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 6.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(0.5));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0));
  const ni = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(n));
  const scale = i64x2.shl(i64x2.add(ni, i64x2.splat(1023)), 52);
  return f64x2.mul(p, scale);
}

/** Scalar twin of expF64x2 for tails (same arithmetic, same results). */
function expF64(x: f64): f64 {
  x = min(max(x, -700.0), 700.0);
  const n = nearest(x * 1.4426950408889634);
  const r = (x - n * 0.6931471803691238) - n * 1.9082149292705877e-10;
  let p = 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  if (n != n) return n; // NaN
  return p * reinterpret<f64>((<i64>n + 1023) << 52);
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
 * Sum over n contiguous f32 of exp(x - shift), in float64 (x - shift is exact
 * in float64). NaN in, NaN out.
 */
export function expSumF32(ptr: usize, n: i32, shift: f64): f64 {
  const sv = f64x2.splat(shift);
  let acc0 = f64x2.splat(0), acc1 = f64x2.splat(0);
  let i = 0;
  const end4 = n & ~3;
  for (; i < end4; i += 4) {
    const v = v128.load(ptr + (<usize>i << 2));
    const lo = f64x2.sub(f64x2.promote_low_f32x4(v), sv);
    const hi = f64x2.sub(f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)), sv);
    acc0 = f64x2.add(acc0, expF64x2(lo));
    acc1 = f64x2.add(acc1, expF64x2(hi));
  }
  const acc = f64x2.add(acc0, acc1);
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (; i < n; i++) s += expF64(<f64>load<f32>(ptr + (<usize>i << 2)) - shift);
  return s;
}

/**
 * dst[i] = f32(exp(src[i] - shift) / divisor) for n contiguous f32 (src and
 * dst may be the same pointer). The softmax numerator pass.
 */
export function expDivF32(src: usize, dst: usize, n: i32, shift: f64, divisor: f64): void {
  const sv = f64x2.splat(shift);
  const dv = f64x2.splat(divisor);
  let i = 0;
  const end4 = n & ~3;
  for (; i < end4; i += 4) {
    const off = <usize>i << 2;
    const v = v128.load(src + off);
    const lo = f64x2.div(expF64x2(f64x2.sub(f64x2.promote_low_f32x4(v), sv)), dv);
    const hi = f64x2.div(expF64x2(f64x2.sub(f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)), sv)), dv);
    const a = f32x4.demote_f64x2_zero(lo), b = f32x4.demote_f64x2_zero(hi);
    v128.store(dst + off, i32x4.shuffle(a, b, 0, 1, 4, 5));
  }
  for (; i < n; i++) {
    const off = <usize>i << 2;
    store<f32>(dst + off, <f32>(expF64(<f64>load<f32>(src + off) - shift) / divisor));
  }
}

// ---------------------------------------------------------------- threshold scans

let scanMass: f64 = 0;

/** Mass found by the last scanAtLeastF32 call. */
export function lastScanMass(): f64 { return scanMass; }

/**
 * Counts the elements >= pivot among n contiguous f32 and sums exp(x - shift)
 * over them (in float64; read it with lastScanMass()). NaN never counts.
 * With pivot = -Inf this is the full count of non-NaN elements and the full
 * softmax denominator.
 */
export function scanAtLeastF32(ptr: usize, n: i32, pivot: f32, shift: f64): i32 {
  const pv = f32x4.splat(pivot);
  const sv = f64x2.splat(shift);
  let cnt = i32x4.splat(0);
  let acc0 = f64x2.splat(0), acc1 = f64x2.splat(0);
  const zero = f64x2.splat(0);
  let i = 0;
  const end4 = n & ~3;
  for (; i < end4; i += 4) {
    const v = v128.load(ptr + (<usize>i << 2));
    const keep = f32x4.ge(v, pv);
    if (!v128.any_true(keep)) continue;
    cnt = i32x4.sub(cnt, keep); // keep lanes are -1
    const kl = i64x2.extend_low_i32x4_s(keep), kh = i64x2.extend_low_i32x4_s(i32x4.shuffle(keep, keep, 2, 3, 0, 1));
    const lo = expF64x2(f64x2.sub(f64x2.promote_low_f32x4(v), sv));
    const hi = expF64x2(f64x2.sub(f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)), sv));
    acc0 = f64x2.add(acc0, v128.bitselect(lo, zero, kl));
    acc1 = f64x2.add(acc1, v128.bitselect(hi, zero, kh));
  }
  const acc = f64x2.add(acc0, acc1);
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  let c = i32x4.extract_lane(cnt, 0) + i32x4.extract_lane(cnt, 1) + i32x4.extract_lane(cnt, 2) + i32x4.extract_lane(cnt, 3);
  for (; i < n; i++) {
    const v = load<f32>(ptr + (<usize>i << 2));
    if (v >= pivot) { c++; s += expF64(<f64>v - shift); }
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
