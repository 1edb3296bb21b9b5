import { StridedArray, contiguousStrides, type NDArray } from '../core/StridedArray.js';
import { decodeBfloat16, decodeFloat16 } from '../core/float16.js';
import { toNDArray, forEachOffset, type ArrayInput } from '../core/ndarray.js';
import { badFile } from '../errors/messages.js';
import { asBytes } from './bytes.js';

const MAX_NDIM = 32;

function decodeText(input: string | Uint8Array | ArrayBuffer, source: string): string {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(asBytes(input));
  } catch {
    throw badFile(`${source}: not UTF-8 text`);
  }
}

/** Where character `i` is, as "line L, column C". */
function where(text: string, i: number): string {
  let line = 1, col = 1;
  for (let k = 0; k < i && k < text.length; k++) { if (text.charCodeAt(k) === 10) { line++; col = 1; } else col++; }
  return `line ${line}, column ${col}`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Reads a JSON array file: nested arrays of numbers (→ float64) or of
 * booleans (→ bool), rectangular, or a single number (→ 0-d).
 *
 * Python's `json.dump` tokens `NaN`, `Infinity` and `-Infinity` are accepted
 * (logits often hold `-inf` for masked tokens). A hand-written iterative
 * parser: deep nesting cannot overflow the stack (more than 32 levels is
 * refused). `BAD_FILE` (naming `source`, line and column) for anything else:
 * strings, `null`, objects, ragged rows, mixed numbers and booleans, syntax
 * errors, an empty file. O(text length).
 *
 * @example
 * readJsonArray('[[1, 2], [3, -Infinity]]').shape // [2, 2]
 */
export function readJsonArray(input: string | Uint8Array | ArrayBuffer, source = 'json data'): NDArray {
  const text = decodeText(input, source);
  const fail = (i: number, msg: string) => badFile(`${source}: ${msg} at ${where(text, i)}`);
  let i = 0;
  const n = text.length;
  const skip = (): void => { while (i < n) { const c = text.charCodeAt(i); if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++; else break; } };
  const shape: number[] = [];
  let shapeKnown = false; // true once the first leaf fixed the depth
  const counts: number[] = [];
  const nums: number[] = [];
  let kind: 'number' | 'bool' | undefined;
  let depth = 0;
  skip();
  if (i >= n) throw badFile(`${source}: empty file, expected a JSON array`);
  const leaf = (v: number, k: 'number' | 'bool', at: number): void => {
    if (kind === undefined) kind = k;
    else if (kind !== k) throw fail(at, 'mixes numbers and booleans');
    if (!shapeKnown) { shapeKnown = true; shape.length = depth; }
    else if (depth !== shape.length) throw fail(at, `ragged array: a scalar at depth ${depth}, expected depth ${shape.length}`);
    nums.push(v);
  };
  for (;;) {
    skip();
    const at = i;
    const c = text[i];
    if (c === '[') {
      if (shapeKnown && depth >= shape.length) throw fail(at, `ragged array: an array at depth ${depth}, expected a scalar`);
      if (depth >= MAX_NDIM) throw fail(at, `more than ${MAX_NDIM} levels of nesting`);
      if (counts.length > 0) counts[counts.length - 1]!++;
      counts.push(0);
      depth++;
      i++;
      skip();
      if (text[i] === ']') { /* empty array: handled by the close branch below */ } else continue;
    } else if (c === undefined) {
      throw fail(at, 'unexpected end of file');
    } else if (c !== ']') {
      if (depth > 0) counts[counts.length - 1]!++;
      let v: number, k: 'number' | 'bool' = 'number';
      if (text.startsWith('NaN', i)) { v = NaN; i += 3; }
      else if (text.startsWith('Infinity', i)) { v = Infinity; i += 8; }
      else if (text.startsWith('-Infinity', i)) { v = -Infinity; i += 9; }
      else if (text.startsWith('true', i)) { v = 1; k = 'bool'; i += 4; }
      else if (text.startsWith('false', i)) { v = 0; k = 'bool'; i += 5; }
      else {
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text);
        if (m === null) {
          const tok = text.slice(i, i + 12).split(/[\s,\]]/)[0];
          throw fail(at, `expected a number, true/false or '[', got ${JSON.stringify(tok)}`);
        }
        v = Number(m[0]);
        i += m[0].length;
      }
      leaf(v, k, at);
      if (depth === 0) { skip(); if (i < n) throw fail(i, 'unexpected text after the value'); break; }
    }
    // after a value or an opened-empty array: expect ',' or ']'
    for (;;) {
      skip();
      const d = text[i];
      if (d === ',') { if (depth === 0) throw fail(i, "unexpected ','"); i++; skip(); if (text[i] === ']') throw fail(i, "trailing ','"); break; }
      if (d === ']') {
        if (depth === 0) throw fail(i, "unexpected ']'");
        const len = counts.pop()!;
        const axis = depth - 1;
        if (!shapeKnown && len === 0) { shapeKnown = true; shape.length = depth; shape[axis] = 0; }
        if (shape[axis] === undefined) shape[axis] = len;
        else if (shape[axis] !== len) throw fail(i, `ragged array: a row of length ${len} at depth ${axis}, expected ${shape[axis]}`);
        if (len === 0 && axis !== shape.length - 1) throw fail(i, 'ragged array: an empty row where rows hold arrays');
        depth--;
        i++;
        if (depth === 0) { skip(); if (i < n) throw fail(i, 'unexpected text after the array'); return finish(); }
        continue;
      }
      if (d === undefined) throw fail(i, 'unexpected end of file');
      throw fail(i, `expected ',' or ']', got ${JSON.stringify(d)}`);
    }
  }
  return finish();

  function finish(): NDArray {
    for (let k = 0; k < shape.length; k++) if (shape[k] === undefined) shape[k] = 0;
    const dtype = kind === 'bool' ? 'bool' : 'float64';
    const data = dtype === 'bool' ? Uint8Array.from(nums) : Float64Array.from(nums);
    return new StridedArray(dtype, data, shape, contiguousStrides(shape), 0);
  }
}

