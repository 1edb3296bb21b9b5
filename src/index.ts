// Re-exports only, in API.md order.
export * from './core/index.js';
export * from './errors/index.js';
export * from './reduce/index.js';
export * from './indexing/index.js';
export * from './select/index.js';
export * from './prob/index.js';
export * from './random/index.js';
export * from './sample/index.js';
export * from './kernels/index.js';
export * from './decide/index.js';
