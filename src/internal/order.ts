/**
 * The named total orders of logitkit. NaN and tie policies differ per function;
 * they live here so no kernel uses an ad-hoc `>` (STYLE.md). Hot loops may
 * inline these, but must agree with them (tests compare against them).
 *
 * `-0` and `+0` are equal in every order.
 */

/** argmax order: does `a` beat the current best `b`? NaN beats everything (first NaN wins), ties keep `b`. */
export function beatsForArgmax(a: number, b: number): boolean {
  return a > b || (a !== a && b === b);
}

/** argmin order: does `a` beat the current best `b`? NaN beats everything (first NaN wins), ties keep `b`. */
export function beatsForArgmin(a: number, b: number): boolean {
  return a < b || (a !== a && b === b);
}

/** Ascending with NaN last (NumPy sort/argsort/argpartition). Returns <0, 0, >0. */
export function compareAscNanLast(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  const an = a !== a, bn = b !== b;
  return an === bn ? 0 : an ? 1 : -1;
}

/** Descending with NaN first (argsort descending; torch.topk ranks NaN above +Infinity). Returns <0, 0, >0. */
export function compareDescNanFirst(a: number, b: number): number {
  if (a > b) return -1;
  if (a < b) return 1;
  const an = a !== a, bn = b !== b;
  return an === bn ? 0 : an ? -1 : 1;
}

/** BigInt ascending (int64/uint64 compare exactly). */
export function compareBigInt(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * topk order with `largest: true` (torch's NaN policy plus logitkit's tie
 * rule): NaN first, then values descending; equal values (and NaNs among
 * themselves) by lower index first. A total order on (value, index) pairs;
 * select/kernels.ts inlines it as ascending (-value, index) with NaN put aside.
 */
export function compareTopkLargest(a: number, ia: number, b: number, ib: number): number {
  return compareDescNanFirst(a, b) || ia - ib;
}

/** topk order with `largest: false`: values ascending, NaN last, lower index first on ties. */
export function compareTopkSmallest(a: number, ia: number, b: number, ib: number): number {
  return compareAscNanLast(a, b) || ia - ib;
}
