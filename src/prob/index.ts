export { softmax } from './softmax.js';
export type { SoftmaxOptions } from './softmax.js';
export { logSoftmax } from './logSoftmax.js';
export { logsumexp } from './logsumexp.js';
export type { LogsumexpOptions } from './logsumexp.js';
