/**
 * The JS reference kernels of the arg-reductions. They loop over raw storage
 * (offsets and strides in elements) and know nothing about NDArrays, options or
 * errors; `dispatch.ts` picks one per lane or block and the op layer turns
 * their sentinel results into errors.
 *
 * Orders (they agree with `src/internal/order.ts`, inlined for speed):
 * - argmax/argmin: the first NaN wins; otherwise the first occurrence of the
 *   maximum (minimum); `-0 == +0`.
 * - nanargmax/nanargmin: NaN counts as -Infinity (+Infinity), exactly as NumPy
 *   replaces NaN before its argmax; a slice of only NaN returns -1
 *   (`ALL_NAN_SLICE` in the op layer).
 *
 * Every kernel returns an index relative to the lane start (0 .. len-1), or -1
 * for an all-NaN slice of a nan* kind. Lanes are never empty here.
 */
import type { NumericTypedArray } from '../core/dtypes.js';

/** The four arg-reductions that share these kernels. */
export type ArgKind = 'argmax' | 'argmin' | 'nanargmax' | 'nanargmin';

/** A contiguous-lane kernel: reduces `d[off .. off + len)`. */
export type ContigKernel = (d: NumericTypedArray, off: number, len: number) => number;
/** A strided-lane kernel: reduces `d[off + j * stride]`, j in [0, len). */
export type StridedKernel = (d: NumericTypedArray, off: number, stride: number, len: number) => number;
/**
 * A block kernel: reduces the middle axis of a C-contiguous block
 * `[len, inner]` starting at `off`, walking memory row by row and keeping
 * `inner` running winners (never column-strided). Writes `inner` lane-relative
 * indices (or -1) to `res[resOff ..]`; `scratch` holds at least `inner` values.
 */
export type BlockKernel = (d: NumericTypedArray, off: number, len: number, inner: number, res: Int32Array, resOff: number, scratch: Float64Array) => void;

function firstNaN(d: NumericTypedArray, from: number, end: number): number {
  for (let i = from; i < end; i++) { const v = d[i]!; if (v !== v) return i; }
  return -1;
}

function firstNonNaN(d: NumericTypedArray, from: number, stride: number, len: number): number {
  for (let j = 0, i = from; j < len; j++, i += stride) { const v = d[i]!; if (v === v) return j; }
  return -1;
}

/**
 * argmax over a contiguous lane: eight independent running maxima over
 * interleaved positions, merged at the end by the first-index rule. The test
 * `!(v <= m)` is false for every ordinary element, so the loop stays
 * branch-light; it is true for a new maximum *and* for NaN, and only then do
 * we look closer (a NaN ends the scan: no earlier block held one, so the first
 * NaN is in this block or later, and the first NaN wins).
 */
