import { StridedArray, type NDArray } from '../core/StridedArray.js';
import { type DType, STORAGE } from '../core/dtypes.js';
import { castArray, toNDArray, type ArrayInput } from '../core/ndarray.js';
import { badFile, dtypeError } from '../errors/messages.js';
import { asBytes, printable, checkedSize, contiguousStorage, decodeStorage, littleEndianBytes } from './bytes.js';
import { parsePyLiteral, type PyValue } from './pyliteral.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
/** Headers larger than this are refused (NumPy 1.24 refuses > 10 000 bytes by default). */
const MAX_HEADER = 1 << 20;

/** NumPy type codes (kind + item size) and the logitkit dtype each maps to. */
const FROM_DESCR: Record<string, DType> = {
  f8: 'float64', f4: 'float32', f2: 'float16',
  i1: 'int8', u1: 'uint8', i2: 'int16', u2: 'uint16', i4: 'int32', u4: 'uint32',
  i8: 'int64', u8: 'uint64', b1: 'bool',
};
const TO_DESCR: Record<Exclude<DType, 'bfloat16'>, string> = {
  float64: '<f8', float32: '<f4', float16: '<f2',
  int8: '|i1', uint8: '|u1', int16: '<i2', uint16: '<u2', int32: '<i4', uint32: '<u4',
  int64: '<i8', uint64: '<u8', bool: '|b1',
};

/** A parsed .npy header. */
export interface NpyHeader {
  readonly version: readonly [number, number];
  readonly dtype: DType;
  readonly littleEndian: boolean;
  readonly fortranOrder: boolean;
  readonly shape: readonly number[];
  /** Byte offset of the data. */
  readonly dataOffset: number;
}

/**
 * Parses the header of an `.npy` file without touching its data.
 * Throws `BAD_FILE` for anything malformed and `DTYPE` for a type logitkit
 * has no dtype for, both naming `source`.
 */
export function readNpyHeader(input: Uint8Array | ArrayBuffer, source = 'npy data'): NpyHeader {
  const bytes = asBytes(input);
  const fail = (msg: string) => badFile(`${source}: ${msg}`);
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw fail('not an .npy file (missing the \\x93NUMPY magic bytes)');
  const major = bytes[6]!, minor = bytes[7]!;
  if (major < 1 || major > 3) throw fail(`unsupported .npy format version ${major}.${minor} (expected 1.0, 2.0 or 3.0)`);
  const lenBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenBytes) throw fail('truncated header');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  const start = 8 + lenBytes;
  if (headerLen > bytes.length - start) throw fail(`header length ${headerLen} goes beyond the end of the file (${bytes.length} bytes)`);
  if (headerLen > MAX_HEADER) throw fail(`header length ${headerLen} is implausibly large`);
  const raw = bytes.subarray(start, start + headerLen);
  let text: string;
  if (major === 3) {
    try { text = new TextDecoder('utf-8', { fatal: true }).decode(raw); } catch { throw fail('header is not valid UTF-8'); }
  } else {
    text = '';
    for (let i = 0; i < raw.length; i++) text += String.fromCharCode(raw[i]!);
  }
  let dict: PyValue;
  try { dict = parsePyLiteral(text.trim()); } catch (e) { throw fail(`header is not a Python dict literal (${(e as Error).message})`); }
  if (dict === null || typeof dict !== 'object' || Array.isArray(dict)) throw fail('header is not a dict');
  const descr = dict['descr'], fortran = dict['fortran_order'], shape = dict['shape'];
  if (descr === undefined || fortran === undefined || shape === undefined) throw fail("header must have the keys 'descr', 'fortran_order' and 'shape'");
  if (typeof fortran !== 'boolean') throw fail("header 'fortran_order' must be True or False");
  if (!Array.isArray(shape) || shape.some((d) => typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0)) throw fail("header 'shape' must be a tuple of integers >= 0");
  if (shape.length > 64) throw fail(`header 'shape' has ${shape.length} dimensions (at most 64)`);
  if (typeof descr !== 'string') throw dtypeError(`${source}: structured dtypes are not supported (descr ${printable(JSON.stringify(descr))})`);
  const m = /^([<>|=]?)([a-zA-Z]\d+)$/.exec(descr);
  const dtype = m ? FROM_DESCR[m[2]!] : undefined;
  if (m === null || dtype === undefined) {
    const hint = /V2/.test(descr) ? ' (bfloat16 has no NumPy dtype: save it as float32)' : '';
    throw dtypeError(`${source}: unsupported dtype '${printable(descr)}'${hint}; supported: f8 f4 f2 i1 i2 i4 i8 u1 u2 u4 u8 b1`);
  }
  return {
    version: [major, minor], dtype, littleEndian: m[1] !== '>', fortranOrder: fortran,
    shape: shape as number[], dataOffset: start + headerLen,
  };
}

