/**
 * @module Tables of what customers and staff are told: calendar feed tokens. Kept apart from
 * `schema.ts` (which re-exports them) like the stock tables.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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
