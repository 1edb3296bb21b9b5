// logitkit/io: array files as bytes, platform-free (browsers too).
// File-system helpers (loadArray, saveArray) live in logitkit/io/node.
export { readNpy, readNpyHeader, writeNpy } from './npy.js';
export type { NpyHeader } from './npy.js';
export { readNpz, npzNames, writeNpz } from './npz.js';
export { readSafetensors, safetensorsNames, writeSafetensors } from './safetensors.js';
export { readJsonArray, writeJsonArray, readCsv, writeCsv } from './text.js';
export { readArray, encodeArray, formatOf, splitArraySpec } from './readArray.js';
export type { ArrayFormat } from './readArray.js';
