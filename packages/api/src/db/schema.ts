/**
 * @module The database tables (drizzle, SQLite/libSQL). Instants are integer epoch milliseconds,
 * structured values (hours, questions, answers, payloads) are JSON text. Every row carries its
 * `business_id`, and every query filters on it: that column is the tenancy boundary. (The event log's
 * rows carry it as an `event_names` number, and are read through the `events` view, which spells it
 * out as `business_id` again.)
 */

import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  sqliteView,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { businessId } from './columns.js';
import { eventPayload } from './event-payload.js';
import { tokenHash } from './token-hash.js';

const createdAt = () => integer('created_at').notNull();

export const businesses = sqliteTable('businesses', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The business in URLs (`/book/{slug}`); unique. Null for businesses made before slugs. */
  slug: text('slug').unique(),
  timezone: text('timezone').notNull(),
  locale: text('locale').notNull(),
  currency: text('currency').notNull(),
  holdMinutes: integer('hold_minutes').notNull(),
  /** Set on the demo business so that `seed --demo` can find it again (idempotent seeding). */
  seedTag: text('seed_tag').unique(),
  /**
   * The demo business's publishable key in clear. Publishable keys are public by design (every page
   * that embeds the widget shows one), so keeping the demo's lets `seed --demo` re-runs and the
   * `/demo` page show it. Secret keys are never stored in clear.
   */
  demoPublishableKey: text('demo_publishable_key'),
  /**
   * Changes (to a new random value) in every transaction that changes what availability is computed
   * from: services, resources, hours, overrides, time off, closures, the zone. Processes cache that
   * catalog and compare this value, read in the same snapshot, before trusting their copy.
   */
  catalogVersion: text('catalog_version').notNull().default(''),
  /** Likewise for bookings and holds: lets a process reuse an availability answer for a moment. */
  occupancyVersion: text('occupancy_version').notNull().default(''),
  /** The business's own page embedding the widget: manage links in mail point there. */
  bookingPageUrl: text('booking_page_url'),
  address: text('address'),
  /** Where notices about bookings go. */
  notifyEmail: text('notify_email'),
  /**
   * The publishable key the hosted booking page (`/book/{slug}`) embeds, in clear like the demo's:
   * publishable keys are public by design. It accepts only this server's own origin (`self`).
   */
  hostedPageKey: text('hosted_page_key'),
  /** Default reminders (minutes before the start) for services that set none. */
  reminders: text('reminders', { mode: 'json' })
    .$type<{ offsetMinutes: number }[]>()
    .notNull()
    .default([{ offsetMinutes: 1440 }]),
  createdAt: createdAt(),
});

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    kind: text('kind', { enum: ['publishable', 'secret'] }).notNull(),
    label: text('label').notNull(),
    prefix: text('prefix').notNull(),
    /** SHA-256 of the full key, hex. */
    hash: text('hash').notNull().unique(),
    allowedOrigins: text('allowed_origins', { mode: 'json' }).$type<string[]>().notNull(),
    /**
     * A publishable key in clear (public by design: every embedding page shows it), so the console
     * can show the embed snippet again. Always null for secret keys.
     */
    publishableKey: text('publishable_key'),
    /**
     * A secret key's own budget of rate-limited writes per minute; null = the server's default
     * (`FRONTDESK_SECRET_RATE_LIMIT`). Always null for publishable keys (limited per key and address).
     */
    rateLimitPerMinute: integer('rate_limit_per_minute'),
    createdAt: createdAt(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('api_keys_business').on(t.businessId, t.id)],
);

export const resources = sqliteTable(
  'resources',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['person', 'room', 'equipment'] }).notNull(),
    description: text('description').notNull(),
    hours: text('hours', { mode: 'json' })
      .$type<Record<string, { start: string; end: string }[]>>()
      .notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    deletedAt: integer('deleted_at'),
    createdAt: createdAt(),
  },
  (t) => [index('resources_business').on(t.businessId, t.id)],
);

export const services = sqliteTable(
  'services',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull(),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull(),
    slotIntervalMinutes: integer('slot_interval_minutes').notNull(),
    minNoticeMinutes: integer('min_notice_minutes').notNull(),
    horizonDays: integer('horizon_days').notNull(),
    capacity: integer('capacity').notNull(),
    priceAmount: integer('price_amount'),
    priceCurrency: text('price_currency'),
    requiresConfirmation: integer('requires_confirmation', { mode: 'boolean' }).notNull(),
    cancellationCutoffMinutes: integer('cancellation_cutoff_minutes').notNull(),
    rescheduleCutoffMinutes: integer('reschedule_cutoff_minutes').notNull(),
    questions: text('questions', { mode: 'json' })
      .$type<
        {
          id: string;
          label: string;
          type: 'text' | 'textarea' | 'select' | 'checkbox';
          required: boolean;
          options?: string[];
        }[]
      >()
      .notNull(),
    /** Null: the business's default reminders; `[]`: none. */
    reminders: text('reminders', { mode: 'json' }).$type<{ offsetMinutes: number }[]>(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    deletedAt: integer('deleted_at'),
    createdAt: createdAt(),
  },
  (t) => [index('services_business').on(t.businessId, t.id)],
);

