import { LogitkitError } from './LogitkitError.js';

/** One builder per error code, so messages read the same everywhere. */

/** NumPy's text: "axis 2 is out of bounds for array of dimension 2". */
export function axisOutOfBounds(axis: number | string, ndim: number): LogitkitError {
  return new LogitkitError('AXIS_OUT_OF_BOUNDS', `axis ${String(axis)} is out of bounds for array of dimension ${ndim}`);
}

/** NumPy's text: "attempt to get argmax of an empty sequence". */
export function emptyReduction(op: string): LogitkitError {
  return new LogitkitError('EMPTY_REDUCTION', `attempt to get ${op} of an empty sequence`);
}

/** NumPy's text: "All-NaN slice encountered". */
export function allNanSlice(op: string): LogitkitError {
  return new LogitkitError('ALL_NAN_SLICE', `${op}: All-NaN slice encountered`);
}

/** A shape that must agree does not. */
export function shapeMismatch(message: string): LogitkitError {
  return new LogitkitError('SHAPE_MISMATCH', message);
}

/** An unsupported or mismatched dtype. */
export function dtypeError(message: string): LogitkitError {
  return new LogitkitError('DTYPE', message);
}

/** A parameter outside its domain. */
export function invalidArgument(message: string): LogitkitError {
  return new LogitkitError('INVALID_ARGUMENT', message);
}

/** A slice or sampling row with nothing left to choose from. */
export function allMasked(message: string): LogitkitError {
  return new LogitkitError('ALL_MASKED', message);
}

/** A malformed or unsupported input file. */
export function badFile(message: string): LogitkitError {
  return new LogitkitError('BAD_FILE', message);
}

/** Renders a value for an error message without throwing on BigInt or symbols. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name} of length ${(value as unknown as { length: number }).length}`;
  return typeof value === 'object' ? `${(value as object).constructor?.name ?? 'object'}` : typeof value;
}
