/**
 * @module Tables of the people who run a business (owners, staff), their sessions, one-time links
 * (set-up, invitations) and failed sign-ins (throttling). Secrets are stored only hashed.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { businessId } from './columns.js';

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    /** Lower case; unique among users not removed, so one address signs in to one business. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['owner', 'staff'] }).notNull(),
    /** The resources whose agenda a staff member sees (JSON array of ids). */
    resourceIds: text('resource_ids', { mode: 'json' }).$type<string[]>().notNull(),
    /** `scrypt$N$r$p$salt$hash` (base64url); null until the person chooses a password. */
    passwordHash: text('password_hash'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Set when the owner removes the person: kept so the audit log can still name them. */
    removedAt: integer('removed_at'),
  },
  (t) => [
    index('users_business').on(t.businessId, t.id),
    uniqueIndex('users_email_live').on(t.email).where(sql`removed_at IS NULL`),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the cookie's value: a copy of this table signs no one in. */
    id: text('id').primaryKey(),
    businessId: businessId(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    /** Last use, refreshed at most every few minutes; idle expiry counts from it. */
    lastSeenAt: integer('last_seen_at').notNull(),
    /** The absolute limit: the session ends then however much it is used. */
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** One-time links: the owner's set-up link (`setup`) and invitations (`invite`). */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose', { enum: ['setup', 'invite'] }).notNull(),
    /** SHA-256 of the token. */
    hash: text('hash').notNull().unique(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('account_tokens_user').on(t.userId)],
);

/**
 * Failed sign-ins, by what they are counted against (`account:<email>`, `address:<ip>`). In the
 * database, not in memory, so that the limit holds across every process of a deployment.
 */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subject: text('subject').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('login_failures_subject').on(t.subject, t.at), index('login_failures_at').on(t.at)],
);
