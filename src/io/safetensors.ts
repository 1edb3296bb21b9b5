import { StridedArray, contiguousStrides, type NDArray } from '../core/StridedArray.js';
import { type DType, STORAGE } from '../core/dtypes.js';
import { toNDArray, type ArrayInput } from '../core/ndarray.js';
import { badFile, dtypeError, invalidArgument } from '../errors/messages.js';
import { asBytes, printable, checkedSize, contiguousStorage, decodeStorage, littleEndianBytes } from './bytes.js';

const FROM_ST: Record<string, DType> = {
  F64: 'float64', F32: 'float32', F16: 'float16', BF16: 'bfloat16',
  I64: 'int64', I32: 'int32', I16: 'int16', I8: 'int8',
  U64: 'uint64', U32: 'uint32', U16: 'uint16', U8: 'uint8', BOOL: 'bool',
};
const TO_ST: Record<DType, string> = Object.fromEntries(Object.entries(FROM_ST).map(([k, v]) => [v, k])) as Record<DType, string>;
/** The safetensors reference refuses headers over 100 MB. */
const MAX_HEADER = 100_000_000;

interface Entry { dtype: DType; shape: number[]; begin: number; end: number }

function parseHeader(bytes: Uint8Array, source: string): { entries: Map<string, Entry>; dataStart: number } {
  const fail = (msg: string) => badFile(`${source}: ${msg}`);
  if (bytes.length < 8) throw fail('not a .safetensors file (shorter than its 8-byte header length)');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = dv.getBigUint64(0, true);
  if (n > BigInt(bytes.length - 8)) throw fail(`header length ${n} goes beyond the end of the file (${bytes.length} bytes)`);
  if (n > BigInt(MAX_HEADER)) throw fail(`header length ${n} is implausibly large`);
  const len = Number(n);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + len)));
  } catch {
    throw fail('header is not valid UTF-8 JSON (not a .safetensors file?)');
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) throw fail('header is not a JSON object');
  const dataStart = 8 + len;
  const available = bytes.length - dataStart;
  const entries = new Map<string, Entry>();
  for (const [name, raw] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') continue;
    const info = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown } | null;
    if (info === null || typeof info !== 'object') throw fail(`tensor '${printable(name)}' has no description`);
    if (typeof info.dtype !== 'string') throw fail(`tensor '${printable(name)}' has no dtype`);
    const dtype = FROM_ST[info.dtype];
    if (dtype === undefined) throw dtypeError(`${source}: tensor '${printable(name)}' has unsupported dtype ${printable(info.dtype)}; supported: ${Object.keys(FROM_ST).join(' ')}`);
    const shape = info.shape, off = info.data_offsets;
    if (!Array.isArray(shape) || shape.some((d) => typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0)) throw fail(`tensor '${printable(name)}' shape must be a list of integers >= 0`);
    if (!Array.isArray(off) || off.length !== 2 || off.some((d) => typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0)) throw fail(`tensor '${printable(name)}' data_offsets must be [begin, end]`);
    const [begin, end] = off as [number, number];
    if (begin > end || end > available) throw fail(`tensor '${printable(name)}' data_offsets [${begin}, ${end}] reach outside the ${available} data bytes`);
    const count = checkedSize(shape as number[], STORAGE[dtype].BYTES_PER_ELEMENT, end - begin, (msg) => fail(`tensor '${printable(name)}': ${msg}`));
    if (count * STORAGE[dtype].BYTES_PER_ELEMENT !== end - begin) throw fail(`tensor '${printable(name)}' has ${end - begin} data bytes, its shape (${(shape as number[]).join(', ')}) needs ${count * STORAGE[dtype].BYTES_PER_ELEMENT}`);
    entries.set(name, { dtype, shape: shape as number[], begin, end });
  }
  return { entries, dataStart };
}

