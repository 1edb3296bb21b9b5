export { argsort } from './argsort.js';
export type { ArgsortOptions } from './argsort.js';
export { argpartition } from './argpartition.js';
export type { ArgpartitionOptions } from './argpartition.js';
export { topk } from './topk.js';
export type { TopkOptions, TopkResult } from './topk.js';
