/**
 * @module Turns an error answer into the matching {@link ApiError} subclass, by the problem's
 * stable `code` first and the HTTP status second (for answers that are not problem+json, e.g. a
 * proxy's 502 page).
 */
import type { Problem } from '../types.js';
import { ApiError } from './api-error.js';
import { AuthenticationError } from './authentication-error.js';
import { CutoffPassedError } from './cutoff-passed-error.js';
import { IdempotencyConflictError } from './idempotency-conflict-error.js';
import { InsufficientStockError } from './insufficient-stock-error.js';
import { InvalidStateError } from './invalid-state-error.js';
import { NotFoundError } from './not-found-error.js';
import { PermissionError } from './permission-error.js';
import { RateLimitError } from './rate-limit-error.js';
import { SlotUnavailableError } from './slot-unavailable-error.js';
import { ValidationError } from './validation-error.js';

type ApiErrorClass = new (problem: Problem, headers?: Headers) => ApiError;

const byCode: Record<string, ApiErrorClass> = {
  validation_failed: ValidationError,
  slot_unavailable: SlotUnavailableError,
  insufficient_stock: InsufficientStockError,
  unauthorized: AuthenticationError,
  forbidden: PermissionError,
  not_found: NotFoundError,
  rate_limited: RateLimitError,
  idempotency_conflict: IdempotencyConflictError,
  invalid_state: InvalidStateError,
  cutoff_passed: CutoffPassedError,
};

const codeByStatus: Record<number, string> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  422: 'validation_failed',
  429: 'rate_limited',
};

const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' && body !== null && typeof (body as Problem).code === 'string';

/**
 * Builds the error for a non-2xx answer. Never throws: an unreadable body still yields an error
 * carrying the status and the request id header.
 *
 * @example
 * ```ts
 * if (!response.ok) throw await errorFromResponse(response);
 * ```
 */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  const problem: Problem = isProblem(body)
    ? { ...body, status: body.status ?? response.status }
    : {
        type: 'about:blank',
        title: response.statusText || `HTTP ${response.status}`,
        status: response.status,
        code: codeByStatus[response.status] ?? (response.status >= 500 ? 'internal_error' : 'http_error'),
      };
  const ErrorClass = byCode[problem.code] ?? byCode[codeByStatus[response.status] ?? ''] ?? ApiError;
  return new ErrorClass(problem, response.headers);
}
