import { InvalidArgumentError } from 'commander';

/** A commander argument parser for an integer option. */
export function intArg(name: string, min = -Infinity): (v: string) => number {
  return (v) => {
    if (!/^[+-]?\d+$/.test(v.trim())) throw new InvalidArgumentError(`${name} must be an integer, got '${v}'.`);
    const n = Number(v);
    if (n < min) throw new InvalidArgumentError(`${name} must be >= ${min}, got ${n}.`);
    return n;
  };
}

/** A commander argument parser for a number option. */
export function numArg(name: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (v.trim() === '' || Number.isNaN(n)) throw new InvalidArgumentError(`${name} must be a number, got '${v}'.`);
    return n;
  };
}

/** A usage problem found after parsing (e.g. two options that do not go together): exit 2. */
export class UsageError extends Error {}
