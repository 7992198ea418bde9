/**
 * @module One-time links: the set-up link of a new business's owner (24 h) and invitations (7 days).
 * The token travels in the URL's fragment (`/console/invite#token=…`), which browsers never send to
 * a server, so it stays out of access logs and `Referer` headers. Stored hashed; a newer link for
 * the same person replaces the older one; using it once consumes it.
 */
import type { Invitation, InvitationInfo } from '@frontdesk/core';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { accountTokens, businesses, users } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { newId, newSecret, sha256 } from '../ids.js';
import { toInstant } from '../time.js';

type TokenRow = typeof accountTokens.$inferSelect;
type Purpose = TokenRow['purpose'];

const lifetime: Record<Purpose, number> = { setup: 24 * 3_600_000, invite: 7 * 24 * 3_600_000 };

/** The console page each kind of link opens. */
const page: Record<Purpose, string> = { setup: 'setup', invite: 'invite' };

/** Issues a link for `user` (an earlier unused one stops working). */
export async function issueAccountToken(
  tx: Db,
  user: { id: string; businessId: string },
  purpose: Purpose,
  consoleUrl: string,
  now: number,
): Promise<Invitation> {
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, user.id), isNull(accountTokens.usedAt)));
  const token = newSecret('fd_inv_');
  const expiresAt = now + lifetime[purpose];
  await tx.insert(accountTokens).values({
    id: newId('atk', now),
    businessId: user.businessId,
    userId: user.id,
    purpose,
    hash: sha256(token),
    expiresAt,
    usedAt: null,
    createdAt: now,
  });
  const base = consoleUrl.replace(/\/+$/, '');
  return { url: `${base}/${page[purpose]}#token=${token}`, expiresAt: toInstant(expiresAt) };
}

const invalidLink = () =>
  new ApiError(404, 'not_found', {
    detail: 'This link is not valid any more: it was used, replaced or has expired. Ask for a new one.',
  });

/** The live link `token` and its person, or 404 (unknown, used, replaced, expired: one answer). */
async function liveToken(db: Db, token: string, now: number) {
  const [row] = await db
    .select({ token: accountTokens, user: users, businessName: businesses.name })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .innerJoin(businesses, eq(businesses.id, accountTokens.businessId))
    .where(and(eq(accountTokens.hash, sha256(token)), isNull(accountTokens.usedAt), isNull(users.removedAt)));
  if (!row || row.token.expiresAt <= now) throw invalidLink();
  return row;
}

/** What a link is for, shown before the person chooses a password. */
export async function describeAccountToken(db: Db, token: string, now: number): Promise<InvitationInfo> {
  const { token: row, user, businessName } = await liveToken(db, token, now);
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    businessName,
    purpose: row.purpose,
    expiresAt: toInstant(row.expiresAt),
  };
}

/** Uses a link up (inside the write transaction that sets the password) and returns its person. */
export async function consumeAccountToken(tx: Db, token: string, now: number) {
  const { token: row, user } = await liveToken(tx, token, now);
  await tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, row.id));
  return user;
}
