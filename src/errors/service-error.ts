// The one error type operations throw. It carries a catalogued code and a message safe to show the caller;
// anything else that escapes an operation is an internal failure whose details stay in the server log.
import { ERROR_CATALOGUE, type ErrorCode, type Fault } from './catalogue.js';

export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fault: Fault;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.fault = ERROR_CATALOGUE[code].fault;
  }
}

export const internalFailure = (): ServiceError =>
  new ServiceError('InternalFailure', 'An internal error occurred. Retry the request; if it persists, give the operator the request id.');

/** Any thrown value as a ServiceError: known ones pass through, the rest become InternalFailure. */
export function asServiceError(err: unknown): ServiceError {
  return err instanceof ServiceError ? err : internalFailure();
}
