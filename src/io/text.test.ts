import { describe, expect, it } from 'vitest';
import { readCsv, readJsonArray, writeCsv, writeJsonArray } from './text.js';
import { ndarray, toNested } from '../core/index.js';
import { errorOf } from './fixtures.spec.js';
import fc from 'fast-check';

describe('readJsonArray(text)', () => {
  it('readJsonArray("[[1, 2.5], [-3e2, 4]]") gives a float64 [2, 2] array', () => {
    const a = readJsonArray('[[1, 2.5], [-3e2, 4]]');
    expect(a.dtype).toBe('float64');
    expect(a.shape).toEqual([2, 2]);
    expect(toNested(a)).toEqual([[1, 2.5], [-300, 4]]);
  });

  it('readJsonArray reads Python json tokens NaN, Infinity, -Infinity', () => {
    expect(toNested(readJsonArray('[NaN, Infinity, -Infinity]'))).toEqual([NaN, Infinity, -Infinity]);
  });

  it('readJsonArray reads booleans as bool, a scalar as 0-d, [] and [[],[]] as empty shapes', () => {
    expect(readJsonArray('[[true, false]]').dtype).toBe('bool');
    expect(readJsonArray(' 3.5 ').shape).toEqual([]);
    expect(readJsonArray('[]').shape).toEqual([0]);
    expect(readJsonArray('[[], []]').shape).toEqual([2, 0]);
  });

  it('readJsonArray(bytes) decodes UTF-8 bytes', () => {
    expect(toNested(readJsonArray(new TextEncoder().encode('[1,2]')))).toEqual([1, 2]);
  });

  const bad: [string, string, RegExp][] = [
    ['ragged rows', '[[1, 2], [3]]', /ragged array: a row of length 1 at depth 1, expected 2/],
    ['a scalar where a row was', '[[1, 2], 3]', /ragged/],
    ['a row where a scalar was', '[1, [2]]', /ragged/],
    ['a string', '[1, "2"]', /expected a number, true\/false or '\[', got "\\"2\\""/],
    ['null', '[1, null]', /got "null"/],
    ['nan in lower case', '[nan]', /got "nan"/],
    ['an object', '{"a": 1}', /expected a number/],
    ['mixed bools and numbers', '[1, true]', /mixes numbers and booleans/],
    ['a trailing comma', '[1, 2,]', /trailing ','/],
    ['text after the array', '[1] [2]', /unexpected text/],
    ['an unclosed array', '[[1, 2]', /unexpected end/],
    ['an empty file', '   ', /empty file/],
    ['nesting 100 000 deep', '['.repeat(100000), /more than 32 levels/],
  ];
  it.each(bad.map(([what, text, re]) => ({ what, text, re })))('readJsonArray($what) throws BAD_FILE naming the file and position', ({ text, re }) => {
    const e = errorOf(() => readJsonArray(text, 'x.json'));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toMatch(/^x\.json: /);
    expect(e.message).toMatch(re);
  });

  it('readJsonArray(invalid UTF-8 bytes) throws BAD_FILE', () => {
    expect(errorOf(() => readJsonArray(new Uint8Array([0x5b, 0xff, 0x5d]), 'x.json')).message).toBe('x.json: not UTF-8 text');
  });

  it('writeJsonArray round-trips through readJsonArray incl. non-finite values and int64', () => {
    const x = [[1.5, NaN], [-Infinity, Infinity]];
    expect(writeJsonArray(x)).toBe('[[1.5,NaN],[-Infinity,Infinity]]');
    expect(toNested(readJsonArray(writeJsonArray(x)))).toEqual(x);
    expect(writeJsonArray(ndarray(new BigInt64Array([9007199254740993n])))).toBe('[9007199254740993]');
    expect(writeJsonArray(ndarray(true))).toBe('true');
    expect(writeJsonArray(ndarray(new Uint16Array([0x3c00]), { dtype: 'float16' }))).toBe('[1]');
  });

  it('writeJsonArray(float32) writes the shortest decimal that reads back to the same float32', () => {
    const x = Float32Array.from([2.4, 0.1, -1e-8, 3.4028234663852886e38, 1 / 3, -0]);
    const text = writeJsonArray(x);
    expect(text).toBe('[2.4,0.1,-1e-8,3.4028235e+38,0.33333334,-0]');
    expect(Float32Array.from(toNested(readJsonArray(text)) as number[])).toEqual(x);
    fc.assert(fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (v) => {
      const back = toNested(readJsonArray(writeJsonArray(Float32Array.of(v)))) as number[];
      expect(Object.is(Math.fround(back[0]!), Math.fround(v))).toBe(true);
    }));
  });
});

describe('readCsv(text)', () => {
  it('readCsv("a,b\\n1,2\\n3,4") skips the header row', () => {
    const a = readCsv('a,b\n1,2\n3,4\n');
    expect(a.shape).toEqual([2, 2]);
    expect(toNested(a)).toEqual([[1, 2], [3, 4]]);
  });

  it('readCsv without a header, CRLF, blank lines and spaces', () => {
    expect(toNested(readCsv('1, 2\r\n\r\n 3 ,4\r\n'))).toEqual([[1, 2], [3, 4]]);
  });

  it('readCsv(one column) gives a 1-D array like np.loadtxt', () => {
    expect(readCsv('label\n0\n2\n1\n').shape).toEqual([3]);
  });

  it('readCsv reads nan, inf, -inf, exponents, tab and ; separators', () => {
    expect(toNested(readCsv('nan,inf,-inf,1e-3'))).toEqual([[NaN, Infinity, -Infinity, 0.001]]);
    expect(toNested(readCsv('1\t2\n3\t4'))).toEqual([[1, 2], [3, 4]]);
    expect(toNested(readCsv('1;2\n3;4'))).toEqual([[1, 2], [3, 4]]);
  });

  const bad: [string, string, RegExp][] = [
    ['a non-numeric cell', 'a,b\n1,2\n3,x\n', /line 3, column 2: "x" is not a number/],
    ['an empty cell', '1,2\n3,\n', /line 2, column 2: "" is not a number/],
    ['ragged rows', '1,2\n3\n', /line 2 has 1 cells, expected 2/],
    ['no data rows', 'a,b\n', /no data rows/],
    ['an empty file', '', /no data rows/],
    ['hex numbers', '1\n0x10\n', /line 2, column 1: "0x10" is not a number/],
  ];
  it.each(bad.map(([what, text, re]) => ({ what, text, re })))('readCsv($what) throws BAD_FILE naming the file', ({ text, re }) => {
    const e = errorOf(() => readCsv(text, 'x.csv'));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toMatch(/^x\.csv: /);
    expect(e.message).toMatch(re);
  });

  it('writeCsv round-trips through readCsv', () => {
    const x = [[1, NaN], [-Infinity, 2.5]];
    expect(toNested(readCsv(writeCsv(x)))).toEqual(x);
    expect(writeCsv([1, 2])).toBe('1\n2\n');
  });
});
