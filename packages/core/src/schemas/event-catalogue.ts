/**
 * @module The event catalogue: every event type Frontdesk writes to its event log, with the shape
 * of its `data`, as one discriminated union. The same union types webhook bodies and the SDK's
 * `verifyWebhook` (the log's wire shape, with its actor, is `event.ts`). `hold.*` events are logged
 * but never sent to webhooks (noise).
 */

import type { Role } from './account.js';
import type { Booking, Hold } from './booking.js';
import type { Business } from './business.js';
import type { ApiKey } from './key.js';
import type { Resource } from './resource.js';
import type { Closure, DateOverride, TimeOff } from './schedule.js';
import type { Service } from './service.js';
import type { Location, Product, ProductStock, Reservation } from './stock.js';
import type { WebhookEndpoint } from './webhook.js';

/**
 * A booking as the secret key reads it, plus the hold it came from and its iCalendar SEQUENCE (0
 * when made, +1 with every confirm, decline, reschedule and cancel); never its manage token, nor its
 * internal notes (the business edits them at any time: `booking.notes_changed` says they changed).
 */
export type BookingEventData = Omit<Booking, 'manageToken' | 'internalNotes'> & {
  holdId?: string;
  sequence: number;
};
/** Who changed a booking: its customer (manage token) or the business (secret key). */
export type BookingActor = 'business' | 'customer';

/** `stock.changed` / `stock.low`: which shelf changed, why, and the product's stock right after. */
export interface StockEventData {
  sku: string;
  locationId: string;
  /** `adjustment`, `count`, `reservation`, `release`, `collect`, `expiry`, `booking`, … */
  cause: string;
  stock: ProductStock;
}

/** A console account (`user.created`, `user.updated`, `user.removed`). */
export interface UserEventData {
  id: string;
  email: string;
  role: Role;
  resourceIds: string[];
}

/**
 * `customer.erased`: a customer's personal data was erased. No email, name or phone: the ids of
 * their bookings and reservations (which stay, anonymous) let a downstream system erase its copy.
 */
export interface CustomerErasedData {
  bookingIds: string[];
  reservationIds: string[];
}

/** What is left of a deleted object: its id. */
export interface DeletedData {
  id: string;
}

/** `webhook.test`: sent on demand to one endpoint. */
export interface WebhookTestData {
  endpointId: string;
  message: string;
}

/** Why an endpoint stopped receiving events. */
export type WebhookDisabledReason = 'gone' | 'failing';

/** Every event type and the `data` it carries. */
export interface EventDataByType {
  'booking.created': BookingEventData;
  'booking.confirmed': BookingEventData;
  'booking.declined': BookingEventData & { reason: string };
  'booking.cancelled': BookingEventData & { by: BookingActor; reason: string };
  'booking.rescheduled': BookingEventData & { by: BookingActor; previousStart: string };
  'booking.arrived': BookingEventData;
  'booking.completed': BookingEventData;
  'booking.no_show': BookingEventData;
  'booking.notes_changed': BookingEventData;
  'hold.created': Hold;
  'hold.released': DeletedData;
  'reservation.created': Omit<Reservation, 'manageToken'>;
  'reservation.collected': Omit<Reservation, 'manageToken'>;
  'reservation.released': Omit<Reservation, 'manageToken'>;
  'reservation.expired': Omit<Reservation, 'manageToken'>;
  'customer.erased': CustomerErasedData;
  'stock.changed': StockEventData;
  'stock.low': StockEventData;
  'product.created': Product;
  'product.updated': Product;
  'product.deleted': Product;
  'location.created': Location;
  'location.updated': Location;
  'service.created': Service;
  'service.updated': Service;
  'service.deleted': DeletedData;
  'resource.created': Resource;
  'resource.updated': Resource;
  'resource.deleted': DeletedData;
  'resource.override_set': DateOverride;
  'resource.override_deleted': DeletedData;
  'resource.time_off_added': TimeOff;
  'resource.time_off_deleted': DeletedData;
  'closure.created': Closure;
  'closure.deleted': DeletedData;
  'business.updated': Business;
  'key.created': Omit<ApiKey, 'publishableKey'>;
  'key.revoked': Omit<ApiKey, 'publishableKey'>;
  'user.created': UserEventData;
  'user.activated': Omit<UserEventData, 'resourceIds'>;
  'user.updated': UserEventData;
  'user.removed': UserEventData;
  'user.password_changed': { id: string };
  'webhook_endpoint.disabled': WebhookEndpoint & { reason: WebhookDisabledReason };
  'webhook.test': WebhookTestData;
  /** A calendar feed URL was issued (for a resource, or the whole business when null). */
  'feed.issued': FeedEventData;
  'feed.revoked': FeedEventData;
}

