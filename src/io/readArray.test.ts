import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeArray, formatOf, readArray, splitArraySpec } from './readArray.js';
import { loadArray, saveArray } from './node.js';
import { toNested } from '../core/index.js';
import { errorOf, fixture, FIXTURES, manifest, dec } from './fixtures.spec.js';

describe('readArray(bytes, fileName, member) / loadArray(spec)', () => {
  it('splitArraySpec("run.npz:logits") splits off the member; Windows paths stay whole', () => {
    expect(splitArraySpec('run.npz:logits')).toEqual({ file: 'run.npz', member: 'logits' });
    expect(splitArraySpec('w.safetensors:lm_head.weight')).toEqual({ file: 'w.safetensors', member: 'lm_head.weight' });
    expect(splitArraySpec('C:\\data\\x.npy')).toEqual({ file: 'C:\\data\\x.npy' });
    expect(splitArraySpec('run.npz:')).toEqual({ file: 'run.npz' });
  });

  it('formatOf picks the reader by extension, case-insensitively', () => {
    expect(formatOf('A.NPY')).toBe('npy');
    expect(formatOf('x.txt')).toBeUndefined();
  });

  it('loadArray reads every format from disk', () => {
    expect(toNested(loadArray(join(FIXTURES, 'logits.npy')))).toEqual(dec(manifest['logits.npy']!['values']));
    expect(toNested(loadArray(`${join(FIXTURES, 'multi.npz')}:logits`))).toEqual(dec(manifest['logits.npy']!['values']));
    expect(toNested(loadArray(join(FIXTURES, 'one.safetensors')))).toEqual(dec(manifest['logits.npy']!['values']));
  });

  it('loadArray(missing file / directory) throws a one-line BAD_FILE', () => {
    const e = errorOf(() => loadArray('/nonexistent/x.npy'));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toBe('/nonexistent/x.npy: no such file');
    expect(errorOf(() => loadArray(FIXTURES)).message).toMatch(/is a directory/);
  });

  it('readArray(bytes, "x.txt") and a member on a .npy throw BAD_FILE', () => {
    expect(errorOf(() => readArray(fixture('f8.npy'), 'x.txt')).message).toMatch(/unknown array file type/);
    expect(errorOf(() => readArray(fixture('f8.npy'), 'x.npy', 'a')).message).toMatch(/only \.npz and \.safetensors/);
  });

  it('saveArray writes by extension and loadArray reads it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lk-io-'));
    const x = [[1, 2, 3], [4, 5, 6]];
    for (const ext of ['npy', 'json', 'csv', 'npz', 'safetensors']) {
      const p = join(dir, `x.${ext}`);
      saveArray(p, x);
      expect(toNested(loadArray(p))).toEqual(x);
    }
    expect(errorOf(() => saveArray(join(dir, 'x.txt'), x)).code).toBe('INVALID_ARGUMENT');
    expect(errorOf(() => saveArray(join(dir, 'no', 'such', 'x.npy'), x)).message).toMatch(/cannot write \(no such directory\)/);
    mkdirSync(join(dir, 'd.npy'));
    expect(errorOf(() => saveArray(join(dir, 'd.npy'), x)).code).toBe('BAD_FILE');
    writeFileSync(join(dir, 'y.json'), encodeArray([1, 2], 'y.json'));
    expect(readFileSync(join(dir, 'y.json'), 'utf8')).toBe('[1,2]\n');
  });
});