/**
 * Reads an `.npy` file (NumPy's `np.save` format) into an NDArray.
 *
 * Format versions 1.0, 2.0 and 3.0; byte orders `<`, `>`, `|` and `=`
 * (big-endian data is byte-swapped into native storage); `fortran_order: True`
 * gives a Fortran-strided view over the file's data, so no reordering copy is
 * made. dtypes: `f8 f4 f2 i1 i2 i4 i8 u1 u2 u4 u8 b1` → float64 … bool;
 * float16 stays as raw bits (dtype `'float16'`, a Uint16Array), int64/uint64
 * are BigInt arrays, bool bytes are normalised to 0/1. Extra bytes after the
 * data are ignored, like NumPy does.
 *
 * Errors (naming `source`): `BAD_FILE` for a wrong magic, an unknown version,
 * a header that runs past the end of the file or does not parse, and data
 * shorter than the shape claims — checked before anything is allocated;
 * `DTYPE` for structured, complex, string, object or datetime dtypes (and
 * `V2`, how bfloat16 arrays come out of `ml_dtypes`).
 *
 * The returned array owns fresh storage (the input bytes can be reused).
 * Complexity O(n) bytes copied.
 *
 * @param bytes the whole file (a Node Buffer works)
 * @param source the file name to put in error messages
 * @example
 * const a = readNpy(fs.readFileSync('logits.npy'), 'logits.npy');
 * a.shape // [8, 32000]
 * @see writeNpy
 */
export function readNpy(bytes: Uint8Array | ArrayBuffer, source = 'npy data'): NDArray {
  const b = asBytes(bytes);
  const h = readNpyHeader(b, source);
  const itemsize = STORAGE[h.dtype].BYTES_PER_ELEMENT;
  const n = checkedSize(h.shape, itemsize, b.length - h.dataOffset, (msg) => badFile(`${source}: ${msg}`));
  const data = decodeStorage(b, h.dataOffset, n, h.dtype, h.littleEndian);
  const strides = new Array<number>(h.shape.length);
  let s = 1;
  if (h.fortranOrder) {
    for (let i = 0; i < h.shape.length; i++) { strides[i] = s; s *= Math.max(h.shape[i]!, 1); }
  } else {
    for (let i = h.shape.length - 1; i >= 0; i--) { strides[i] = s; s *= Math.max(h.shape[i]!, 1); }
  }
  return new StridedArray(h.dtype, data, h.shape, strides, 0);
}

/** Python's repr of a shape tuple: `()`, `(3,)`, `(2, 3)`. */
function shapeRepr(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

/**
 * Writes an array as `.npy` bytes, byte for byte what NumPy 1.24's `np.save`
 * writes for the same C-order array (format 1.0, or 2.0 when the header needs
 * it; little-endian; header padded to 64 bytes).
 *
 * Strided views are written in their logical C order. float16 bits are
 * written as `<f2` unchanged (NaN payloads kept), int64/uint64 as `<i8`/`<u8`,
 * bool as `|b1`. **bfloat16 has no NumPy dtype**: it is widened to float32
 * (`<f4`), which is exact, so `np.load` gets the same values; read back it is
 * a float32 array.
 *
 * Throws what `ndarray()` throws for a bad input (`INVALID_ARGUMENT`,
 * `SHAPE_MISMATCH`, `DTYPE`). The input is never modified. O(n).
 *
 * @example
 * fs.writeFileSync('x.npy', writeNpy([[1, 2], [3, 4]])); // np.load('x.npy') → float64 (2, 2)
 * @see readNpy
 */
export function writeNpy(array: ArrayInput): Uint8Array {
  let a = toNDArray(array, 'array');
  if (a.dtype === 'bfloat16') a = castArray(a, 'float32');
  const dtype = a.dtype as Exclude<DType, 'bfloat16'>;
  let header = `{'descr': '${TO_DESCR[dtype]}', 'fortran_order': False, 'shape': ${shapeRepr(a.shape)}, }`;
  if (a.shape.length > 0) header += ' '.repeat(Math.max(0, 21 - String(a.shape[0]).length));
  let major = 1;
  let hlen = header.length + 1;
  let pad = 64 - ((10 + hlen) % 64);
  if (hlen + pad > 0xffff) { major = 2; pad = 64 - ((12 + hlen) % 64); }
  const prefix = major === 1 ? 10 : 12;
  hlen += pad;
  const body = littleEndianBytes(contiguousStorage(a));
  const out = new Uint8Array(prefix + hlen + body.length);
  out.set(MAGIC, 0);
  out[6] = major; out[7] = 0;
  const dv = new DataView(out.buffer);
  if (major === 1) dv.setUint16(8, hlen, true); else dv.setUint32(8, hlen, true);
  let o = prefix;
  for (let i = 0; i < header.length; i++) out[o++] = header.charCodeAt(i);
  out.fill(0x20, o, o + pad);
  o += pad;
  out[o++] = 0x0a;
  out.set(body, o);
  return out;
}