/** Which resources can take a service (any one of them per booking), in the order given. */
export const serviceResources = sqliteTable(
  'service_resources',
  {
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id),
    resourceId: text('resource_id')
      .notNull()
      .references(() => resources.id),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.resourceId] }),
    index('service_resources_resource').on(t.resourceId),
  ],
);

export const dateOverrides = sqliteTable(
  'date_overrides',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    resourceId: text('resource_id')
      .notNull()
      .references(() => resources.id),
    date: text('date').notNull(),
    intervals: text('intervals', { mode: 'json' }).$type<{ start: string; end: string }[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('date_overrides_resource_date').on(t.resourceId, t.date),
    // The catalogue load reads a business's overrides from a date on.
    index('date_overrides_business').on(t.businessId, t.date),
  ],
);

export const timeOff = sqliteTable(
  'time_off',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    resourceId: text('resource_id')
      .notNull()
      .references(() => resources.id),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('time_off_resource').on(t.resourceId, t.start),
    // The catalogue load reads a business's time off that ends after a moment.
    index('time_off_business').on(t.businessId, t.end),
  ],
);

export const closures = sqliteTable(
  'closures',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('closures_business').on(t.businessId, t.startDate)],
);

/**
 * The block length past which a live booking is in `bookings_long_by_resource` too: 4 h. Written
 * into that index's condition and the queries that read it as the same literal.
 */
export const SHORT_BLOCK_MS = 14_400_000;

/**
 * A slot kept while the customer fills in the form. Live while `expires_at > now`: nothing has to
 * sweep expired rows for availability to be right.
 */
export const holds = sqliteTable(
  'holds',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id),
    resourceId: text('resource_id')
      .notNull()
      .references(() => resources.id),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    /** Start and end including the service's buffers: what the hold occupies. */
    blockStart: integer('block_start').notNull(),
    blockEnd: integer('block_end').notNull(),
    expiresAt: integer('expires_at').notNull(),
    createdAt: createdAt(),
    /**
     * Who placed it with a publishable key: SHA-256 of `key id|client address` (see
     * `services/live-hold-limit.ts`), so the live-hold cap is counted here, across processes.
     * Null for the business's own holds, and cleared once the hold has expired.
     */
    clientHash: text('client_hash'),
  },
  (t) => [
    index('holds_resource_time').on(t.resourceId, t.blockStart, t.blockEnd),
    index('holds_client').on(t.clientHash, t.expiresAt),
  ],
);

export const bookings = sqliteTable(
  'bookings',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id),
    resourceId: text('resource_id')
      .notNull()
      .references(() => resources.id),
    status: text('status', {
      enum: ['pending', 'confirmed', 'cancelled', 'completed', 'no_show'],
    }).notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    blockStart: integer('block_start').notNull(),
    blockEnd: integer('block_end').notNull(),
    customerName: text('customer_name').notNull(),
    customerEmail: text('customer_email').notNull(),
    customerPhone: text('customer_phone'),
    /** The customer's IANA zone, when the client sent it: mail shows times in it too. */
    customerTimeZone: text('customer_time_zone'),
    /** The language the customer booked in; null = the business's. */
    locale: text('locale'),
    answers: text('answers', { mode: 'json' }).$type<Record<string, string | boolean>>().notNull(),
    notes: text('notes').notNull(),
    /**
     * SHA-256 of the manage token, 32 bytes; the token itself is shown once, on creation. Not
     * indexed: a booking is read by its id and the hash compared (a random 190-bit token's hash
     * needs no unique index to be unique).
     */
    manageTokenHash: tokenHash('manage_token_hash').notNull(),
    cancelReason: text('cancel_reason'),
    /**
     * The iCalendar SEQUENCE: 0 when made, +1 on every change a calendar must apply (confirm,
     * reschedule, cancel, decline), so a newer .ics always replaces an older one.
     */
    sequence: integer('sequence').notNull().default(0),
    /** The business's own notes: never shown to the customer or to a publishable key. */
    internalNotes: text('internal_notes').notNull().default(''),
    /** When the business marked the customer as arrived. */
    arrivedAt: integer('arrived_at'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('bookings_business').on(t.businessId, t.id),
    /**
     * A resource's live bookings by block: the occupancy read of every availability answer and
     * booking check, and a resource's deletion check. Partial, so cancelled bookings, which pile up
     * on popular starts over the years, are neither read nor stored here. SQLite uses it only for a
     * query whose WHERE says `status <> 'cancelled'` as this literal (a bound parameter does not
     * imply it): write `liveBooking` (below), not `ne(bookings.status, 'cancelled')`.
     */
    index('bookings_live_by_resource')
      .on(t.resourceId, t.blockStart, t.blockEnd)
      .where(sql`${t.status} <> 'cancelled'`),
    /**
     * The few live bookings whose block is longer than `SHORT_BLOCK_MS` (4 h: a day's rental, a
     * workshop, long buffers). The occupancy read walks `bookings_live_by_resource` only from 4 h
     * before its window and takes the longer blocks that began earlier (up to 72 h) from here, so
     * a busy class's check no longer walks three days of seats. Same rule for SQLite as above: a
     * query reads it only when its WHERE says both conditions as these literals (`longLiveBooking`).
     */
    index('bookings_long_by_resource')
      .on(t.resourceId, t.blockStart, t.blockEnd)
      .where(
        sql`${t.status} <> 'cancelled' and ${t.blockEnd} - ${t.blockStart} > ${sql.raw(String(SHORT_BLOCK_MS))}`,
      ),
    /**
     * A business's bookings by start, carrying every column the reports count (status, resource,
     * service, end, created): lists and the agenda read its (business, start) prefix, and a report
     * reads a period from the index alone, without a table lookup per booking.
     */
    index('bookings_business_report').on(
      t.businessId,
      t.start,
      t.status,
      t.resourceId,
      t.serviceId,
      t.end,
      t.createdAt,
    ),
    // A customer is their email in any casing (services/customers.ts).
    index('bookings_customer').on(t.businessId, sql`lower(${t.customerEmail})`),
  ],
);