export const argmaxContig: ContigKernel = (d, off, len) => {
  if (len < 16) return argmaxStrided(d, off, 1, len); // short rows: no stream setup
  const end = off + len, end8 = off + (len - (len & 7));
  let m0 = -Infinity, m1 = -Infinity, m2 = -Infinity, m3 = -Infinity, m4 = -Infinity, m5 = -Infinity, m6 = -Infinity, m7 = -Infinity;
  let i0 = -1, i1 = -1, i2 = -1, i3 = -1, i4 = -1, i5 = -1, i6 = -1, i7 = -1;
  let i = off;
  for (; i < end8; i += 8) {
    const v0 = d[i]!, v1 = d[i + 1]!, v2 = d[i + 2]!, v3 = d[i + 3]!, v4 = d[i + 4]!, v5 = d[i + 5]!, v6 = d[i + 6]!, v7 = d[i + 7]!;
    if (!(v0 <= m0)) { if (v0 !== v0) return firstNaN(d, i, end) - off; m0 = v0; i0 = i; }
    if (!(v1 <= m1)) { if (v1 !== v1) return firstNaN(d, i, end) - off; m1 = v1; i1 = i + 1; }
    if (!(v2 <= m2)) { if (v2 !== v2) return firstNaN(d, i, end) - off; m2 = v2; i2 = i + 2; }
    if (!(v3 <= m3)) { if (v3 !== v3) return firstNaN(d, i, end) - off; m3 = v3; i3 = i + 3; }
    if (!(v4 <= m4)) { if (v4 !== v4) return firstNaN(d, i, end) - off; m4 = v4; i4 = i + 4; }
    if (!(v5 <= m5)) { if (v5 !== v5) return firstNaN(d, i, end) - off; m5 = v5; i5 = i + 5; }
    if (!(v6 <= m6)) { if (v6 !== v6) return firstNaN(d, i, end) - off; m6 = v6; i6 = i + 6; }
    if (!(v7 <= m7)) { if (v7 !== v7) return firstNaN(d, i, end) - off; m7 = v7; i7 = i + 7; }
  }
  for (; i < end; i++) {
    const v = d[i]!;
    if (!(v <= m0)) { if (v !== v) return i - off; m0 = v; i0 = i; }
  }
  // merge the streams: larger value, or equal value at a smaller index
  if (i1 >= 0 && (i0 < 0 || m1 > m0 || (m1 === m0 && i1 < i0))) { m0 = m1; i0 = i1; }
  if (i2 >= 0 && (i0 < 0 || m2 > m0 || (m2 === m0 && i2 < i0))) { m0 = m2; i0 = i2; }
  if (i3 >= 0 && (i0 < 0 || m3 > m0 || (m3 === m0 && i3 < i0))) { m0 = m3; i0 = i3; }
  if (i4 >= 0 && (i0 < 0 || m4 > m0 || (m4 === m0 && i4 < i0))) { m0 = m4; i0 = i4; }
  if (i5 >= 0 && (i0 < 0 || m5 > m0 || (m5 === m0 && i5 < i0))) { m0 = m5; i0 = i5; }
  if (i6 >= 0 && (i0 < 0 || m6 > m0 || (m6 === m0 && i6 < i0))) { m0 = m6; i0 = i6; }
  if (i7 >= 0 && (i0 < 0 || m7 > m0 || (m7 === m0 && i7 < i0))) { m0 = m7; i0 = i7; }
  return i0 < 0 ? 0 : i0 - off; // every element is -Infinity: the first one
};

