// logitkit/io/node: file-system helpers for Node (the only module of logitkit/io that imports node:).
import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { badFile } from '../errors/messages.js';
import { encodeArray, readArray, splitArraySpec } from './readArray.js';

const CHUNK = 8 << 20;

/**
 * Reads a whole file, reporting progress after each 8 MB chunk.
 * `BAD_FILE` (one clear line) for a missing file, a directory, a file too
 * large for memory or an unreadable one.
 */
export function readFileBytes(path: string, onProgress?: (done: number, total: number) => void): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw badFile(`${path}: ${explain(e)}`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw badFile(`${path}: is a directory, expected an array file`);
    const total = st.size;
    let buf: Uint8Array;
    try { buf = new Uint8Array(total); } catch { throw badFile(`${path}: too large to load (${total} bytes)`); }
    let done = 0;
    while (done < total) {
      const n = readSync(fd, buf, done, Math.min(CHUNK, total - done), done);
      if (n === 0) break;
      done += n;
      onProgress?.(done, total);
    }
    return done === total ? buf : buf.subarray(0, done);
  } catch (e) {
    if (e instanceof Error && e.name === 'LogitkitError') throw e;
    throw badFile(`${path}: ${explain(e)}`);
  } finally {
    closeSync(fd);
  }
}

function explain(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, expected an array file';
  return `cannot read (${code ?? (e as Error).message})`;
}

/**
 * Loads an array file: `FILE.npy`, `FILE.npz[:name]`, `FILE.safetensors[:name]`,
 * `FILE.json`, `FILE.csv` (see `readArray` in `logitkit/io`).
 * `onProgress(doneBytes, totalBytes)` is called while the file is read.
 * Errors are `LogitkitError`s naming the file (`BAD_FILE`, `DTYPE`).
 *
 * @example
 * import { loadArray } from 'logitkit/io/node';
 * const logits = loadArray('run.npz:logits');
 */
export function loadArray(spec: string, opts: { onProgress?: (done: number, total: number) => void } = {}): NDArray {
  const { file, member } = splitArraySpec(spec);
  return readArray(readFileBytes(file, opts.onProgress), file, member);
}

/**
 * Writes an array to `path`, the format chosen by its extension (`.npy`,
 * `.json`, `.csv`, `.npz`, `.safetensors`). `BAD_FILE` when the file cannot be
 * written, `INVALID_ARGUMENT` for an unknown extension.
 *
 * @example
 * saveArray('pred.npy', argmax(logits, { axis: -1 }));
 */
export function saveArray(path: string, array: ArrayInput): void {
  const bytes = encodeArray(array, path);
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw badFile(`${path}: cannot write (${code === 'ENOENT' ? 'no such directory' : code ?? (e as Error).message})`);
  }
}
