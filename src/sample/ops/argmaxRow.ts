import type { NumericTypedArray } from '../../core/dtypes.js';
import { allMasked } from '../../errors/messages.js';
import { kernelsFor } from '../../reduce/dispatch.js';

/**
 * Step 4, greedy rows: the first index of the maximum of `x[o], x[o + st], ...`
 * (V >= 1 values), NaN read as -Infinity (it was mapped at step 1 for processed
 * rows; raw rows are read with the same rule). One pass, no exponentials, no
 * randomness. Throws ALL_MASKED when no value is finite or +Infinity.
 *
 * No private loop: the pass is the shared `nanargmax` lane kernel of
 * src/reduce/dispatch.ts (`kernelsFor`: WASM SIMD for float32/float64 rows of
 * 256+ elements, the JS reference kernels otherwise; `contig` at stride 1,
 * `strided` for any other stride). nanargmax already reads NaN as -Infinity
 * and returns the first index of the maximum (-0 == +0), so it agrees with
 * this step whenever the row has a value above -Infinity. When nothing beats
 * -Infinity it returns 0 (some -Infinity) or -1 (all NaN); both mean the row
 * is fully masked, which `!(x[winner] > -Infinity)` detects.
 */
export function argmaxRow(x: NumericTypedArray, o: number, st: number, V: number, where: string): number {
  const k = kernelsFor('nanargmax', x);
  const j = st === 1 ? k.contig(x, o, V) : k.strided(x, o, st, V);
  if (j < 0 || !(x[o + j * st]! > -Infinity)) throw allMasked(`sample: ${where} has no finite logit left (greedy)`);
  return j;
}
