/**
 * @module No answer within the client's `timeout` (after the SDK's retries).
 */
import { FrontdeskError } from './frontdesk-error.js';

/**
 * The API did not answer within `timeout` milliseconds, on the last attempt.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isTimeoutError(error)) showBanner('The booking service is slow, please try again.');
 * }
 * ```
 */
export class TimeoutError extends FrontdeskError {
  override name = 'TimeoutError' as const;

  constructor(timeout: number, cause?: unknown) {
    super(`No answer within ${timeout} ms`, { code: 'timeout', cause });
  }
}
