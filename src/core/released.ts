import { invalidArgument } from '../errors/messages.js';

/**
 * Arrays whose storage has been given back (see `release`). Every public
 * function converts its inputs through `toNDArray`, which checks this set, so
 * touching a released array throws instead of reading freed memory.
 */
const RELEASED = new WeakSet<object>();

/** Marks an array as released. */
export function markReleased(a: object): void {
  RELEASED.add(a);
}

/** Throws INVALID_ARGUMENT when `a` was released. */
export function assertNotReleased(a: object, name: string): void {
  if (RELEASED.has(a)) throw invalidArgument(`${name} was released and must not be used any more`);
}
