import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { badFile, invalidArgument } from '../errors/messages.js';
import { readNpy, writeNpy } from './npy.js';
import { readNpz, writeNpz } from './npz.js';
import { readSafetensors, writeSafetensors } from './safetensors.js';
import { readCsv, readJsonArray, writeCsv, writeJsonArray } from './text.js';

/** The array file formats logitkit reads, by extension. */
export type ArrayFormat = 'npy' | 'npz' | 'safetensors' | 'json' | 'csv';

/** The format a file name's extension names, or undefined. */
export function formatOf(fileName: string): ArrayFormat | undefined {
  const m = /\.(npy|npz|safetensors|json|csv)$/i.exec(fileName);
  return m ? (m[1]!.toLowerCase() as ArrayFormat) : undefined;
}

/**
 * Splits `FILE.npz:name` / `FILE.safetensors:name` into the file and the
 * member name. Other names (including Windows paths like `C:\x.npy`) are
 * returned whole.
 *
 * @example
 * splitArraySpec('run.npz:logits') // { file: 'run.npz', member: 'logits' }
 */
export function splitArraySpec(spec: string): { file: string; member?: string } {
  const m = /^(.*\.(?:npz|safetensors)):([^/\\]*)$/i.exec(spec);
  if (m === null) return { file: spec };
  return m[2] === '' ? { file: m[1]! } : { file: m[1]!, member: m[2]! };
}

/**
 * Reads an array from the bytes of a file, picking the reader by the file
 * name's extension: `.npy`, `.npz` (member `member`), `.safetensors` (tensor
 * `member`), `.json` (nested arrays), `.csv` (numbers, optional header).
 * `BAD_FILE` for another extension or a member name on a format without
 * members; otherwise what the chosen reader throws.
 *
 * @example
 * readArray(bytes, 'run.npz', 'logits')
 */
export function readArray(bytes: Uint8Array | ArrayBuffer, fileName: string, member?: string): NDArray {
  const fmt = formatOf(fileName);
  const label = member === undefined ? fileName : `${fileName}:${member}`;
  if (member !== undefined && fmt !== 'npz' && fmt !== 'safetensors') throw badFile(`${label}: only .npz and .safetensors files hold named arrays`);
  switch (fmt) {
    case 'npy': return readNpy(bytes, fileName);
    case 'npz': return readNpz(bytes, member, fileName);
    case 'safetensors': return readSafetensors(bytes, member, fileName);
    case 'json': return readJsonArray(bytes, fileName);
    case 'csv': return readCsv(bytes, fileName);
    default: throw badFile(`${fileName}: unknown array file type; expected .npy, .npz, .safetensors, .json or .csv`);
  }
}

/**
 * Encodes an array for a file name's extension: `.npy`, `.json`, `.csv`,
 * `.npz` / `.safetensors` (one member named `name`, default `'arr_0'` /
 * `'array'`). `INVALID_ARGUMENT` for another extension.
 */
export function encodeArray(array: ArrayInput, fileName: string, name?: string): Uint8Array {
  switch (formatOf(fileName)) {
    case 'npy': return writeNpy(array);
    case 'json': return new TextEncoder().encode(`${writeJsonArray(array)}\n`);
    case 'csv': return new TextEncoder().encode(writeCsv(array));
    case 'npz': return writeNpz({ [name ?? 'arr_0']: array });
    case 'safetensors': return writeSafetensors({ [name ?? 'array']: array });
    default: throw invalidArgument(`${fileName}: cannot write this file type; use .npy, .json, .csv, .npz or .safetensors`);
  }
}