/** argmin over a contiguous lane (mirror of {@link argmaxContig}). */
export const argminContig: ContigKernel = (d, off, len) => {
  if (len < 16) return argminStrided(d, off, 1, len);
  const end = off + len, end8 = off + (len - (len & 7));
  let m0 = Infinity, m1 = Infinity, m2 = Infinity, m3 = Infinity, m4 = Infinity, m5 = Infinity, m6 = Infinity, m7 = Infinity;
  let i0 = -1, i1 = -1, i2 = -1, i3 = -1, i4 = -1, i5 = -1, i6 = -1, i7 = -1;
  let i = off;
  for (; i < end8; i += 8) {
    const v0 = d[i]!, v1 = d[i + 1]!, v2 = d[i + 2]!, v3 = d[i + 3]!, v4 = d[i + 4]!, v5 = d[i + 5]!, v6 = d[i + 6]!, v7 = d[i + 7]!;
    if (!(v0 >= m0)) { if (v0 !== v0) return firstNaN(d, i, end) - off; m0 = v0; i0 = i; }
    if (!(v1 >= m1)) { if (v1 !== v1) return firstNaN(d, i, end) - off; m1 = v1; i1 = i + 1; }
    if (!(v2 >= m2)) { if (v2 !== v2) return firstNaN(d, i, end) - off; m2 = v2; i2 = i + 2; }
    if (!(v3 >= m3)) { if (v3 !== v3) return firstNaN(d, i, end) - off; m3 = v3; i3 = i + 3; }
    if (!(v4 >= m4)) { if (v4 !== v4) return firstNaN(d, i, end) - off; m4 = v4; i4 = i + 4; }
    if (!(v5 >= m5)) { if (v5 !== v5) return firstNaN(d, i, end) - off; m5 = v5; i5 = i + 5; }
    if (!(v6 >= m6)) { if (v6 !== v6) return firstNaN(d, i, end) - off; m6 = v6; i6 = i + 6; }
    if (!(v7 >= m7)) { if (v7 !== v7) return firstNaN(d, i, end) - off; m7 = v7; i7 = i + 7; }
  }
  for (; i < end; i++) {
    const v = d[i]!;
    if (!(v >= m0)) { if (v !== v) return i - off; m0 = v; i0 = i; }
  }
  // merge the streams: smaller value, or equal value at a smaller index
  if (i1 >= 0 && (i0 < 0 || m1 < m0 || (m1 === m0 && i1 < i0))) { m0 = m1; i0 = i1; }
  if (i2 >= 0 && (i0 < 0 || m2 < m0 || (m2 === m0 && i2 < i0))) { m0 = m2; i0 = i2; }
  if (i3 >= 0 && (i0 < 0 || m3 < m0 || (m3 === m0 && i3 < i0))) { m0 = m3; i0 = i3; }
  if (i4 >= 0 && (i0 < 0 || m4 < m0 || (m4 === m0 && i4 < i0))) { m0 = m4; i0 = i4; }
  if (i5 >= 0 && (i0 < 0 || m5 < m0 || (m5 === m0 && i5 < i0))) { m0 = m5; i0 = i5; }
  if (i6 >= 0 && (i0 < 0 || m6 < m0 || (m6 === m0 && i6 < i0))) { m0 = m6; i0 = i6; }
  if (i7 >= 0 && (i0 < 0 || m7 < m0 || (m7 === m0 && i7 < i0))) { m0 = m7; i0 = i7; }
  return i0 < 0 ? 0 : i0 - off; // every element is +Infinity: the first one
};

/**
 * nanargmax over a contiguous lane: NaN never compares greater, so it is
 * skipped by the plain `>` test. When nothing beat -Infinity the slice holds
 * only NaN and -Infinity: its first element wins unless all are NaN (-1).
 */
export const nanargmaxContig: ContigKernel = (d, off, len) => {
  const end = off + len, end4 = off + (len - (len & 3));
  let m0 = -Infinity, m1 = -Infinity, m2 = -Infinity, m3 = -Infinity;
  let i0 = -1, i1 = -1, i2 = -1, i3 = -1;
  let i = off;
  for (; i < end4; i += 4) {
    const v0 = d[i]!, v1 = d[i + 1]!, v2 = d[i + 2]!, v3 = d[i + 3]!;
    if (v0 > m0) { m0 = v0; i0 = i; }
    if (v1 > m1) { m1 = v1; i1 = i + 1; }
    if (v2 > m2) { m2 = v2; i2 = i + 2; }
    if (v3 > m3) { m3 = v3; i3 = i + 3; }
  }
  for (; i < end; i++) { const v = d[i]!; if (v > m0) { m0 = v; i0 = i; } }
  if (i1 >= 0 && (i0 < 0 || m1 > m0 || (m1 === m0 && i1 < i0))) { m0 = m1; i0 = i1; }
  if (i2 >= 0 && (i0 < 0 || m2 > m0 || (m2 === m0 && i2 < i0))) { m0 = m2; i0 = i2; }
  if (i3 >= 0 && (i0 < 0 || m3 > m0 || (m3 === m0 && i3 < i0))) { m0 = m3; i0 = i3; }
  if (i0 >= 0) return i0 - off;
  return firstNonNaN(d, off, 1, len) < 0 ? -1 : 0;
};

