export { argmax } from './argmax.js';
export { argmin } from './argmin.js';
export { nanargmax } from './nanargmax.js';
export { nanargmin } from './nanargmin.js';
export { maxWithIndices } from './maxWithIndices.js';
export { minWithIndices } from './minWithIndices.js';
export type { ArgReduceOptions, WithIndicesOptions } from './argReduce.js';
export type { ValuesWithIndices } from './withIndices.js';
export type { UniformSource } from './kernels.js';
