/**
 * @module Tables of what customers and staff are told: calendar feed tokens, messages (mail, each
 * a row from the moment it is decided until it is sent, failed, skipped or left unsent), the extra
 * manage tokens mail links carry, and the mail producer's place in the event log. Kept apart from
 * `schema.ts` (which re-exports them) like the stock and outbox tables.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { businessId } from './columns.js';

/**
 * A calendar subscription URL (`/feeds/{token}.ics`) for one resource or (resource null) the whole
 * business. One live feed per scope: issuing a new one revokes the old URL.
 */
export const calendarFeeds = sqliteTable(
  'calendar_feeds',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    /** Null: every booking of the business. */
    resourceId: text('resource_id'),
    /** SHA-256 of the token in the URL; the token itself is shown once, when issued. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('calendar_feeds_scope').on(t.businessId, t.resourceId)],
);

/**
 * One message. What it is rendered from (`input`) is fixed when it is decided (a reminder's when it
 * falls due, so it shows the booking as it is then) and kept: every attempt renders the same bytes
 * with the same Message-ID, and the preview is rendered from it too. Rows written before migration
 * 0018 keep their rendered `subject`, `html`, `text` and `calendar` instead.
 */
export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    /** A `MessageKind` (`booking_confirmed`, `booking_reminder`, `notice_new_booking`, …). */
    kind: text('kind').notNull(),
    /**
     * What makes it unique: the kind and the state it is about (`booking_confirmed:bkg_…:1` — the
     * booking's SEQUENCE; a reminder's start and offset). Never two messages of one key.
     */
    dedupeKey: text('dedupe_key').notNull(),
    bookingId: text('booking_id'),
    reservationId: text('reservation_id'),
    toName: text('to_name'),
    toEmail: text('to_email').notNull(),
    /**
     * JSON `{ at, input }`: the `MessageInput` it is rendered from and the instant rendered as (the
     * .ics DTSTAMP). A few hundred bytes where the rendered parts took ~3.5 KB (docs/benchmarks.md).
     * Null until a reminder falls due, and once a customer is erased.
     */
    input: text('input'),
    /** Rendered parts, set only on rows written before migration 0018 (and `[erased]` markers). */
    locale: text('locale'),
    subject: text('subject'),
    html: text('html'),
    text: text('text'),
    /** The .ics sent with it, and its METHOD (`REQUEST`, `CANCEL`, `PUBLISH`). */
    calendar: text('calendar'),
    calendarMethod: text('calendar_method'),
    /** The `Message-ID` header, the same on every attempt. */
    messageId: text('message_id').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'failed', 'not_sent', 'skipped'] }).notNull(),
    /** Why it was skipped or not sent (`booked_after_due`, `moved`, `cancelled`, `no_smtp`, …). */
    statusReason: text('status_reason'),
    /**
     * False when it was decided while no SMTP was configured: it ends `not_sent` (a reminder when it
     * falls due, rendered then), even if SMTP is configured by that time. Nothing is sent by surprise.
     */
    deliver: integer('deliver', { mode: 'boolean' }).notNull(),
    attempts: integer('attempts').notNull(),
    /** The SMTP server's last answer (`250 2.0.0 OK`, `550 5.1.1 No such user`, a connection error). */
    smtpResponse: text('smtp_response'),
    /** When it is (or was) to be sent. */
    dueAt: integer('due_at').notNull(),
    /** For reminders: the booking start (or reservation end) they were planned for. */
    plannedFor: integer('planned_for'),
    sentAt: integer('sent_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('messages_dedupe').on(t.businessId, t.dedupeKey),
    index('messages_business').on(t.businessId, t.id),
    index('messages_booking').on(t.bookingId),
    index('messages_reservation').on(t.reservationId),
  ],
);

/**
 * Manage tokens made for mail links: a message minted after the booking cannot know the token the
 * customer got on screen (it is stored hashed), so each link carries its own. Hashed likewise.
 */
export const bookingLinkTokens = sqliteTable(
  'booking_link_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    businessId: businessId(),
    bookingId: text('booking_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('booking_link_tokens_booking').on(t.bookingId)],
);

/** How far a producer has read the event log (the mail producer: `mail`). */
export const producerCursors = sqliteTable('producer_cursors', {
  name: text('name').primaryKey(),
  eventId: integer('event_id').notNull(),
});