/** nanargmin over a contiguous lane (mirror of {@link nanargmaxContig}). */
export const nanargminContig: ContigKernel = (d, off, len) => {
  const end = off + len, end4 = off + (len - (len & 3));
  let m0 = Infinity, m1 = Infinity, m2 = Infinity, m3 = Infinity;
  let i0 = -1, i1 = -1, i2 = -1, i3 = -1;
  let i = off;
  for (; i < end4; i += 4) {
    const v0 = d[i]!, v1 = d[i + 1]!, v2 = d[i + 2]!, v3 = d[i + 3]!;
    if (v0 < m0) { m0 = v0; i0 = i; }
    if (v1 < m1) { m1 = v1; i1 = i + 1; }
    if (v2 < m2) { m2 = v2; i2 = i + 2; }
    if (v3 < m3) { m3 = v3; i3 = i + 3; }
  }
  for (; i < end; i++) { const v = d[i]!; if (v < m0) { m0 = v; i0 = i; } }
  if (i1 >= 0 && (i0 < 0 || m1 < m0 || (m1 === m0 && i1 < i0))) { m0 = m1; i0 = i1; }
  if (i2 >= 0 && (i0 < 0 || m2 < m0 || (m2 === m0 && i2 < i0))) { m0 = m2; i0 = i2; }
  if (i3 >= 0 && (i0 < 0 || m3 < m0 || (m3 === m0 && i3 < i0))) { m0 = m3; i0 = i3; }
  if (i0 >= 0) return i0 - off;
  return firstNonNaN(d, off, 1, len) < 0 ? -1 : 0;
};

/** argmax over a strided lane (one accumulator; any stride, including negative and 0). */
export const argmaxStrided: StridedKernel = (d, off, stride, len) => {
  let m = d[off]!, k = 0;
  if (m !== m) return 0;
  for (let j = 1, i = off + stride; j < len; j++, i += stride) {
    const v = d[i]!;
    if (!(v <= m)) { if (v !== v) return j; m = v; k = j; }
  }
  return k;
};

/** argmin over a strided lane. */
export const argminStrided: StridedKernel = (d, off, stride, len) => {
  let m = d[off]!, k = 0;
  if (m !== m) return 0;
  for (let j = 1, i = off + stride; j < len; j++, i += stride) {
    const v = d[i]!;
    if (!(v >= m)) { if (v !== v) return j; m = v; k = j; }
  }
  return k;
};

/** nanargmax over a strided lane. */
export const nanargmaxStrided: StridedKernel = (d, off, stride, len) => {
  let m = -Infinity, k = -1;
  for (let j = 0, i = off; j < len; j++, i += stride) { const v = d[i]!; if (v > m) { m = v; k = j; } }
  if (k >= 0) return k;
  return firstNonNaN(d, off, stride, len) < 0 ? -1 : 0;
};

/** nanargmin over a strided lane. */
export const nanargminStrided: StridedKernel = (d, off, stride, len) => {
  let m = Infinity, k = -1;
  for (let j = 0, i = off; j < len; j++, i += stride) { const v = d[i]!; if (v < m) { m = v; k = j; } }
  if (k >= 0) return k;
  return firstNonNaN(d, off, stride, len) < 0 ? -1 : 0;
};

// Block kernels. Rows are taken eight at a time: one load of the running
// winner per column serves eight elements, and the combined test is false for
// ordinary elements (no new winner, no NaN), so the hot loop is loads and
// compares; only a column where something happens is replayed in row order by
// the exact per-element update. Argmax/argmin tests `!(v <= b)` (true for a
// larger value, a NaN `v`, or a NaN winner) and the update keeps the first NaN;
// nan* kinds start at ∓Infinity and a column that never improved holds only
// NaN and ∓Infinity (its first element wins, or -1 when all are NaN).
function updArgmax(d: NumericTypedArray, row: number, inner: number, c: number, r: number, n: number, res: Int32Array, resOff: number, best: Float64Array): void {
  for (let q = 0, i = row + c; q < n; q++, i += inner) {
    const v = d[i]!, b = best[c]!;
    if (!(v <= b) && b === b) { best[c] = v; res[resOff + c] = r + q; }
  }
}

