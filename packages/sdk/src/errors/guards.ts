/**
 * @module Type guards for SDK errors. They check the brand and `name`, not `instanceof`, so they
 * work across realms (iframes, workers) and across duplicate copies of the SDK in one bundle.
 */
import type { ApiError } from './api-error.js';
import type { AuthenticationError } from './authentication-error.js';
import type { CutoffPassedError } from './cutoff-passed-error.js';
import { errorBrand, type FrontdeskError, type FrontdeskErrorName } from './frontdesk-error.js';
import type { IdempotencyConflictError } from './idempotency-conflict-error.js';
import type { InsufficientStockError } from './insufficient-stock-error.js';
import type { InvalidStateError } from './invalid-state-error.js';
import type { NetworkError } from './network-error.js';
import type { NotFoundError } from './not-found-error.js';
import type { PermissionError } from './permission-error.js';
import type { RateLimitError } from './rate-limit-error.js';
import type { SlotUnavailableError } from './slot-unavailable-error.js';
import type { TimeoutError } from './timeout-error.js';
import type { ValidationError } from './validation-error.js';

/**
 * Whether `error` was thrown by the SDK.
 *
 * @example
 * ```ts
 * if (isFrontdeskError(error)) log.warn({ code: error.code, requestId: error.requestId });
 * ```
 */
export function isFrontdeskError(error: unknown): error is FrontdeskError {
  return (
    typeof error === 'object' && error !== null && (error as { [errorBrand]?: unknown })[errorBrand] === true
  );
}

/**
 * Whether `error` is an error answer from the API (any class that has a `status`).
 *
 * @example
 * ```ts
 * if (isApiError(error)) console.error(error.status, error.code, error.problem.detail);
 * ```
 */
export function isApiError(error: unknown): error is ApiError {
  return isFrontdeskError(error) && typeof error.status === 'number';
}

const guard =
  <E extends FrontdeskError>(name: FrontdeskErrorName) =>
  (error: unknown): error is E =>
    isFrontdeskError(error) && error.name === name;

/**
 * Whether the input was rejected (422); see `fieldErrors`.
 *
 * @example
 * ```ts
 * if (isValidationError(error)) showFieldErrors(error.fieldErrors);
 * ```
 */
export const isValidationError = guard<ValidationError>('ValidationError');

/**
 * Whether the slot was taken meanwhile (409 `slot_unavailable`).
 *
 * @example
 * ```ts
 * if (isSlotUnavailableError(error)) await refreshTimes();
 * ```
 */
export const isSlotUnavailableError = guard<SlotUnavailableError>('SlotUnavailableError');

/**
 * Whether there was not enough stock (409 `insufficient_stock`).
 *
 * @example
 * ```ts
 * if (isInsufficientStockError(error)) showMessage('Not enough left in this shop.');
 * ```
 */
export const isInsufficientStockError = guard<InsufficientStockError>('InsufficientStockError');

/**
 * Whether the key was rejected (401).
 *
 * @example
 * ```ts
 * if (isAuthenticationError(error)) console.error('Check FRONTDESK_KEY');
 * ```
 */
export const isAuthenticationError = guard<AuthenticationError>('AuthenticationError');

/**
 * Whether the key may not make this call or not from this origin (403).
 *
 * @example
 * ```ts
 * if (isPermissionError(error)) console.error('This needs a secret key');
 * ```
 */
export const isPermissionError = guard<PermissionError>('PermissionError');

/**
 * Whether nothing with that id (or token) exists for this business (404).
 *
 * @example
 * ```ts
 * if (isNotFoundError(error)) return null;
 * ```
 */
export const isNotFoundError = guard<NotFoundError>('NotFoundError');

/**
 * Whether the API asked to slow down (429); see `retryAfter`.
 *
 * @example
 * ```ts
 * if (isRateLimitError(error)) await sleep((error.retryAfter ?? 1) * 1000);
 * ```
 */
export const isRateLimitError = guard<RateLimitError>('RateLimitError');

/**
 * Whether an idempotency key was reused with another body (409 `idempotency_conflict`).
 *
 * @example
 * ```ts
 * if (isIdempotencyConflictError(error)) key = crypto.randomUUID();
 * ```
 */
export const isIdempotencyConflictError = guard<IdempotencyConflictError>('IdempotencyConflictError');

/**
 * Whether the call does not fit the current state (409 `invalid_state`).
 *
 * @example
 * ```ts
 * if (isInvalidStateError(error)) showMessage('This booking was already cancelled.');
 * ```
 */
export const isInvalidStateError = guard<InvalidStateError>('InvalidStateError');

/**
 * Whether the customer's cancel/reschedule cut-off has passed (409 `cutoff_passed`).
 *
 * @example
 * ```ts
 * if (isCutoffPassedError(error)) showMessage('Please call the shop to change this booking.');
 * ```
 */
export const isCutoffPassedError = guard<CutoffPassedError>('CutoffPassedError');

/**
 * Whether no answer arrived (connection failed or dropped).
 *
 * @example
 * ```ts
 * if (isNetworkError(error)) showBanner('Offline?');
 * ```
 */
export const isNetworkError = guard<NetworkError>('NetworkError');

/**
 * Whether the API did not answer within the client's `timeout`.
 *
 * @example
 * ```ts
 * if (isTimeoutError(error)) showBanner('Still waiting for the shop…');
 * ```
 */
export const isTimeoutError = guard<TimeoutError>('TimeoutError');
