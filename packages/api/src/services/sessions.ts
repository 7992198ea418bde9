/**
 * @module Console sessions: an opaque random id in an HttpOnly cookie, stored only as its SHA-256.
 * A session ends after 12 h unused (idle) or 30 days in all (absolute), at sign-out, when the
 * person signs out everywhere, changes their password (the others), or is removed.
 */
import { and, eq, isNotNull, isNull, lte, ne, or } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { sessions, users } from '../db/schema.js';
import { newSecret, sha256 } from '../ids.js';

export const IDLE_MS = 12 * 3_600_000;
export const ABSOLUTE_MS = 30 * 24 * 3_600_000;
/** Last use is written at most this often: a write per request would cost more than it tells. */
const TOUCH_EVERY_MS = 5 * 60_000;

export type SessionRow = typeof sessions.$inferSelect;
export type SessionUser = typeof users.$inferSelect;

/** Opens a session for `user`; the returned token goes into the cookie and nowhere else. */
export async function openSession(
  tx: Db,
  user: { id: string; businessId: string },
  now: number,
): Promise<{ token: string; row: SessionRow }> {
  // Each sign-in clears the person's ended sessions, so the table does not grow with every visit.
  await tx
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, user.id),
        or(
          isNotNull(sessions.revokedAt),
          lte(sessions.expiresAt, now),
          lte(sessions.lastSeenAt, now - IDLE_MS),
        ),
      ),
    );
  const token = newSecret('fds_');
  const row: SessionRow = {
    id: sha256(token),
    businessId: user.businessId,
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + ABSOLUTE_MS,
    revokedAt: null,
  };
  await tx.insert(sessions).values(row);
  return { token, row };
}

/** When an unused session ends: the idle limit, capped by the absolute one. */
export const idleExpiry = (row: SessionRow) => Math.min(row.lastSeenAt + IDLE_MS, row.expiresAt);

/** The live session behind a cookie value, with its person; undefined when unknown or ended. */
export async function findSession(
  db: Db,
  token: string,
  now: number,
): Promise<{ session: SessionRow; user: SessionUser } | undefined> {
  if (!/^fds_[A-Za-z0-9]{32}$/.test(token)) return undefined;
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sha256(token)), isNull(sessions.revokedAt), isNull(users.removedAt)));
  if (!row || now >= idleExpiry(row.session) || row.user.passwordHash === null) return undefined;
  return row;
}

/** Whether the session's last use is old enough to be written again. */
export const needsTouch = (row: SessionRow, now: number) => now - row.lastSeenAt >= TOUCH_EVERY_MS;

export async function touchSession(tx: Db, id: string, now: number): Promise<void> {
  await tx
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Ends one session (sign-out). */
export async function revokeSession(tx: Db, id: string, now: number): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Ends every session of a person, except `keep` (the one asking, after a password change). */
export async function revokeSessionsOf(tx: Db, userId: string, now: number, keep?: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep ? ne(sessions.id, keep) : undefined),
    );
}
