// logitkit/io: array files as bytes (platform-free). File-system helpers live in logitkit/io/node.
export { readNpy, readNpyHeader, writeNpy } from './npy.js';
export type { NpyHeader } from './npy.js';