function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return String(v);
}

/**
 * The shortest decimal that reads back as the same float32 (what NumPy prints
 * for a float32: 2.4, not 2.4000000953674316). Non-finite values as Python's
 * json writes them.
 */
export function formatFloat32(v: number): string {
  if (!Number.isFinite(v)) return formatNumber(v);
  if (Object.is(v, -0)) return '-0';
  for (let p = 1; p < 9; p++) {
    const s = v.toPrecision(p);
    if (Math.fround(Number(s)) === v) return String(Number(s));
  }
  return String(v);
}

function scalarReader(a: NDArray): (o: number) => string {
  const d = a.data as unknown as ArrayLike<number | bigint>;
  switch (a.dtype) {
    case 'float16': return (o) => formatFloat32(decodeFloat16(d[o] as number));
    case 'bfloat16': return (o) => formatFloat32(decodeBfloat16(d[o] as number));
    case 'bool': return (o) => ((d[o] as number) !== 0 ? 'true' : 'false');
    case 'int64': case 'uint64': return (o) => String(d[o]);
    case 'float32': return (o) => formatFloat32(d[o] as number);
    default: return (o) => formatNumber(d[o] as number);
  }
}

/**
 * Writes an array as JSON nested arrays (a 0-d array as a bare number).
 * Non-finite floats are written as Python's `json` writes them (`NaN`,
 * `Infinity`, `-Infinity`), so `json.load` and {@link readJsonArray} read
 * them back; int64 is written as exact integers; float32/float16/bfloat16 as
 * the shortest decimal that reads back to the same float32 (`2.4`, not
 * `2.4000000953674316`). O(n).
 *
 * @example
 * writeJsonArray([[1, 2], [3, 4]]) // '[[1,2],[3,4]]'
 */
