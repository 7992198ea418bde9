/**
 * @module When and how the SDK retries: only requests that are safe to repeat (GETs, and POSTs
 * carrying an `Idempotency-Key`, which the API answers once and then replays), only on failures
 * that a repeat can cure, with exponential backoff and full jitter, honouring `Retry-After`.
 */
import { HTTPError, type RetryOptions as KyRetryOptions, TimeoutError } from 'ky';
import { parseRetryAfter } from './retry-after.js';

/**
 * How the SDK retries. Pass `retry: false` to `createClient` to never retry.
 *
 * @example
 * ```ts
 * createClient({ baseUrl, key, retry: { limit: 4, baseDelay: 200, maxRetryAfter: 30_000 } });
 * ```
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  limit?: number;
  /** Backoff before the first retry in ms; it doubles each retry and is jittered. Default 300. */
  baseDelay?: number;
  /** Longest backoff between attempts in ms. Default 5000. */
  maxDelay?: number;
  /**
   * Longest `Retry-After` the SDK waits for, in ms. When the API asks for longer, the error
   * (e.g. `RateLimitError` with `retryAfter`) is thrown at once instead. Default 10000.
   */
  maxRetryAfter?: number;
  /** Whether an attempt that hits `timeout` is retried. Default true. */
  onTimeout?: boolean;
  /**
   * Called before each retry, e.g. to tell the user "still trying…". `reason` is the HTTP status
   * that caused it, or `network` / `timeout`.
   */
  onRetry?: (retry: RetryEvent) => void;
}

/**
 * What `onRetry` is told.
 *
 * @example
 * ```ts
 * const onRetry = ({ attempt, reason }: RetryEvent) => status.set(`Retrying (${attempt}, ${reason})…`);
 * ```
 */
export interface RetryEvent {
  /** 1 for the first retry. */
  attempt: number;
  reason: number | 'network' | 'timeout';
}

/**
 * Answers that a repeat may cure. Other 4xx are the caller's to fix: repeating cannot help.
 *
 * @example
 * ```ts
 * retryStatusCodes.includes(503); // true
 * ```
 */
export const retryStatusCodes = [408, 429, 500, 502, 503, 504];

/**
 * Why an attempt failed, as `onRetry` reports it.
 *
 * @example
 * ```ts
 * retryReason(new HTTPError(response, request, options)); // 503
 * ```
 */
export const retryReason = (error: unknown): RetryEvent['reason'] =>
  error instanceof HTTPError ? error.response.status : error instanceof TimeoutError ? 'timeout' : 'network';

/**
 * ky retry settings for one request. `retriable` says whether this request may be repeated at all.
 *
 * @example
 * ```ts
 * ky(url, { retry: kyRetryOptions({ limit: 3 }, true, signal) });
 * ```
 */
export function kyRetryOptions(
  options: RetryOptions | false | undefined,
  retriable: boolean,
  signal: AbortSignal | undefined,
): KyRetryOptions {
  if (options === false || !retriable) return { limit: 0 };
  const {
    limit = 2,
    baseDelay = 300,
    maxDelay = 5000,
    maxRetryAfter = 10_000,
    onTimeout = true,
  } = options ?? {};
  return {
    limit,
    methods: ['get', 'post'],
    statusCodes: retryStatusCodes,
    afterStatusCodes: retryStatusCodes,
    maxRetryAfter,
    backoffLimit: maxDelay,
    delay: (attempt) => baseDelay * 2 ** (attempt - 1),
    // Full jitter: a uniformly random wait in [0, backoff], so many clients failing together
    // (a restart, a rate limit) do not come back together.
    jitter: true,
    retryOnTimeout: onTimeout,
    shouldRetry: ({ error }) => {
      if (signal?.aborted) return false;
      if (error instanceof HTTPError) {
        const header = error.response.headers.get('retry-after');
        const wait = header ? parseRetryAfter(header) : undefined;
        // Waiting longer than the caller allows helps nobody: surface the error with its
        // `retryAfter` so the caller can decide.
        if (wait !== undefined && wait > maxRetryAfter) return false;
        // An unreadable Retry-After would make ky wait `maxRetryAfter`: use our backoff instead.
        if (header && wait === undefined) return retryStatusCodes.includes(error.response.status);
      }
      return undefined;
    },
  };
}
