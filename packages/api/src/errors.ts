/**
 * @module Typed domain errors. Services and middleware throw these; the one `onError` handler in
 * `middleware/problem.ts` turns them into RFC 9457 problem+json answers.
 */
import type { ErrorCode, FieldError } from '@frontdesk/core';

const titles: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  invalid_json: 'The body is not valid JSON',
  slot_unavailable: 'That time is no longer available',
  insufficient_stock: 'Not enough stock',
  not_found: 'Not found',
  unauthorized: 'Missing or invalid API key',
  forbidden: 'Not allowed with this key',
  rate_limited: 'Too many requests',
  idempotency_conflict: 'Idempotency-Key reused with a different request',
  invalid_state: 'Not possible in the current state',
  cutoff_passed: 'Too late to change this booking',
  payload_too_large: 'The body is too large',
  unsupported_media_type: 'Unsupported content type',
  method_not_allowed: 'Method not allowed',
  internal_error: 'Internal error',
  not_ready: 'Not ready for traffic',
  ambiguous_key: 'More than one key in the request',
};

export interface ApiErrorOptions {
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  retryAfter?: number;
}

/** An error with an HTTP status and a stable wire `code`; safe to show to clients. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly retryAfter: number | undefined;

  constructor(status: number, code: ErrorCode, options: ApiErrorOptions = {}) {
    super(options.detail ?? titles[code]);
    this.status = status;
    this.code = code;
    this.title = titles[code];
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.retryAfter = options.retryAfter;
  }
}

/** Guard that works across module copies (e.g. a test importing src and the CLI importing dist). */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && error.name === 'ApiError' && typeof (error as ApiError).code === 'string';
}

export const notFound = (what: string) => new ApiError(404, 'not_found', { detail: `${what} not found` });
export const validationFailed = (errors: FieldError[], detail?: string) =>
  new ApiError(422, 'validation_failed', { errors, ...(detail ? { detail } : {}) });
export const fieldError = (path: string, message: string, code = 'invalid') =>
  validationFailed([{ path, message, code }], message);
export const slotUnavailable = (detail = 'That start time is not available any more') =>
  new ApiError(409, 'slot_unavailable', { detail });
export const invalidState = (detail: string) => new ApiError(409, 'invalid_state', { detail });
export const forbidden = (detail: string) => new ApiError(403, 'forbidden', { detail });
export const unauthorized = (detail: string) => new ApiError(401, 'unauthorized', { detail });
/** A key in the `Authorization` header and in `?key=`, or `key` twice in the query: 400, never a guess. */
export const ambiguousKey = (detail: string) => new ApiError(400, 'ambiguous_key', { detail });
