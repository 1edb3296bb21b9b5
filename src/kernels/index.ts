// Zero-copy memory (API.md §7b). The fast kernels themselves are internal:
// src/kernels/argReduce.ts (arg-reductions) and src/kernels/rowKernels.ts
// (row max, exp sums, threshold scans) are imported by the op modules.
export { allocate, release } from './arena.js';
export type { ArenaDType } from './arena.js';
