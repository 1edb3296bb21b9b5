import {
  type DType, type TypedArray, allocStorage, dtypeOfTypedArray, isBigIntDType, isDType, storageMatches,
} from './dtypes.js';
import { StridedArray, contiguousStrides, shapeSize, type NDArray } from './StridedArray.js';
import { decodeBfloat16, decodeFloat16, encodeBfloat16, encodeFloat16 } from './float16.js';
import { assertNotReleased } from './released.js';
import { describe, dtypeError, invalidArgument, shapeMismatch } from '../errors/messages.js';

/** A nested JS array of numbers, booleans or bigints (rectangular). */
export type NestedArray = number | boolean | bigint | readonly NestedArray[];

/** What every logitkit function accepts as an array (API.md §1). */
export type ArrayInput =
  | NDArray
  | NestedArray
  | TypedArray
  | { readonly data: TypedArray | readonly number[]; readonly dims: readonly number[]; readonly type?: string }
  | { readonly data: TypedArray | readonly number[]; readonly shape: readonly number[]; readonly dtype?: DType };

/** Options of `ndarray()`. */
export interface NDArrayOptions {
  shape?: readonly number[];
  dtype?: DType;
  strides?: readonly number[];
  offset?: number;
  names?: readonly (string | null)[];
}

/**
 * Builds an NDArray from any {@link ArrayInput} (API.md §1).
 *
 * - nested JS arrays: rectangular or `SHAPE_MISMATCH` naming the first ragged
 *   path (`x[1][0]`); numbers → float64, booleans → bool, bigints → int64;
 *   a scalar gives a 0-d array.
 * - a TypedArray keeps its type (1-D unless `shape` is given), except that a
 *   Uint16Array with `dtype: 'float16' | 'bfloat16'` is taken as bits and a
 *   Uint8Array with `dtype: 'bool'` as booleans — zero-copy in those cases.
 *   Any other `dtype` converts the values into new storage.
 * - `{ data, dims, type? }` (onnxruntime / transformers.js tensors) and
 *   `{ data, shape, dtype? }`; a native Float16Array is encoded to bits.
 * - an NDArray is returned as is, or re-viewed when options are given.
 *
 * `strides`/`offset` (in elements) make a view over the storage; every element
 * the view addresses must lie inside it (`SHAPE_MISMATCH` otherwise).
 * The input is never copied when its storage already matches, and never modified.
 *
 * @example
 * ndarray([[1, 2], [3, 4]]).shape            // [2, 2]
 * ndarray(new Float32Array(6), { shape: [2, 3] }).dtype // 'float32'
 */
export function ndarray(input: ArrayInput, opts: NDArrayOptions = {}): NDArray {
  return convert(input, 'input', opts);
}

/** Converts a function argument, naming it in errors. Internal twin of `ndarray()`. */
export function toNDArray(input: unknown, name: string, opts: NDArrayOptions = {}): NDArray {
  return convert(input, name, opts);
}