/**
 * "The booking is not cancelled", as the literal `bookings_live_by_resource` is built on: queries of
 * a resource's live bookings must say it this way for SQLite to read that index.
 */
export const liveBooking = sql`${bookings.status} <> 'cancelled'`;

/** "A live booking whose block is longer than 4 h", as `bookings_long_by_resource` is built on. */
export const longLiveBooking = sql`${bookings.status} <> 'cancelled' and ${bookings.blockEnd} - ${bookings.blockStart} > ${sql.raw(String(SHORT_BLOCK_MS))}`;

/**
 * The append-only event log: written in the same transaction as the change it records. It feeds
 * the audit list, webhooks (each endpoint's cursor walks it) and live streams, so it works the same
 * with one process or ten. Payloads are the object as the secret key reads it.
 */
/**
 * The strings the event log repeats — business ids, event types, subjects, actors — each stored
 * once; an event row holds their numbers (see `events`). A number, once given, is never reused:
 * rows are never deleted, and one given in a transaction that rolled back is gone with its event.
 */
export const eventNames = sqliteTable('event_names', {
  no: integer('no').primaryKey(),
  name: text('name').notNull().unique(),
});

/**
 * The event log as stored: the business, type, subject and actor as `event_names` numbers (a
 * booking's two events and their two indexes held those four 26-character ids eight times over;
 * see docs/benchmarks.md, "Scale with data"). Written by `appendEvent`; read through `events`.
 */
export const eventRows = sqliteTable(
  'event_rows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    business: integer('business').notNull(),
    type: integer('type').notNull(),
    subject: integer('subject').notNull(),
    /** JSON text when written; settled events may be stored compactly (see event-payload.ts). */
    payload: eventPayload('payload').$type<unknown>().notNull(),
    /** Who made the change: a user id (`usr_…`), a key id (`key_…`), or null (the server itself). */
    actor: integer('actor'),
    createdAt: createdAt(),
  },
  // By business and by subject, each in id order: an index entry ends with the rowid, which `id` is.
  (t) => [index('event_rows_business').on(t.business), index('event_rows_subject').on(t.subject)],
);

/**
 * The event log as read: `event_rows` with its names spelled out (the view of migration 0016).
 * `WHERE business_id = ?` finds the name's number through its unique index and then the business's
 * rows through theirs. A compact payload comes with its subject ahead of it, which it leaves out
 * (see event-payload.ts). Updating `payload` through it writes the row (a trigger); rows are
 * appended with `appendEvent` and deleted from `eventRows`.
 */
export const events = sqliteView('events', {
  id: integer('id').notNull(),
  businessId: text('business_id').notNull(),
  /** Dotted name such as `booking.created`. */
  type: text('type').notNull(),
  subjectId: text('subject_id').notNull(),
  payload: eventPayload('payload').$type<unknown>().notNull(),
  /** Who made the change: a user id (`usr_…`), a key id (`key_…`), or null (the server itself). */
  actor: text('actor'),
  createdAt: createdAt(),
}).existing();

/** The first answer to a create request with an `Idempotency-Key`, replayed for repeats. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    businessId: businessId(),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key with another request is a conflict. */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: text('body').notNull(),
    /**
     * The id of what the request created (a booking, a reservation), so that erasing a customer can
     * find the sealed answers that hold their details; null for errors and answers without an id.
     */
    subjectId: text('subject_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.key] }),
    index('idempotency_created').on(t.createdAt),
    index('idempotency_subject').on(t.businessId, t.subjectId),
  ],
);

export * from './account-schema.js';
export * from './customer-schema.js';
export * from './limit-schema.js';
export * from './notify-schema.js';
export * from './outbox-schema.js';
export * from './stock-schema.js';
export * from './webhook-schema.js';
