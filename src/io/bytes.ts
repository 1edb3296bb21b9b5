import type { NDArray } from '../core/StridedArray.js';
import { isCContiguous } from '../core/StridedArray.js';
import { type DType, type TypedArray, STORAGE } from '../core/dtypes.js';
import { forEachOffset } from '../core/ndarray.js';

/** True on little-endian hosts (every mainstream JS engine); checked once, not assumed. */
export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Accepts a Uint8Array (Node Buffer included), any other ArrayBufferView or an ArrayBuffer as bytes, without copying. */
export function asBytes(input: Uint8Array | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return input as never;
}

/**
 * Copies `nbytes` raw bytes of `n` elements of `dtype` from `src` (at `start`)
 * into fresh storage, swapping bytes when the file's order differs from the
 * host's. bool bytes are normalised to 0/1 (NumPy reads any non-zero as True).
 */
export function decodeStorage(src: Uint8Array, start: number, n: number, dtype: DType, littleEndian: boolean): TypedArray {
  const out = new STORAGE[dtype](n) as TypedArray;
  const size = out.BYTES_PER_ELEMENT;
  const dst = new Uint8Array(out.buffer, out.byteOffset, n * size);
  const body = src.subarray(start, start + n * size);
  if (size === 1 || littleEndian === HOST_LITTLE_ENDIAN) {
    dst.set(body);
  } else {
    // copy, then byte-swap whole words in place (much faster than a per-byte or DataView loop)
    dst.set(body);
    if (size === 2) {
      const w = new Uint16Array(out.buffer, out.byteOffset, n);
      for (let i = 0; i < n; i++) { const v = w[i]!; w[i] = (v >>> 8) | ((v & 0xff) << 8); }
    } else {
      const w = new Uint32Array(out.buffer, out.byteOffset, (n * size) / 4);
      for (let i = 0; i < w.length; i++) {
        const v = w[i]!;
        w[i] = ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
      }
      if (size === 8) for (let i = 0; i < w.length; i += 2) { const t = w[i]!; w[i] = w[i + 1]!; w[i + 1] = t; }
    }
  }
  if (dtype === 'bool') for (let i = 0; i < n; i++) if (dst[i] !== 0) dst[i] = 1;
  return out;
}

/** The elements of `a` in C order as a TypedArray of its own storage type (bits copied exactly, no value conversion). */
export function contiguousStorage(a: NDArray): TypedArray {
  if (a.offset === 0 && a.data.length === a.size && isCContiguous(a)) return a.data;
  const ctor = a.data.constructor as new (n: number) => TypedArray;
  const out = new ctor(a.size);
  const src = a.data as unknown as ArrayLike<number>;
  const dst = out as unknown as number[];
  let k = 0;
  forEachOffset(a, (o) => { dst[k++] = src[o]!; });
  return out;
}

/** The little-endian bytes of a C-order storage array (a view when the host is little-endian). */
export function littleEndianBytes(data: TypedArray): Uint8Array {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const size = data.BYTES_PER_ELEMENT;
  if (size === 1 || HOST_LITTLE_ENDIAN) return bytes;
  const out = new Uint8Array(bytes.length);
  for (let o = 0; o < bytes.length; o += size) for (let b = 0; b < size; b++) out[o + b] = bytes[o + size - 1 - b]!;
  return out;
}

/**
 * Checks that `shape` is a list of non-negative safe integers and that the
 * data it claims (`itemsize` bytes each) fits in `available` bytes, *before*
 * anything is allocated. Returns the element count.
 */
export function checkedSize(shape: readonly number[], itemsize: number, available: number, fail: (msg: string) => Error): number {
  let n = 1;
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) throw fail(`shape entries must be integers >= 0, got (${shape.join(', ')})`);
  }
  if (shape.includes(0)) return 0;
  for (const d of shape) {
    n *= d;
    if (n * itemsize > available) {
      throw fail(`shape (${shape.join(', ')}) needs ${formatBytes(shapeBytes(shape, itemsize))} of data but only ${available} bytes follow the header (truncated file?)`);
    }
  }
  return n;
}

function shapeBytes(shape: readonly number[], itemsize: number): number {
  return shape.reduce((p, d) => p * d, itemsize);
}

function formatBytes(b: number): string {
  if (!Number.isFinite(b) || b > 1e15) return `about ${b.toExponential(2)} bytes`;
  return `${b} bytes`;
}

/** A file-supplied string made safe for a one-line error message (control characters escaped, length capped). */
export function printable(s: string, max = 80): string {
  const t = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