function convert(input: unknown, name: string, opts: NDArrayOptions): NDArray {
  if (opts.dtype !== undefined && !isDType(opts.dtype)) throw dtypeError(`${name}: unknown dtype ${describe(opts.dtype)}`);
  if (input === null || input === undefined) throw invalidArgument(`${name} must be an array, got ${describe(input)}`);
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint' || Array.isArray(input)) {
    if (opts.strides !== undefined || opts.offset !== undefined) throw invalidArgument(`${name}: strides/offset apply to TypedArray storage, not nested arrays`);
    const a = fromNested(input as NestedArray, name, opts.dtype);
    if (opts.shape !== undefined) return withNames(reshape(a, opts.shape, name), opts.names, name);
    return withNames(a, opts.names, name);
  }
  if (ArrayBuffer.isView(input) && !(input instanceof DataView)) {
    return fromStorage(input as unknown as TypedArrayLike, opts.dtype, opts.shape, opts.strides, opts.offset, opts.names, name);
  }
  if (typeof input === 'object') {
    const obj = input as Record<string, unknown>;
    if (isNDArrayLike(obj)) {
      assertNotReleased(obj, name);
      const hasView = opts.shape !== undefined || opts.strides !== undefined || opts.offset !== undefined || opts.dtype !== undefined;
      if (!hasView && opts.names === undefined) {
        if (obj instanceof StridedArray) return obj;
        return fromStorage(obj.data as TypedArrayLike, obj.dtype as DType, obj.shape as number[], obj.strides as number[], obj.offset as number, obj.names as (string | null)[] | undefined, name);
      }
      if (!hasView) return withNames(obj as unknown as NDArray, opts.names, name);
      const a = obj as unknown as NDArray;
      if (opts.dtype !== undefined && opts.dtype !== a.dtype) return ndarray(castArray(a, opts.dtype), withoutDtype(opts));
      return fromStorage(a.data, a.dtype, opts.shape ?? a.shape, opts.strides ?? (opts.shape ? undefined : a.strides), opts.offset ?? (opts.shape ? undefined : a.offset), opts.names ?? a.names, name);
    }
    if ('data' in obj && ('dims' in obj || 'shape' in obj)) {
      const shape = (obj['dims'] ?? obj['shape']) as unknown;
      if (!Array.isArray(shape)) throw invalidArgument(`${name}: ${'dims' in obj ? 'dims' : 'shape'} must be an array of integers`);
      const typeField = (obj['type'] ?? obj['dtype']) as unknown;
      let dtype = opts.dtype;
      if (dtype === undefined && typeof typeField === 'string') {
        const mapped = typeField === 'float' ? 'float32' : typeField === 'int' ? 'int32' : typeField;
        if (!isDType(mapped)) throw dtypeError(`${name}: unsupported tensor type ${describe(typeField)}`);
        dtype = mapped;
      }
      const data = obj['data'];
      if (Array.isArray(data)) {
        const a = fromNested(data as NestedArray, name, dtype);
        return withNames(reshape(a, opts.shape ?? (shape as number[]), name), opts.names, name);
      }
      if (!ArrayBuffer.isView(data)) throw invalidArgument(`${name}.data must be a TypedArray or an array, got ${describe(data)}`);
      return fromStorage(data as unknown as TypedArrayLike, dtype, opts.shape ?? (shape as number[]), opts.strides, opts.offset, opts.names, name);
    }
  }
  throw invalidArgument(`${name} must be an NDArray, a nested array, a TypedArray or a {data, dims} tensor, got ${describe(input)}`);
}

function withoutDtype(opts: NDArrayOptions): NDArrayOptions {
  const { dtype: _d, ...rest } = opts;
  return rest;
}

function isNDArrayLike(obj: Record<string, unknown>): boolean {
  return obj instanceof StridedArray || (typeof obj['dtype'] === 'string' && Array.isArray(obj['shape']) && Array.isArray(obj['strides']) && typeof obj['offset'] === 'number' && ArrayBuffer.isView(obj['data']));
}

type TypedArrayLike = TypedArray | (ArrayBufferView & { length: number; [i: number]: number });

function isNativeFloat16(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as object).constructor?.name === 'Float16Array';
}

function validateShape(shape: readonly unknown[], name: string): number[] {
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) throw invalidArgument(`${name}: shape entries must be integers >= 0, got [${shape.map(describe).join(', ')}]`);
  }
  return shape as number[];
}

