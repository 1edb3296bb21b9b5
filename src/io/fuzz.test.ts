import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readArray } from './readArray.js';
import { LogitkitError } from '../errors/LogitkitError.js';
import { fixture } from './fixtures.spec.js';

/** Runs a reader; only success or a LogitkitError with a one-line message naming the file is allowed. */
function onlyLogitkitErrors(bytes: Uint8Array, name: string, member?: string): void {
  try {
    readArray(bytes, name, member);
  } catch (e) {
    if (!(e instanceof LogitkitError)) throw new Error(`${name}: non-LogitkitError ${String(e)}`);
    expect(e.message.includes('\n')).toBe(false);
    expect(e.message.startsWith(name)).toBe(true);
  }
}

const seeds: [string, string, string?][] = [
  ['f8.npy', 'a.npy'], ['be_i8.npy', 'a.npy'], ['fortran_be_i4_3d.npy', 'a.npy'], ['v3.npy', 'a.npy'],
  ['multi.npz', 'a.npz', 'logits'], ['single_compressed.npz', 'a.npz'],
  ['all.safetensors', 'a.safetensors', 'bf16'], ['one.safetensors', 'a.safetensors'],
];
const mutation = fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 });

describe('readers under fuzzing only throw LogitkitErrors', () => {
  it.each(seeds.map(([file, name, member]) => ({ file, name, member })))('readArray(mutated $file) succeeds or throws a LogitkitError', ({ file, name, member }) => {
    const base = fixture(file);
    fc.assert(fc.property(mutation, fc.nat(), (muts, cut) => {
      const b = Uint8Array.from(base);
      for (const { at, value } of muts) b[at % b.length] = value;
      onlyLogitkitErrors(b, name, member);
      onlyLogitkitErrors(b.subarray(0, cut % (b.length + 1)), name, member);
    }), { numRuns: 150 });
  });

  it.each(['a.npy', 'a.npz', 'a.safetensors', 'a.json', 'a.csv'])('readArray(random bytes, %s) succeeds or throws a LogitkitError', (name) => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => onlyLogitkitErrors(b, name)), { numRuns: 200 });
  });

  it('readArray(random JSON-ish text) succeeds or throws a LogitkitError', () => {
    const tok = fc.constantFrom('[', ']', ',', '1', '-2.5e3', 'NaN', 'true', ' ', '"', 'null', '{', '-Infinity');
    fc.assert(fc.property(fc.array(tok, { maxLength: 40 }), (ts) => onlyLogitkitErrors(new TextEncoder().encode(ts.join('')), 'a.json')), { numRuns: 300 });
  });

  it('readArray(random CSV-ish text) succeeds or throws a LogitkitError', () => {
    const tok = fc.constantFrom('1', ',', '\n', 'x', ' ', 'nan', '-', '2.5', '\r\n', ';');
    fc.assert(fc.property(fc.array(tok, { maxLength: 40 }), (ts) => onlyLogitkitErrors(new TextEncoder().encode(ts.join('')), 'a.csv')), { numRuns: 300 });
  });

  it('readArray(mutated npy header text) succeeds or throws a LogitkitError', () => {
    const base = fixture('f4.npy');
    const chars = fc.constantFrom(...'{}()[],:\'"<>|0123456789fiuTrueFalse -'.split(''));
    fc.assert(fc.property(fc.array(fc.record({ at: fc.integer({ min: 10, max: 70 }), c: chars }), { minLength: 1, maxLength: 8 }), (muts) => {
      const b = Uint8Array.from(base);
      for (const { at, c } of muts) b[at] = c.charCodeAt(0);
      onlyLogitkitErrors(b, 'a.npy');
    }), { numRuns: 300 });
  });
});
