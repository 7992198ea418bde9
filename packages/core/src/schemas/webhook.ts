/**
 * @module Webhooks on the wire: endpoints (where events are sent, with their signing secret),
 * deliveries (one event to one endpoint, with every attempt), replay.
 */
import * as z from 'zod/mini';
import { Id, Instant, ListQuery, singleLineCharacters, text } from './common.js';
import { isWebhookEventPattern } from './event-catalogue.js';

/** An absolute `https:` URL (`http:` only where the operator allows private targets). */
export const WebhookUrl = z.url({ protocol: /^https?$/ }).check(z.maxLength(2000), singleLineCharacters);

/** `*`, a family such as `booking.*`, or one type such as `booking.created`. */
export const WebhookEventPattern = z
  .string()
  .check(
    z.regex(/^(?:\*|[a-z_]{1,40}\.(?:\*|[a-z_]{1,40}))$/, 'Expected *, a family such as booking.* or a type'),
    z.refine(isWebhookEventPattern, 'Unknown event type or family'),
  );

const patterns = z.array(WebhookEventPattern).check(z.minLength(1), z.maxLength(100));

export const WebhookEndpoint = z.object({
  id: Id,
  url: z.string(),
  description: z.string(),
  /** The event types sent there (`["*"]`: all). */
  events: z.array(z.string()),
  /** Inactive endpoints get nothing: switched off, or disabled after `410 Gone` or 5 days of failures. */
  active: z.boolean(),
  /** Why Frontdesk disabled it (`gone`: it answered 410; `failing`: 5 days of failures), else null. */
  disabledReason: z.nullable(z.enum(['gone', 'failing'])),
  disabledAt: z.nullable(Instant),
  /** Until then the previous secret signs too (24 h after a rotation), else null. */
  previousSecretExpiresAt: z.nullable(Instant),
  createdAt: Instant,
  updatedAt: Instant,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** Answer to creating an endpoint or rotating its secret: the only times `secret` is shown. */
export const WebhookEndpointWithSecret = z.extend(WebhookEndpoint, {
  /** `whsec_` + base64 of 32 random bytes: verify signatures with it. */
  secret: z.string(),
});
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

export const WebhookEndpointInput = z.strictObject({
  url: WebhookUrl,
  events: z._default(patterns, ['*']),
  description: z._default(text(500), ''),
  active: z._default(z.boolean(), true),
});
export type WebhookEndpointInput = z.input<typeof WebhookEndpointInput>;

export const WebhookEndpointUpdate = z.partial(
  z.strictObject({ url: WebhookUrl, events: patterns, description: text(500), active: z.boolean() }),
);
export type WebhookEndpointUpdate = z.infer<typeof WebhookEndpointUpdate>;

export const WebhookDeliveryStatus = z.enum(['pending', 'succeeded', 'failed']);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

/** One try at sending an event: the HTTP status, or the error when no answer came. */
export const WebhookAttempt = z.object({
  at: Instant,
  /** The endpoint's HTTP status; null when there was no answer (`error` says why). */
  status: z.nullable(z.int()),
  error: z.nullable(z.string()),
  durationMs: z.int(),
  /** The first 4 KB of the answer's body. */
  response: z.nullable(z.string()),
});
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

/** One event on its way to one endpoint. */
export const WebhookDelivery = z.object({
  id: Id,
  endpointId: Id,
  /** The `webhook-id` header: the same on every attempt and replay of this event. */
  eventId: z.string(),
  eventType: z.string(),
  status: WebhookDeliveryStatus,
  attempts: z.array(WebhookAttempt),
  /** When the next attempt is due (pending deliveries only). */
  nextAttemptAt: z.nullable(Instant),
  createdAt: Instant,
  updatedAt: Instant,
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryListQuery = z.extend(ListQuery, { status: z.optional(WebhookDeliveryStatus) });
export type WebhookDeliveryListQuery = z.infer<typeof WebhookDeliveryListQuery>;

/** An event id as webhooks name it (`webhook-id`), e.g. `evt_42`. */
export const WebhookEventId = z
  .string()
  .check(z.regex(/^evt_\d{1,15}$/, 'Expected an event id such as evt_42'));

export const WebhookReplayInput = z.strictObject({
  /** Every matching event from this instant, or from this event id on (inclusive). */
  since: z.union([Instant, WebhookEventId]),
});
export type WebhookReplayInput = z.infer<typeof WebhookReplayInput>;

export const WebhookReplayResult = z.object({
  /** How many deliveries were queued. */
  queued: z.int(),
  /** Set when there were more events than one call queues (10 000): replay again from this id. */
  nextSince: z.nullable(z.string()),
});
export type WebhookReplayResult = z.infer<typeof WebhookReplayResult>;
