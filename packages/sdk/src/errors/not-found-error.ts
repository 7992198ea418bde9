/**
 * @module `not_found`: no such thing for this key (404).
 */
import { ApiError } from './api-error.js';

/**
 * Nothing with that id belongs to this business, or the manage token does not match.
 *
 * @example
 * ```ts
 * const booking = await client.bookings.get(id, { token }).catch((error) => {
 *   if (isNotFoundError(error)) return null;
 *   throw error;
 * });
 * ```
 */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError' as const;
}
