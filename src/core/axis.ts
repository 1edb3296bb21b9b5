import type { NDArray } from './StridedArray.js';
import { axisOutOfBounds, invalidArgument } from '../errors/messages.js';

/**
 * Resolves an axis argument to an index in [0, ndim): negative counts from the
 * end, a string is looked up in `a.names`. Out of range → AXIS_OUT_OF_BOUNDS
 * (NumPy's text); a non-integer or unknown name → INVALID_ARGUMENT.
 */
export function normalizeAxis(axis: number | string, a: Pick<NDArray, 'ndim' | 'names'>, argName = 'axis'): number {
  const ndim = a.ndim;
  if (typeof axis === 'string') {
    const i = a.names ? a.names.indexOf(axis) : -1;
    if (i < 0) {
      const known = a.names ? a.names.filter((n) => n !== null).map((n) => JSON.stringify(n)).join(', ') : '';
      throw invalidArgument(`${argName} ${JSON.stringify(axis)} is not an axis name${known ? ` (names: ${known})` : ' (the array has no axis names)'}`);
    }
    return i;
  }
  if (typeof axis !== 'number' || !Number.isInteger(axis)) throw invalidArgument(`${argName} must be an integer or an axis name, got ${String(axis)}`);
  if (axis < -ndim || axis >= ndim) throw axisOutOfBounds(axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}
