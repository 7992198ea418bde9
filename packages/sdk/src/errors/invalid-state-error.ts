/**
 * @module `invalid_state`: the thing is not in a state that allows this (409).
 */
import { ApiError } from './api-error.js';

/**
 * The call does not fit the current state, e.g. cancelling a cancelled booking or confirming one that
 * is not pending.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isInvalidStateError(error)) await reload();
 * }
 * ```
 */
export class InvalidStateError extends ApiError {
  override name = 'InvalidStateError' as const;
}
