export { unravelIndex } from './unravelIndex.js';
export { ravelMultiIndex } from './ravelMultiIndex.js';
export { takeAlongAxis } from './takeAlongAxis.js';
export { putAlongAxis } from './putAlongAxis.js';
export { flatnonzero } from './flatnonzero.js';
export { argwhere } from './argwhere.js';
export type { UnravelOptions } from './unravelIndex.js';
export type { RavelMode, RavelOptions } from './ravelMultiIndex.js';
export type { AlongAxisOptions } from './alongAxis.js';
