/**
 * @module Verifying a Frontdesk webhook (Standard Webhooks 1.0) with WebCrypto only — Node ≥ 20,
 * Deno, Bun, browsers and edge workers, no Node built-ins — and the typed event it carries.
 */
import type { EventDataByType, WebhookEvent, WebhookEventType } from '@frontdesk/core';
import { WebhookVerificationError } from './errors/webhook-verification-error.js';

export { isWebhookVerificationError, WebhookVerificationError } from './errors/webhook-verification-error.js';
export type { EventDataByType, WebhookEvent, WebhookEventType };

/**
 * Settings of {@link verifyWebhook}.
 *
 * @example
 * ```ts
 * const options: VerifyWebhookOptions = { toleranceSeconds: 300 };
 * ```
 */
export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, either way. Default 300 (5 minutes, as the spec). */
  toleranceSeconds?: number;
  /** The current time in epoch ms (tests). Default `Date.now()`. */
  now?: number;
}

const encoder = new TextEncoder();
const SECRET_PREFIX = 'whsec_';

function header(
  headers: Headers | Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(' ') : value;
  }
  return undefined;
}

function base64Bytes(value: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const binary = atob(value);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

function hmacKey(secret: string): Promise<CryptoKey> {
  const raw = base64Bytes(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret);
  if (!raw || raw.length === 0)
    throw new TypeError('Not a webhook secret: expected whsec_ followed by base64');
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
}

/**
 * Checks that a request is a genuine, fresh Frontdesk webhook and returns its event, typed by
 * `type`. Pass the body exactly as received (the raw text, before any JSON parsing), the request's
 * headers, and the endpoint's secret — or several during a rotation. Throws
 * {@link WebhookVerificationError} on a missing header, a timestamp more than 5 minutes off, or no
 * valid signature. Dedupe on the `webhook-id` header: a retry or replay carries the same one.
 *
 * @example
 * ```ts
 * import { verifyWebhook } from '@frontdesk/sdk/webhooks';
 *
 * export default {
 *   async fetch(request: Request) {
 *     const event = await verifyWebhook(await request.text(), request.headers, process.env.FRONTDESK_WEBHOOK_SECRET!);
 *     if (event.type === 'booking.created') console.log(event.data.customer.email);
 *     return new Response(null, { status: 204 });
 *   },
 * };
 * ```
 */
export async function verifyWebhook(
  rawBody: string,
  headers: Headers | Record<string, string | string[] | undefined>,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError('Missing webhook-id, webhook-timestamp or webhook-signature header');
  }
  if (!/^\d{1,12}$/.test(timestamp)) throw new WebhookVerificationError('Invalid webhook-timestamp');
  const tolerance = options.toleranceSeconds ?? 300;
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  const skew = nowSeconds - Number(timestamp);
  if (skew > tolerance) throw new WebhookVerificationError('The webhook-timestamp is too old');
  if (skew < -tolerance) throw new WebhookVerificationError('The webhook-timestamp is in the future');

  const signed = encoder.encode(`${id}.${timestamp}.${rawBody}`);
  const candidates = signatures
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => base64Bytes(s.slice(3)))
    .filter((bytes): bytes is Uint8Array<ArrayBuffer> => bytes !== undefined);
  for (const one of typeof secret === 'string' ? [secret] : secret) {
    const key = await hmacKey(one);
    for (const signature of candidates) {
      // `verify` compares in constant time.
      if (await crypto.subtle.verify('HMAC', key, signature, signed)) return parse(rawBody);
    }
  }
  throw new WebhookVerificationError('No valid signature for this secret');
}

function parse(rawBody: string): WebhookEvent {
  try {
    return JSON.parse(rawBody) as WebhookEvent;
  } catch {
    throw new WebhookVerificationError('The signed body is not JSON');
  }
}
