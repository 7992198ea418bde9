/**
 * @module `idempotency_conflict`: the idempotency key was used before with another body (409).
 */
import { ApiError } from './api-error.js';

/**
 * The same `Idempotency-Key` was sent earlier with a different request body. Use a fresh key for a
 * different request.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isIdempotencyConflictError(error)) idempotencyKey = crypto.randomUUID();
 * }
 * ```
 */
export class IdempotencyConflictError extends ApiError {
  override name = 'IdempotencyConflictError' as const;
}
