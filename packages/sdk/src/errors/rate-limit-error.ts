/**
 * @module `rate_limited`: too many requests (429); says how long to wait.
 */

import { parseRetryAfter } from '../http/retry-after.js';
import type { Problem } from '../types.js';
import { ApiError } from './api-error.js';

/**
 * Too many requests from this key (and, for a publishable key, this address). The SDK already
 * retried within its limits; when this surfaces, wait `retryAfter` seconds before trying again.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isRateLimitError(error)) setTimeout(retry, (error.retryAfter ?? 1) * 1000);
 * }
 * ```
 */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError' as const;
  /** Seconds to wait before the next attempt, when the API said so. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, headers?: Headers) {
    super(problem, headers);
    const header = headers?.get('retry-after');
    const ms = header ? parseRetryAfter(header) : undefined;
    this.retryAfter = problem.retryAfter ?? (ms === undefined ? undefined : Math.ceil(ms / 1000));
  }
}
