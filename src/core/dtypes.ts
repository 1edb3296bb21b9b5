/** The element types logitkit understands (API.md §1). */
export type DType =
  | 'float64' | 'float32' | 'float16' | 'bfloat16'
  | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32'
  | 'int64' | 'uint64' | 'bool';

/** Every TypedArray an NDArray may hold. */
export type TypedArray =
  | Float64Array | Float32Array | Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array
  | Int32Array | Uint32Array | BigInt64Array | BigUint64Array;

/** TypedArrays whose elements are JS numbers (everything but the BigInt arrays). */
export type NumericTypedArray = Exclude<TypedArray, BigInt64Array | BigUint64Array>;

/** The storage a dtype uses: float16/bfloat16 store raw bits in a Uint16Array, bool a Uint8Array. */
export const STORAGE = {
  float64: Float64Array,
  float32: Float32Array,
  float16: Uint16Array,
  bfloat16: Uint16Array,
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
  bool: Uint8Array,
} as const;

/** All dtype names, in API.md order. */
export const DTYPES: readonly DType[] = Object.keys(STORAGE) as DType[];

/** True for a valid dtype name. */
export function isDType(x: unknown): x is DType {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(STORAGE, x);
}

/** True for float64, float32, float16, bfloat16: the dtypes that can hold NaN. */
export function isFloatDType(d: DType): boolean {
  return d === 'float64' || d === 'float32' || d === 'float16' || d === 'bfloat16';
}

/** True for int64/uint64, whose elements are BigInts. */
export function isBigIntDType(d: DType): d is 'int64' | 'uint64' {
  return d === 'int64' || d === 'uint64';
}

/** True for float16/bfloat16, whose elements are stored as Uint16 bits. */
export function isHalfDType(d: DType): d is 'float16' | 'bfloat16' {
  return d === 'float16' || d === 'bfloat16';
}

/** Bytes per element. */
export function itemSize(d: DType): number {
  return STORAGE[d].BYTES_PER_ELEMENT;
}

/** The dtype a TypedArray holds by default (Uint8Array → uint8, Uint16Array → uint16). */
export function dtypeOfTypedArray(data: TypedArray): DType {
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Int8Array) return 'int8';
  if (data instanceof Uint8Array || data instanceof Uint8ClampedArray) return 'uint8';
  if (data instanceof Int16Array) return 'int16';
  if (data instanceof Uint16Array) return 'uint16';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof Uint32Array) return 'uint32';
  if (data instanceof BigInt64Array) return 'int64';
  return 'uint64';
}

/** Allocates zeroed storage for `n` elements of dtype `d`. */
export function allocStorage(d: DType, n: number): TypedArray {
  return new STORAGE[d](n);
}

/** True when `data` is the storage class `d` expects. */
export function storageMatches(d: DType, data: TypedArray): boolean {
  const ctor = STORAGE[d];
  if (d === 'uint8' || d === 'bool') return data instanceof Uint8Array || data instanceof Uint8ClampedArray;
  return data instanceof ctor;
}