function fromStorage(
  dataIn: TypedArrayLike,
  dtypeIn: DType | undefined,
  shapeIn: readonly number[] | undefined,
  stridesIn: readonly number[] | undefined,
  offsetIn: number | undefined,
  names: readonly (string | null)[] | undefined,
  name: string,
): NDArray {
  let data: TypedArray;
  let dtype: DType;
  if (isNativeFloat16(dataIn)) {
    const bits = new Uint16Array(dataIn.length);
    for (let i = 0; i < bits.length; i++) bits[i] = encodeFloat16(dataIn[i] as number);
    data = bits;
    dtype = dtypeIn ?? 'float16';
    if (dtype !== 'float16') data = castStorage(bits, 'float16', dtype);
  } else {
    data = dataIn as TypedArray;
    const own = dtypeOfTypedArray(data);
    dtype = dtypeIn ?? own;
    if (!storageMatches(dtype, data)) {
      if (stridesIn !== undefined || offsetIn !== undefined) throw dtypeError(`${name}: a ${data.constructor.name} cannot be viewed as ${dtype}`);
      data = castStorage(data, own, dtype);
    }
  }
  const shape = validateShape(shapeIn ?? [data.length], name);
  const n = shapeSize(shape);
  if (stridesIn === undefined && offsetIn === undefined) {
    if (n !== data.length) throw shapeMismatch(`${name}: shape [${shape.join(', ')}] needs ${n} elements, data has ${data.length}`);
  }
  const strides = stridesIn ?? contiguousStrides(shape);
  const offset = offsetIn ?? 0;
  if (strides.length !== shape.length || strides.some((s) => !Number.isInteger(s))) {
    throw shapeMismatch(`${name}: strides [${strides.join(', ')}] must be ${shape.length} integers`);
  }
  if (!Number.isInteger(offset) || offset < 0) throw invalidArgument(`${name}: offset must be an integer >= 0, got ${offset}`);
  if (n > 0) {
    let lo = offset, hi = offset;
    for (let i = 0; i < shape.length; i++) {
      const span = (shape[i]! - 1) * strides[i]!;
      if (span < 0) lo += span; else hi += span;
    }
    if (lo < 0 || hi >= data.length) throw shapeMismatch(`${name}: the view (shape [${shape.join(', ')}], strides [${strides.join(', ')}], offset ${offset}) reaches outside its ${data.length} elements`);
  }
  checkNames(names, shape.length, name);
  return new StridedArray(dtype, data, shape, strides, offset, names);
}

function checkNames(names: readonly (string | null)[] | undefined, ndim: number, name: string): void {
  if (names === undefined) return;
  if (!Array.isArray(names) || names.length !== ndim) throw shapeMismatch(`${name}: names must have one entry per axis (${ndim}), got ${describe(names)}`);
  const seen = new Set<string>();
  for (const n of names) {
    if (n === null) continue;
    if (typeof n !== 'string') throw invalidArgument(`${name}: axis names must be strings or null, got ${describe(n)}`);
    if (seen.has(n)) throw invalidArgument(`${name}: duplicate axis name ${JSON.stringify(n)}`);
    seen.add(n);
  }
}

function withNames(a: NDArray, names: readonly (string | null)[] | undefined, name: string): NDArray {
  if (names === undefined) return a;
  checkNames(names, a.ndim, name);
  return new StridedArray(a.dtype, a.data, a.shape, a.strides, a.offset, names);
}

function reshape(a: NDArray, shapeIn: readonly number[], name: string): NDArray {
  const shape = validateShape(shapeIn, name);
  if (shapeSize(shape) !== a.size) throw shapeMismatch(`${name}: cannot reshape ${a.size} elements into shape [${shape.join(', ')}]`);
  return new StridedArray(a.dtype, a.data, shape, contiguousStrides(shape), a.offset);
}

/** Converts storage of dtype `from` to new storage of dtype `to` (value conversion, NumPy-like casting). */
export function castStorage(src: TypedArray, from: DType, to: DType): TypedArray {
  const n = src.length;
  const out = allocStorage(to, n);
  const read = valueReader(src, from);
  const write = valueWriter(out, to);
  for (let i = 0; i < n; i++) write(i, read(i));
  return out;
}

/** Returns a C-contiguous copy of `a` converted to `dtype`. */
export function castArray(a: NDArray, dtype: DType): NDArray {
  const out = allocStorage(dtype, a.size);
  const read = valueReader(a.data, a.dtype);
  const write = valueWriter(out, dtype);
  let k = 0;
  forEachOffset(a, (off) => { write(k++, read(off)); });
  return new StridedArray(dtype, out, a.shape, contiguousStrides(a.shape), 0);
}

type Scalar = number | bigint | boolean;

