/**
 * @module A webhook that must not be trusted: bad signature, stale timestamp or missing headers.
 */
import { errorBrand, FrontdeskError } from './frontdesk-error.js';

/**
 * Thrown by `verifyWebhook` when a request is not a genuine, fresh Frontdesk webhook. Answer it
 * with a 4xx and do not act on the body. `code` is `webhook_verification_failed`.
 *
 * @example
 * ```ts
 * try {
 *   event = await verifyWebhook(body, request.headers, secret);
 * } catch (error) {
 *   if (isWebhookVerificationError(error)) return new Response('bad signature', { status: 400 });
 *   throw error;
 * }
 * ```
 */
export class WebhookVerificationError extends FrontdeskError {
  override name = 'WebhookVerificationError' as const;

  constructor(message: string) {
    super(message, { code: 'webhook_verification_failed' });
  }
}

/**
 * Whether `verifyWebhook` refused a request (bad signature, stale timestamp, missing headers).
 * Checks the brand and `name`, like the other guards, so it works across realms and SDK copies.
 *
 * @example
 * ```ts
 * if (isWebhookVerificationError(error)) return new Response('bad signature', { status: 400 });
 * ```
 */
export function isWebhookVerificationError(error: unknown): error is WebhookVerificationError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { [errorBrand]?: unknown })[errorBrand] === true &&
    (error as Error).name === 'WebhookVerificationError'
  );
}
