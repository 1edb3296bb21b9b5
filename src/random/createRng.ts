import { philox4x32 } from './philox.js';
import { invalidArgument } from '../errors/messages.js';

/**
 * A seeded, counter-based random stream (API.md §6). Every draw is a pure
 * function of (seed, stream, position), so a stream is the same on every
 * platform and release.
 */
export interface Rng {
  /** A uniform float in [0, 1) with 53 random bits. */
  uniform(): number;
  /** An Exp(1) variate: `-ln(u)` with u in (0, 1), so always finite and > 0. */
  exponential(): number;
  /** A standard Gumbel variate: `-ln(-ln(u))` with u in (0, 1). */
  gumbel(): number;
  /** The next raw 32-bit word of the stream. */
  nextUint32(): number;
  /** An independent child stream for `id` (e.g. a request or a row); the parent is not advanced. */
  fork(id: number | bigint): Rng;
}

const TWO32 = 2 ** 32;
const TWO_M53 = 2 ** -53;
const HALF_ULP = 2 ** -54;
const FORK_TWEAK0 = 0x243f6a88;
const FORK_TWEAK1 = 0x85a308d3;

/** Splits a non-negative integer (number < 2^53 or bigint < 2^64) into two uint32 words. */
function splitSeed(seed: number | bigint, what: string): [number, number] {
  if (typeof seed === 'bigint') {
    if (seed < 0n || seed >= 1n << 64n) throw invalidArgument(`${what} must be an integer in [0, 2^64), got ${seed}n`);
    return [Number(seed & 0xffffffffn), Number(seed >> 32n)];
  }
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw invalidArgument(`${what} must be a safe integer >= 0 or a bigint, got ${String(seed)}`);
  }
  return [seed % TWO32 >>> 0, Math.floor(seed / TWO32) >>> 0];
}

/**
 * The Philox4x32-10 stream behind {@link createRng}.
 *
 * Layout (stable across releases):
 * - key = (seed mod 2^32, floor(seed / 2^32)).
 * - block n of stream (s0, s1) is philox4x32_10(ctr = [n mod 2^32, floor(n / 2^32), s0, s1], key);
 *   the root stream is (0, 0). Words are consumed in order 0, 1, 2, 3.
 * - `uniform()` takes two words a, b: `((a >>> 5) * 2^26 + (b >>> 6)) * 2^-53`.
 * - `exponential()` = `-ln(uniform() + 2^-54)`; `gumbel()` = `-ln(exponential())`.
 * - `fork(id)`: child stream (s0', s1') = words 0, 1 of
 *   philox4x32_10([id mod 2^32, floor(id / 2^32), s0, s1], key XOR (0x243f6a88, 0x85a308d3)),
 *   same key, child counter starting at 0.
 */
export class PhiloxRng implements Rng {
  private readonly k0: number;
  private readonly k1: number;
  private readonly s0: number;
  private readonly s1: number;
  private n = 0;
  private readonly block = new Uint32Array(4);
  private used = 4;

  constructor(k0: number, k1: number, s0 = 0, s1 = 0) {
    this.k0 = k0 >>> 0; this.k1 = k1 >>> 0; this.s0 = s0 >>> 0; this.s1 = s1 >>> 0;
  }

  nextUint32(): number {
    if (this.used === 4) {
      const n = this.n++;
      philox4x32([n % TWO32, Math.floor(n / TWO32), this.s0, this.s1], this.k0, this.k1, this.block);
      this.used = 0;
    }
    return this.block[this.used++]!;
  }

  uniform(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) * TWO_M53;
  }

  exponential(): number {
    return -Math.log(this.uniform() + HALF_ULP);
  }

  gumbel(): number {
    return -Math.log(this.exponential());
  }

  fork(id: number | bigint): Rng {
    const [i0, i1] = splitSeed(id, 'fork id');
    const out = new Uint32Array(4);
    philox4x32([i0, i1, this.s0, this.s1], this.k0 ^ FORK_TWEAK0, this.k1 ^ FORK_TWEAK1, out);
    return new PhiloxRng(this.k0, this.k1, out[0]!, out[1]!);
  }
}

let unseededCounter = 0;

/**
 * Creates a seeded Philox4x32-10 random stream (see {@link PhiloxRng} for the
 * exact bit layout). The same seed gives the same stream on every platform and
 * release; seed 0 is a real seed. Without a seed, a fresh random key is drawn
 * from `crypto.getRandomValues` (or Math.random where crypto is missing).
 *
 * @param seed an integer in [0, 2^53) or a bigint in [0, 2^64); else INVALID_ARGUMENT.
 * @example
 * const rng = createRng(42); rng.uniform() // same value on every machine
 */
export function createRng(seed?: number | bigint): Rng {
  if (seed === undefined) {
    const words = new Uint32Array(2);
    const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
    if (c?.getRandomValues) c.getRandomValues(words);
    else { words[0] = Math.floor(Math.random() * TWO32); words[1] = Math.floor(Math.random() * TWO32); }
    return new PhiloxRng(words[0]!, words[1]!, unseededCounter++, 0xffffffff);
  }
  const [k0, k1] = splitSeed(seed, 'seed');
  return new PhiloxRng(k0, k1);
}
