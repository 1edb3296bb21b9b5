/**
 * Decodes the arrays of the golden-value fixtures in test/fixtures/ (written
 * by test/fixtures/gen_reduce.py) into NDArrays. Used by tests only; it has
 * no file access, so it is harmless in the build.
 *
 * Encoding: `{ dtype, shape, data }`, data flat in C order; floats JSON cannot
 * hold are "nan" / "inf" / "-inf" / "-0"; float16/bfloat16 are bit patterns;
 * int64/uint64 are decimal strings.
 */
import { type NDArray, StridedArray, contiguousStrides } from '../core/StridedArray.js';
import { type DType, allocStorage } from '../core/dtypes.js';

/** One encoded array of a fixture. */
export interface FixtureArray { dtype: string; shape: number[]; data: (number | string)[] }

/** Decodes one fixture float ("nan", "-0", ...). */
export function fixtureFloat(v: number | string): number {
  if (typeof v === 'number') return v;
  switch (v) {
    case 'nan': return NaN;
    case 'inf': return Infinity;
    case '-inf': return -Infinity;
    case '-0': return -0;
    default: return Number(v);
  }
}

/** Decodes a fixture array into a fresh C-contiguous NDArray. */
export function fixtureArray(f: FixtureArray): NDArray {
  const dtype = f.dtype as DType;
  const n = f.data.length;
  const data = allocStorage(dtype, n);
  for (let i = 0; i < n; i++) {
    const v = f.data[i]!;
    if (dtype === 'int64' || dtype === 'uint64') (data as BigInt64Array)[i] = BigInt(v as string);
    else (data as Float64Array)[i] = fixtureFloat(v);
  }
  return new StridedArray(dtype, data, f.shape, contiguousStrides(f.shape), 0);
}
