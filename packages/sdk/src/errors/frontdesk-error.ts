/**
 * @module The base of every error the SDK throws, branded so it can be recognised across realms
 * (iframes, workers, two copies of the SDK) where `instanceof` fails.
 */
import type { Problem } from '../types.js';
import type { ApiErrorName } from './api-error.js';

/**
 * Marks SDK errors; `Symbol.for` is shared by every realm and every copy of the SDK.
 *
 * @example
 * ```ts
 * (error as { [errorBrand]?: true })[errorBrand] === true; // what isFrontdeskError checks
 * ```
 */
export const errorBrand: unique symbol = Symbol.for('@frontdesk/sdk/error');

/**
 * Every `name` an SDK error can carry: switch on it, or use the `is…Error` guards.
 *
 * @example
 * ```ts
 * const retryLater: FrontdeskErrorName[] = ['NetworkError', 'TimeoutError', 'RateLimitError'];
 * ```
 */
export type FrontdeskErrorName =
  | 'FrontdeskError'
  | ApiErrorName
  | 'NetworkError'
  | 'TimeoutError'
  | 'WebhookVerificationError';

/**
 * What an SDK error is made of.
 *
 * @example
 * ```ts
 * new FrontdeskError('No answer', { code: 'network_error' });
 * ```
 */
export interface FrontdeskErrorInit {
  status?: number | undefined;
  code: string;
  requestId?: string | undefined;
  problem?: Problem | undefined;
  cause?: unknown;
}

/**
 * Base class of every error thrown by the SDK. API answers become {@link ApiError} subclasses;
 * transport failures become `NetworkError` or `TimeoutError`; a success answer that is not JSON
 * (something between you and the API answered) is a `FrontdeskError` with code `invalid_response`. A caller's own abort is not wrapped:
 * it rejects with the signal's reason, as `fetch` does.
 *
 * @example
 * ```ts
 * try {
 *   await client.bookings.create(input);
 * } catch (error) {
 *   if (isFrontdeskError(error)) console.error(error.code, error.requestId);
 *   throw error;
 * }
 * ```
 */
export class FrontdeskError extends Error {
  override name: FrontdeskErrorName = 'FrontdeskError';
  readonly [errorBrand] = true;
  /** HTTP status of the answer; `undefined` when no answer arrived. */
  readonly status: number | undefined;
  /** Stable machine-readable code (`slot_unavailable`, `network_error`, …). */
  readonly code: string;
  /** The API's `X-Request-Id`: quote it when asking for support. */
  readonly requestId: string | undefined;
  /** The RFC 9457 problem document the API sent, if any. */
  readonly problem: Problem | undefined;

  constructor(message: string, init: FrontdeskErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.problem = init.problem;
  }
}
