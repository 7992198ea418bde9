/**
 * @module No answer arrived: the connection failed or was dropped (after the SDK's retries).
 */
import { FrontdeskError } from './frontdesk-error.js';

/**
 * The request got no answer: DNS, refused or dropped connection, CORS rejection. For a create call
 * carrying an idempotency key, retrying with the same key is safe. `cause` is the underlying error.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isNetworkError(error)) showBanner('You seem to be offline.');
 * }
 * ```
 */
export class NetworkError extends FrontdeskError {
  override name = 'NetworkError' as const;

  constructor(cause: unknown) {
    super(`Network error: ${cause instanceof Error ? cause.message : String(cause)}`, {
      code: 'network_error',
      cause,
    });
  }
}