function valueReader(src: TypedArray, dtype: DType): (i: number) => Scalar {
  if (dtype === 'float16') { return (i) => decodeFloat16(src[i] as number); }
  if (dtype === 'bfloat16') { return (i) => decodeBfloat16(src[i] as number); }
  if (dtype === 'bool') return (i) => (src[i] as number) !== 0;
  return (i) => src[i] as number | bigint;
}

function valueWriter(dst: TypedArray, dtype: DType): (i: number, v: Scalar) => void {
  if (dtype === 'float16') return (i, v) => { (dst as Uint16Array)[i] = encodeFloat16(Number(v)); };
  if (dtype === 'bfloat16') return (i, v) => { (dst as Uint16Array)[i] = encodeBfloat16(Number(v)); };
  if (dtype === 'bool') return (i, v) => { (dst as Uint8Array)[i] = (typeof v === 'bigint' ? v !== 0n : Boolean(v)) ? 1 : 0; };
  if (isBigIntDType(dtype)) {
    return (i, v) => {
      let b: bigint;
      if (typeof v === 'bigint') b = v;
      else if (typeof v === 'boolean') b = v ? 1n : 0n;
      else if (!Number.isFinite(v)) throw dtypeError(`cannot convert ${v} to ${dtype}`);
      else b = BigInt(Math.trunc(v));
      (dst as BigInt64Array)[i] = b;
    };
  }
  return (i, v) => { (dst as Float64Array)[i] = typeof v === 'boolean' ? (v ? 1 : 0) : Number(v); };
}


function fromNested(input: NestedArray, name: string, dtype: DType | undefined): NDArray {
  const shape: number[] = [];
  let probe: NestedArray = input;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = (probe as readonly NestedArray[])[0]!;
  }
  const flat: Scalar[] = [];
  let kinds = 0; // 1 number, 2 boolean, 4 bigint
  const walk = (node: NestedArray, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (Array.isArray(node)) throw shapeMismatch(`${name}: ragged nested array: ${path} is an array, expected a scalar at depth ${depth}`);
      if (typeof node === 'number') kinds |= 1;
      else if (typeof node === 'boolean') kinds |= 2;
      else if (typeof node === 'bigint') kinds |= 4;
      else throw dtypeError(`${name}: ${path} is ${describe(node)}, expected a number, boolean or bigint`);
      flat.push(node as Scalar);
      return;
    }
    if (!Array.isArray(node)) throw shapeMismatch(`${name}: ragged nested array: ${path} is a scalar, expected an array of length ${shape[depth]}`);
    if (node.length !== shape[depth]) throw shapeMismatch(`${name}: ragged nested array: ${path} has length ${node.length}, expected ${shape[depth]}`);
    for (let i = 0; i < node.length; i++) walk((node as readonly NestedArray[])[i]!, depth + 1, `${path}[${i}]`);
  };
  walk(input, 0, 'x');
  const inferred: DType = kinds & 4 ? 'int64' : kinds === 2 ? 'bool' : 'float64';
  if (kinds & 4 && kinds & 1 && dtype === undefined) throw dtypeError(`${name}: cannot mix bigint and number elements; pass dtype or use one kind`);
  const target = dtype ?? inferred;
  const out = allocStorage(target, flat.length);
  const write = valueWriter(out, target);
  for (let i = 0; i < flat.length; i++) write(i, flat[i]!);
  return new StridedArray(target, out, shape, contiguousStrides(shape), 0);
}

/** Visits the physical offset of every element of `a` in C order. O(size). */
export function forEachOffset(a: NDArray, fn: (offset: number) => void): void {
  const nd = a.ndim;
  if (a.size === 0) return;
  if (nd === 0) { fn(a.offset); return; }
  const shape = a.shape, strides = a.strides;
  const idx = new Array<number>(nd).fill(0);
  const inner = shape[nd - 1]!, innerStride = strides[nd - 1]!;
  let base = a.offset;
  for (;;) {
    for (let j = 0, o = base; j < inner; j++, o += innerStride) fn(o);
    let d = nd - 2;
    for (; d >= 0; d--) {
      idx[d]!++;
      base += strides[d]!;
      if (idx[d]! < shape[d]!) break;
      base -= strides[d]! * shape[d]!;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

