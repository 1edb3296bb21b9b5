export type { NDArray } from './StridedArray.js';
export type { DType, TypedArray } from './dtypes.js';
export { ndarray } from './ndarray.js';
export type { ArrayInput, NDArrayOptions, NestedArray } from './ndarray.js';
export { toNested } from './toNested.js';
export type { Nested } from './toNested.js';
