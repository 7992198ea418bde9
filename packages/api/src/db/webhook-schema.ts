/**
 * @module Webhook endpoints: where a business's events are sent, signed with the endpoint's secret.
 * Deliveries are outbox jobs of kind `webhook` (see outbox-schema.ts).
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { businessId } from './columns.js';

export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    url: text('url').notNull(),
    description: text('description').notNull(),
    /** Event type patterns (`*`, `booking.*`, `booking.created`). */
    events: text('events', { mode: 'json' }).$type<string[]>().notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    disabledReason: text('disabled_reason', { enum: ['gone', 'failing'] }),
    disabledAt: integer('disabled_at'),
    /**
     * The signing secret (`whsec_…`), in clear: it must sign, so a hash would not do. Never shown
     * after creation or rotation, never logged, never in an event.
     */
    secret: text('secret').notNull(),
    /** After a rotation, the old secret signs too until `previous_secret_expires_at`. */
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: integer('previous_secret_expires_at'),
    /**
     * The id of the last event looked at for this endpoint: events after it are turned into
     * deliveries in the same transaction that moves it (see webhooks/fan-out.ts).
     */
    cursor: integer('cursor').notNull(),
    /** Since when every attempt has failed (null after a success): 5 days of that disables it. */
    failingSince: integer('failing_since'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('webhook_endpoints_business').on(t.businessId, t.id)],
);
