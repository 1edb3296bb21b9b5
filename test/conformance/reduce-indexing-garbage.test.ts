// Bad input never crashes with an unrelated TypeError, never hangs and never
// modifies its input (API.md §2): every arg-reduction and index helper is fed
// garbage arguments; each call either succeeds or throws a LogitkitError.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { argmax, argmin, nanargmax, nanargmin, maxWithIndices, minWithIndices } from '../../src/reduce/index.js';
import { argwhere, flatnonzero, putAlongAxis, ravelMultiIndex, takeAlongAxis, unravelIndex } from '../../src/indexing/index.js';
import { ndarray } from '../../src/core/ndarray.js';
import { LogitkitError } from '../../src/errors/LogitkitError.js';

const garbage = fc.oneof(
  fc.constantFrom(undefined, null, NaN, Infinity, -1, 0, 1.5, 2 ** 40, 'x', '', true, {}, [], [[]], [1, [2]], [[1, 2], [3]],
    new Float32Array(3), new BigInt64Array(2), new Uint16Array(0), { data: new Float32Array(4), dims: [2, 2] },
    { data: new Float32Array(4), dims: [3] }, { data: 'abc', dims: [1] }, { axis: 'nope' }, { axis: 7 }, { keepdims: 1 },
    { out: [] }, { out: ndarray(new Int32Array(1)) }, { ties: 'random' }, { where: 'yes' }, { where: [true] }, { axis: null },
    { mode: 'nah' }, { order: 'Z' }, Symbol('s'), () => 1, 10n),
  fc.array(fc.oneof(fc.double(), fc.boolean(), fc.integer({ min: -5, max: 5 })), { maxLength: 6 }),
);

type AnyFn = (...args: unknown[]) => unknown;
const FUNCS: [string, AnyFn, number][] = [
  ['argmax', argmax as AnyFn, 2], ['argmin', argmin as AnyFn, 2], ['nanargmax', nanargmax as AnyFn, 2], ['nanargmin', nanargmin as AnyFn, 2],
  ['maxWithIndices', maxWithIndices as AnyFn, 2], ['minWithIndices', minWithIndices as AnyFn, 2],
  ['unravelIndex', unravelIndex as AnyFn, 3], ['ravelMultiIndex', ravelMultiIndex as AnyFn, 3],
  ['takeAlongAxis', takeAlongAxis as AnyFn, 3], ['putAlongAxis', putAlongAxis as AnyFn, 4],
  ['flatnonzero', flatnonzero as AnyFn, 1], ['argwhere', argwhere as AnyFn, 1],
];

function snapshot(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : ArrayBuffer.isView(x) ? Array.from(x as unknown as ArrayLike<number>).map(String) : typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
}

describe('garbage in, LogitkitError out', () => {
  for (const [name, fn, arity] of FUNCS) {
    it(`${name}(garbage...) returns or throws a LogitkitError, never a TypeError, and leaves its arguments unchanged`, () => {
      fc.assert(fc.property(fc.array(garbage, { minLength: arity, maxLength: arity }), (args) => {
        const before = args.map(snapshot);
        try { fn(...args); } catch (e) {
          if (!(e instanceof LogitkitError)) throw new Error(`${name}: ${String(e)}`);
        }
        if (name !== 'putAlongAxis') expect(args.map(snapshot)).toEqual(before);
      }), { numRuns: 400 });
    });
  }
});
