/**
 * @module `unauthorized`: the key is missing, malformed, unknown or revoked (401).
 */
import { ApiError } from './api-error.js';

/**
 * The API key was not accepted. Check the `key` given to `createClient`.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isAuthenticationError(error)) console.error('Frontdesk key rejected', error.requestId);
 * }
 * ```
 */
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError' as const;
}
