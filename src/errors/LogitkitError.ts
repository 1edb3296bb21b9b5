/**
 * The stable error codes of logitkit (API.md §2). A code never changes meaning
 * between releases; messages may be reworded.
 */
export type LogitkitErrorCode =
  | 'AXIS_OUT_OF_BOUNDS'
  | 'EMPTY_REDUCTION'
  | 'ALL_NAN_SLICE'
  | 'SHAPE_MISMATCH'
  | 'DTYPE'
  | 'INVALID_ARGUMENT'
  | 'ALL_MASKED'
  | 'BAD_FILE';

/**
 * Every error logitkit raises on purpose. `code` is stable and machine
 * readable; `message` names the function or argument, what was expected and
 * what was got.
 *
 * @example
 * try { argmax([]) } catch (e) { if (e instanceof LogitkitError) e.code } // 'EMPTY_REDUCTION'
 */
export class LogitkitError extends Error {
  /** The stable error code (see API.md §2). */
  readonly code: LogitkitErrorCode;

  constructor(code: LogitkitErrorCode, message: string) {
    super(message);
    this.name = 'LogitkitError';
    this.code = code;
  }
}
