export { LogitkitError } from './LogitkitError.js';
export type { LogitkitErrorCode } from './LogitkitError.js';
