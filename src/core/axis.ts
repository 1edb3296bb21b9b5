import { StridedArray, type NDArray } from './StridedArray.js';
import { axisOutOfBounds, describe, invalidArgument } from '../errors/messages.js';

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

/**
 * Resolves an optional `axis` option for an op that works along one axis
 * (softmax, topk, argsort ...): the default is `dflt` (-1); a 0-d input is
 * viewed as shape [1] and accepts axis 0 or -1, like NumPy. Returns the view
 * to iterate and the normalized axis. Errors name `fn`: a non-number,
 * non-string axis → INVALID_ARGUMENT; out of range → AXIS_OUT_OF_BOUNDS.
 */
export function resolveAxisView(fn: string, a: NDArray, axisOpt: unknown, dflt = -1): { view: NDArray; axis: number } {
  if (axisOpt !== undefined && typeof axisOpt !== 'number' && typeof axisOpt !== 'string') {
    throw invalidArgument(`${fn}: axis must be an integer or an axis name, got ${describe(axisOpt)}`);
  }
  const axisIn = (axisOpt ?? dflt) as number | string;
  if (a.ndim === 0) {
    if (axisIn !== 0 && axisIn !== -1) {
      if (typeof axisIn === 'number' && Number.isInteger(axisIn)) throw axisOutOfBounds(axisIn, 0);
      throw invalidArgument(`${fn}: axis must be 0 or -1 for a 0-d array, got ${describe(axisIn)}`);
    }
    return { view: new StridedArray(a.dtype, a.data, [1], [1], a.offset), axis: 0 };
  }
  return { view: a, axis: normalizeAxis(axisIn, a) };
}