function updArgmin(d: NumericTypedArray, row: number, inner: number, c: number, r: number, n: number, res: Int32Array, resOff: number, best: Float64Array): void {
  for (let q = 0, i = row + c; q < n; q++, i += inner) {
    const v = d[i]!, b = best[c]!;
    if (!(v >= b) && b === b) { best[c] = v; res[resOff + c] = r + q; }
  }
}

function updNanargmax(d: NumericTypedArray, row: number, inner: number, c: number, r: number, n: number, res: Int32Array, resOff: number, best: Float64Array): void {
  for (let q = 0, i = row + c; q < n; q++, i += inner) {
    const v = d[i]!, b = best[c]!;
    if (v > b) { best[c] = v; res[resOff + c] = r + q; }
  }
}

function updNanargmin(d: NumericTypedArray, row: number, inner: number, c: number, r: number, n: number, res: Int32Array, resOff: number, best: Float64Array): void {
  for (let q = 0, i = row + c; q < n; q++, i += inner) {
    const v = d[i]!, b = best[c]!;
    if (v < b) { best[c] = v; res[resOff + c] = r + q; }
  }
}

/** argmax over the middle axis of a C-contiguous block, row by row (eight rows per pass). */
export const argmaxBlock: BlockKernel = (d, off, len, inner, res, resOff, best) => {
  for (let c = 0; c < inner; c++) { best[c] = d[off + c]!; res[resOff + c] = 0; }
  let r = 1, row = off + inner;
  const i2 = inner * 2, i3 = inner * 3, i4 = inner * 4, i5 = inner * 5, i6 = inner * 6, i7 = inner * 7, i8 = inner * 8;
  for (; r + 8 <= len; r += 8, row += i8) {
    for (let c = 0; c < inner; c++) {
      const b = best[c]!, p = row + c;
      if (!(d[p]! <= b) || !(d[p + inner]! <= b) || !(d[p + i2]! <= b) || !(d[p + i3]! <= b) || !(d[p + i4]! <= b) || !(d[p + i5]! <= b) || !(d[p + i6]! <= b) || !(d[p + i7]! <= b)) updArgmax(d, row, inner, c, r, 8, res, resOff, best);
    }
  }
  if (r < len) for (let c = 0; c < inner; c++) updArgmax(d, row, inner, c, r, len - r, res, resOff, best);
};

/** argmin over the middle axis of a C-contiguous block. */
export const argminBlock: BlockKernel = (d, off, len, inner, res, resOff, best) => {
  for (let c = 0; c < inner; c++) { best[c] = d[off + c]!; res[resOff + c] = 0; }
  let r = 1, row = off + inner;
  const i2 = inner * 2, i3 = inner * 3, i4 = inner * 4, i5 = inner * 5, i6 = inner * 6, i7 = inner * 7, i8 = inner * 8;
  for (; r + 8 <= len; r += 8, row += i8) {
    for (let c = 0; c < inner; c++) {
      const b = best[c]!, p = row + c;
      if (!(d[p]! >= b) || !(d[p + inner]! >= b) || !(d[p + i2]! >= b) || !(d[p + i3]! >= b) || !(d[p + i4]! >= b) || !(d[p + i5]! >= b) || !(d[p + i6]! >= b) || !(d[p + i7]! >= b)) updArgmin(d, row, inner, c, r, 8, res, resOff, best);
    }
  }
  if (r < len) for (let c = 0; c < inner; c++) updArgmin(d, row, inner, c, r, len - r, res, resOff, best);
};

