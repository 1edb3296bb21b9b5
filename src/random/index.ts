export { createRng } from './createRng.js';
export type { Rng } from './createRng.js';
