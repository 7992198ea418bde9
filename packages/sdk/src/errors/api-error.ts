/**
 * @module An error answer from the API (any problem+json, or any non-2xx status): the base of the
 * per-code classes and the class used for codes that have none of their own.
 */
import type { Problem } from '../types.js';
import { FrontdeskError } from './frontdesk-error.js';

/**
 * Names of {@link ApiError} and its subclasses.
 *
 * @example
 * ```ts
 * const conflicts: ApiErrorName[] = ['SlotUnavailableError', 'InvalidStateError'];
 * ```
 */
export type ApiErrorName =
  | 'ApiError'
  | 'ValidationError'
  | 'SlotUnavailableError'
  | 'InsufficientStockError'
  | 'AuthenticationError'
  | 'PermissionError'
  | 'NotFoundError'
  | 'RateLimitError'
  | 'IdempotencyConflictError'
  | 'InvalidStateError'
  | 'CutoffPassedError';

/**
 * The API answered with an error. `code` is the problem's stable code; `problem` the whole document.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isApiError(error) && error.status >= 500) reportBug(error.requestId);
 * }
 * ```
 */
export class ApiError extends FrontdeskError {
  override name: ApiErrorName = 'ApiError';
  declare readonly status: number;
  declare readonly problem: Problem;

  /** @param headers the answer's headers, for `X-Request-Id` and `Retry-After`. */
  constructor(problem: Problem, headers?: Headers) {
    super(problem.detail ?? problem.title, {
      status: problem.status,
      code: problem.code,
      requestId: problem.requestId ?? headers?.get('x-request-id') ?? undefined,
      problem,
    });
  }
}