/** nanargmax over the middle axis of a C-contiguous block. */
export const nanargmaxBlock: BlockKernel = (d, off, len, inner, res, resOff, best) => {
  for (let c = 0; c < inner; c++) { best[c] = -Infinity; res[resOff + c] = -1; }
  let r = 0, row = off;
  const i2 = inner * 2, i3 = inner * 3, i4 = inner * 4, i5 = inner * 5, i6 = inner * 6, i7 = inner * 7, i8 = inner * 8;
  for (; r + 8 <= len; r += 8, row += i8) {
    for (let c = 0; c < inner; c++) {
      const b = best[c]!, p = row + c;
      if (d[p]! > b || d[p + inner]! > b || d[p + i2]! > b || d[p + i3]! > b || d[p + i4]! > b || d[p + i5]! > b || d[p + i6]! > b || d[p + i7]! > b) updNanargmax(d, row, inner, c, r, 8, res, resOff, best);
    }
  }
  if (r < len) for (let c = 0; c < inner; c++) updNanargmax(d, row, inner, c, r, len - r, res, resOff, best);
  for (let c = 0; c < inner; c++) {
    if (res[resOff + c]! < 0) res[resOff + c] = firstNonNaN(d, off + c, inner, len) < 0 ? -1 : 0;
  }
};

/** nanargmin over the middle axis of a C-contiguous block. */
export const nanargminBlock: BlockKernel = (d, off, len, inner, res, resOff, best) => {
  for (let c = 0; c < inner; c++) { best[c] = Infinity; res[resOff + c] = -1; }
  let r = 0, row = off;
  const i2 = inner * 2, i3 = inner * 3, i4 = inner * 4, i5 = inner * 5, i6 = inner * 6, i7 = inner * 7, i8 = inner * 8;
  for (; r + 8 <= len; r += 8, row += i8) {
    for (let c = 0; c < inner; c++) {
      const b = best[c]!, p = row + c;
      if (d[p]! < b || d[p + inner]! < b || d[p + i2]! < b || d[p + i3]! < b || d[p + i4]! < b || d[p + i5]! < b || d[p + i6]! < b || d[p + i7]! < b) updNanargmin(d, row, inner, c, r, 8, res, resOff, best);
    }
  }
  if (r < len) for (let c = 0; c < inner; c++) updNanargmin(d, row, inner, c, r, len - r, res, resOff, best);
  for (let c = 0; c < inner; c++) {
    if (res[resOff + c]! < 0) res[resOff + c] = firstNonNaN(d, off + c, inner, len) < 0 ? -1 : 0;
  }
};

/** The kernels of one kind. */
export interface KernelSet { contig: ContigKernel; strided: StridedKernel; block: BlockKernel }

/** The JS reference kernels by kind. */
export const JS_KERNELS: Readonly<Record<ArgKind, KernelSet>> = {
  argmax: { contig: argmaxContig, strided: argmaxStrided, block: argmaxBlock },
  argmin: { contig: argminContig, strided: argminStrided, block: argminBlock },
  nanargmax: { contig: nanargmaxContig, strided: nanargmaxStrided, block: nanargmaxBlock },
  nanargmin: { contig: nanargminContig, strided: nanargminStrided, block: nanargminBlock },
};

// ---------------------------------------------------------------------------
// The general path: ties 'last' / 'random', `where` masks and BigInt storage.
// Slower (a comparator call per element) but covers every combination.

/** Something with `uniform()` in [0, 1): a logitkit Rng or any stand-in. */
export interface UniformSource { uniform(): number }

/** Options of the general path. */
export interface GeneralOptions {
  ties: 'first' | 'last' | 'random';
  rng: UniformSource | undefined;
}

type Scalar = number | bigint;

/**
 * Compares `v` with the current winner `b` in the order of `kind`:
 * > 0 when `v` beats `b`, 0 on a tie, < 0 otherwise. For nan* kinds NaN is
 * mapped to ∓Infinity before calling; BigInts compare exactly.
 */
export function compareFor(kind: ArgKind): (v: Scalar, b: Scalar) => number {
  const max = kind === 'argmax' || kind === 'nanargmax';
  if (kind === 'argmax' || kind === 'argmin') {
    return (v, b) => {
      const vn = v !== v, bn = b !== b;
      if (vn || bn) return vn && bn ? 0 : vn ? 1 : -1;
      return max ? (v > b ? 1 : v < b ? -1 : 0) : (v < b ? 1 : v > b ? -1 : 0);
    };
  }
  return max ? (v, b) => (v > b ? 1 : v < b ? -1 : 0) : (v, b) => (v < b ? 1 : v > b ? -1 : 0);
}