/** `feed.*`: which feed (the event's subject is the feed id; its URL is never logged). */
export interface FeedEventData {
  resourceId: string | null;
}

export type EventType = keyof EventDataByType;

/** Every event type, in catalogue order (a `satisfies` check keeps it complete). */
export const eventTypes = [
  'booking.created',
  'booking.confirmed',
  'booking.declined',
  'booking.cancelled',
  'booking.rescheduled',
  'booking.arrived',
  'booking.completed',
  'booking.no_show',
  'booking.notes_changed',
  'hold.created',
  'hold.released',
  'reservation.created',
  'reservation.collected',
  'reservation.released',
  'reservation.expired',
  'customer.erased',
  'stock.changed',
  'stock.low',
  'product.created',
  'product.updated',
  'product.deleted',
  'location.created',
  'location.updated',
  'service.created',
  'service.updated',
  'service.deleted',
  'resource.created',
  'resource.updated',
  'resource.deleted',
  'resource.override_set',
  'resource.override_deleted',
  'resource.time_off_added',
  'resource.time_off_deleted',
  'closure.created',
  'closure.deleted',
  'business.updated',
  'key.created',
  'key.revoked',
  'user.created',
  'user.activated',
  'user.updated',
  'user.removed',
  'user.password_changed',
  'webhook_endpoint.disabled',
  'webhook.test',
  'feed.issued',
  'feed.revoked',
] as const satisfies readonly EventType[];

// Fails to compile when a type of EventDataByType is missing from the list above.
type Missing = Exclude<EventType, (typeof eventTypes)[number]>;
const complete: Missing extends never ? true : Missing = true;
void complete;

/** The event types webhooks carry: all but `hold.*`, which changes every few seconds on a busy page. */
export type WebhookEventType = Exclude<EventType, `hold.${string}`>;

export const webhookEventTypes = eventTypes.filter(
  (type): type is WebhookEventType => !type.startsWith('hold.'),
) as readonly WebhookEventType[];

/** Whether webhooks carry events of this type. */
export function isWebhookEventType(type: string): type is WebhookEventType {
  return (webhookEventTypes as readonly string[]).includes(type);
}

/**
 * Whether an endpoint subscribed with `pattern` gets `type`: `*` (every type), `booking.*` (a
 * family), or one exact type. `webhook.test` is only ever sent on request, to one endpoint.
 */
export function eventMatches(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

/** Whether `pattern` names at least one type webhooks carry (so a typo is refused, not silent). */
export function isWebhookEventPattern(pattern: string): boolean {
  if (pattern === '*') return true;
  return webhookEventTypes.some((type) => type !== 'webhook.test' && eventMatches(pattern, type));
}

/**
 * A webhook body (Standard Webhooks): the event type, when it happened, and the object as the
 * secret key reads it. Discriminated by `type`.
 *
 * @example
 * ```ts
 * if (event.type === 'booking.created') console.log(event.data.customer.email);
 * ```
 */
export type WebhookEvent = {
  [K in WebhookEventType]: { type: K; timestamp: string; data: EventDataByType[K] };
}[WebhookEventType];