/**
 * The tensor names of a `.safetensors` file, in header order (`__metadata__`
 * excluded). Validates the whole header. `BAD_FILE` / `DTYPE` like
 * {@link readSafetensors}.
 */
export function safetensorsNames(bytes: Uint8Array | ArrayBuffer, source = 'safetensors data'): string[] {
  return [...parseHeader(asBytes(bytes), source).entries.keys()];
}

/**
 * Reads one tensor of a `.safetensors` file (hand-written reader of the
 * Hugging Face format: an 8-byte little-endian header length, a JSON header,
 * little-endian data).
 *
 * dtypes F64 F32 F16 BF16 I64 I32 I16 I8 U64 U32 U16 U8 BOOL; F16/BF16 stay as
 * bits (`'float16'` / `'bfloat16'`). Without `name` the file must hold exactly
 * one tensor, else `BAD_FILE` listing the names. `BAD_FILE` for a header
 * length beyond the file, a header that is not JSON, offsets outside the data
 * or disagreeing with the shape (checked before allocating); `DTYPE` for
 * other dtypes (F8_*, C64 ...). O(tensor bytes).
 *
 * @example
 * readSafetensors(fs.readFileSync('head.safetensors'), 'lm_head.weight').dtype // 'bfloat16'
 */
export function readSafetensors(bytes: Uint8Array | ArrayBuffer, name?: string, source = 'safetensors data'): NDArray {
  const b = asBytes(bytes);
  const { entries, dataStart } = parseHeader(b, source);
  const names = [...entries.keys()];
  let pick = name;
  if (pick === undefined || pick === '') {
    if (names.length !== 1) throw badFile(`${source}: holds ${names.length} tensors (${names.map((n) => printable(n)).join(', ') || 'none'}); pick one with ${source}:NAME`);
    pick = names[0]!;
  }
  const e = entries.get(pick);
  if (e === undefined) throw badFile(`${source}: no tensor named '${printable(pick)}' (it holds: ${names.map((n) => printable(n)).join(', ') || 'nothing'})`);
  const n = (e.end - e.begin) / STORAGE[e.dtype].BYTES_PER_ELEMENT;
  const data = decodeStorage(b, dataStart + e.begin, n, e.dtype, true);
  return new StridedArray(e.dtype, data, e.shape, contiguousStrides(e.shape), 0);
}

/**
 * Writes tensors as a `.safetensors` file (header padded with spaces to a
 * multiple of 8 bytes, tensors in the given order, C-order little-endian data).
 * Every dtype has a safetensors name (bfloat16 → BF16). `metadata` must map
 * strings to strings. `INVALID_ARGUMENT` for an empty name or `__metadata__`.
 *
 * @example
 * fs.writeFileSync('x.safetensors', writeSafetensors({ logits }));
 */
export function writeSafetensors(tensors: Record<string, ArrayInput>, metadata?: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = {};
  if (metadata !== undefined) header['__metadata__'] = metadata;
  const bodies: Uint8Array[] = [];
  let offset = 0;
  for (const [k, v] of Object.entries(tensors)) {
    if (k === '' || k === '__metadata__') throw invalidArgument(`writeSafetensors: tensor name ${JSON.stringify(k)} is reserved or empty`);
    const a = toNDArray(v, k);
    const body = littleEndianBytes(contiguousStorage(a));
    header[k] = { dtype: TO_ST[a.dtype], shape: a.shape, data_offsets: [offset, offset + body.length] };
    bodies.push(body);
    offset += body.length;
  }
  let json = JSON.stringify(header);
  const enc = new TextEncoder();
  let hb = enc.encode(json);
  if (hb.length % 8 !== 0) { json += ' '.repeat(8 - (hb.length % 8)); hb = enc.encode(json); }
  const out = new Uint8Array(8 + hb.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(hb.length), true);
  out.set(hb, 8);
  let o = 8 + hb.length;
  for (const b of bodies) { out.set(b, o); o += b.length; }
  return out;
}