/** Running state of a general reduction (may span several lanes for a flat reduction). */
export interface GeneralState {
  best: Scalar;
  index: number;   // -1: nothing eligible yet
  count: number;   // tied winners seen (for 'random')
  anyUnmasked: boolean;
  anyNonNaN: boolean;
}

/** A fresh general state. */
export function newGeneralState(): GeneralState {
  return { best: 0, index: -1, count: 0, anyUnmasked: false, anyNonNaN: false };
}

/**
 * Feeds one strided lane into `st`. `base` is the index the lane's first
 * element has in the result's numbering (0 for an axis reduction, lane * len
 * for a flat one). `mask` (0 = excluded) is read at `moff + j * mstride`.
 * 'random' keeps a uniform choice among tied winners by reservoir sampling:
 * the k-th tie replaces the choice with probability 1/k, and the rng is only
 * consulted on ties, so the result is a pure function of the rng stream.
 */
export function feedGeneral(
  st: GeneralState, kind: ArgKind, cmp: (v: Scalar, b: Scalar) => number, opts: GeneralOptions,
  d: ArrayLike<Scalar>, off: number, stride: number, len: number, base: number,
  mask: ArrayLike<number> | null, moff: number, mstride: number,
): void {
  const nanKind = kind === 'nanargmax' || kind === 'nanargmin';
  const nanAs = kind === 'nanargmax' ? -Infinity : Infinity;
  for (let j = 0, i = off, mi = moff; j < len; j++, i += stride, mi += mstride) {
    if (mask !== null && mask[mi] === 0) continue;
    st.anyUnmasked = true;
    let v = d[i]!;
    if (v === v) st.anyNonNaN = true;
    else if (nanKind) v = nanAs;
    if (st.index < 0) { st.best = v; st.index = base + j; st.count = 1; continue; }
    const c = cmp(v, st.best);
    if (c > 0) { st.best = v; st.index = base + j; st.count = 1; }
    else if (c === 0) {
      if (opts.ties === 'last') st.index = base + j;
      else if (opts.ties === 'random') {
        st.count++;
        if (opts.rng!.uniform() * st.count < 1) st.index = base + j;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Warm-up. V8 may optimize a kernel on-stack (OSR) in the middle of its first
// long lane, before the code after the hot loop (the stream merge, the
// tails) has ever run; that optimized code then lacks type feedback there and
// deoptimizes at the end of *every* later long call (seen with --trace-deopt
// as a repeating "Insufficient type feedback for compare operation"), which
// also throws away the regular optimized code. Running every branch of each
// kernel once on tiny float32 inputs at load time gives the optimizer complete
// feedback. It has no observable effect.
function warmUp(): void {
  const flat = new Float32Array(40).fill(1);          // all ties: every merge compare runs
  const ramp = new Float32Array(40).map((_, i) => i % 7 - (i % 3)); // new winners in every stream
  const withNaN = ramp.slice(); withNaN[37] = NaN;     // tail NaN
  const allNaN = new Float32Array(40).fill(NaN);
  const res = new Int32Array(8), scratch = new Float64Array(8);
  // Repeated: V8 allocates a function's feedback vector only after its first few calls.
  for (let round = 0; round < 12; round++) for (const k of Object.values(JS_KERNELS)) {
    for (const d of [flat, ramp, withNaN, allNaN]) {
      k.contig(d, 0, 40); k.contig(d, 1, 37); k.strided(d, 0, 1, 40); k.strided(d, 39, -2, 20);
      k.block(d, 0, 10, 4, res, 0, scratch); k.block(d, 0, 13, 3, res, 0, scratch);
    }
  }
}
warmUp();