export function writeJsonArray(array: ArrayInput): string {
  const a = toNDArray(array, 'array');
  const read = scalarReader(a);
  const parts: string[] = [];
  const build = (depth: number, base: number): void => {
    if (depth === a.ndim) { parts.push(read(base)); return; }
    parts.push('[');
    const len = a.shape[depth]!, s = a.strides[depth]!;
    for (let i = 0; i < len; i++) { if (i > 0) parts.push(','); build(depth + 1, base + i * s); }
    parts.push(']');
  };
  build(0, a.offset);
  return parts.join('');
}

const CSV_NUMBER = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|nan|NaN|inf|Inf|infinity|Infinity)$/;

function csvNumber(s: string): number | undefined {
  if (!CSV_NUMBER.test(s)) return undefined;
  const lower = s.toLowerCase().replace(/^\+/, '');
  if (lower === 'nan' || lower === '-nan') return NaN;
  if (lower === 'inf' || lower === 'infinity') return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  return Number(s);
}

/**
 * Reads a numeric CSV file into a float64 array: rows × columns, or 1-D when
 * there is a single column (like `np.loadtxt`). Separator `,` (a `;` or tab
 * separated file works too when it has no comma); cells are trimmed; `nan`,
 * `inf`, `-inf` accepted. The first row is a header (skipped) when any of its
 * cells is not a number; blank lines are skipped.
 *
 * `BAD_FILE` naming `source`, the line and column for a non-numeric or empty
 * cell, rows of different lengths, or no data rows. O(text length).
 *
 * @example
 * readCsv('a,b\n1,2\n3,4').shape // [2, 2]
 */
export function readCsv(input: string | Uint8Array | ArrayBuffer, source = 'csv data'): NDArray {
  const text = decodeText(input, source).replace(/^\ufeff/, '');
  const lines = text.split(/\r?\n/);
  const sep = text.includes(',') ? ',' : text.includes(';') ? ';' : text.includes('\t') ? '\t' : ',';
  const nums: number[] = [];
  let cols = -1, rows = 0, first = true;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    if (line.trim() === '') continue;
    const cells = line.split(sep).map((c) => c.trim());
    const values = cells.map(csvNumber);
    if (first) {
      first = false;
      if (values.some((v) => v === undefined)) { cols = cells.length; continue; } // header row
    }
    if (cols === -1) cols = cells.length;
    if (cells.length !== cols) throw badFile(`${source}: line ${li + 1} has ${cells.length} cells, expected ${cols}`);
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      if (v === undefined) throw badFile(`${source}: line ${li + 1}, column ${c + 1}: ${JSON.stringify(cells[c]!.slice(0, 40))} is not a number`);
      nums.push(v);
    }
    rows++;
  }
  if (rows === 0) throw badFile(`${source}: no data rows`);
  const shape = cols === 1 ? [rows] : [rows, cols];
  return new StridedArray('float64', Float64Array.from(nums), shape, contiguousStrides(shape), 0);
}

/**
 * Writes a 0-d, 1-D (one value per line) or 2-D array as CSV without a header.
 * `INVALID_ARGUMENT`-free: higher ranks are flattened to rows over the last axis.
 */
export function writeCsv(array: ArrayInput): string {
  const a = toNDArray(array, 'array');
  const read = scalarReader(a);
  const width = a.ndim <= 1 ? 1 : a.shape[a.ndim - 1]!;
  const cells: string[] = [];
  forEachOffset(a, (o) => { cells.push(read(o).replace('Infinity', 'inf').replace('NaN', 'nan')); });
  const out: string[] = [];
  for (let i = 0; i < cells.length; i += width) out.push(cells.slice(i, i + width).join(','));
  return out.length ? `${out.join('\n')}\n` : '';
}
