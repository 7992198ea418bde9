/**
 * @module Sign-in throttling: failed attempts are counted per account (the email typed, whether or
 * not it exists, so the limit itself reveals nothing) and per client address, in the database so
 * that the limits hold across processes. Past the limit, sign-in answers 429 until the oldest
 * counted failure leaves the window, even with the right password.
 */
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { loginFailures } from '../db/schema.js';
import { ApiError } from '../errors.js';

export interface ThrottleLimits {
  /** Failures counted over this many ms. Default 15 minutes. */
  windowMs: number;
  /** Failures allowed per account in the window. Default 5. */
  perAccount: number;
  /** Failures allowed per address in the window (offices share one). Default 30. */
  perAddress: number;
}

export const defaultThrottle: ThrottleLimits = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 30 };

const subjects = (email: string, address: string) => ({
  account: `account:${email}`,
  address: `address:${address}`,
});

/** ms until `subject` may try again, or 0. */
async function waitFor(db: Db, subject: string, limit: number, limits: ThrottleLimits, now: number) {
  const recent = await db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(eq(loginFailures.subject, subject), gt(loginFailures.at, now - limits.windowMs)))
    .orderBy(asc(loginFailures.at));
  if (recent.length < limit) return 0;
  // Allowed again when enough failures have left the window to be under the limit.
  return recent[recent.length - limit]!.at + limits.windowMs - now;
}

/** Throws 429 when the account or the address has failed too often lately. */
export async function checkThrottle(
  db: Db,
  email: string,
  address: string,
  limits: ThrottleLimits,
  now: number,
): Promise<void> {
  const s = subjects(email, address);
  const wait = Math.max(
    await waitFor(db, s.account, limits.perAccount, limits, now),
    await waitFor(db, s.address, limits.perAddress, limits, now),
  );
  if (wait <= 0) return;
  const seconds = Math.ceil(wait / 1000);
  throw new ApiError(429, 'rate_limited', {
    detail: `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}.`,
    retryAfter: seconds,
    headers: { 'Retry-After': String(seconds) },
  });
}

/**
 * Counts one failure against the account and the address, and forgets every failure that has left
 * the window (of any subject): the table holds at most the last window's failures.
 */
export async function recordFailure(
  tx: Db,
  email: string,
  address: string,
  limits: ThrottleLimits,
  now: number,
): Promise<void> {
  const s = subjects(email, address);
  await tx.delete(loginFailures).where(lte(loginFailures.at, now - limits.windowMs));
  await tx.insert(loginFailures).values([
    { subject: s.account, at: now },
    { subject: s.address, at: now },
  ]);
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearAccountFailures(tx: Db, email: string): Promise<void> {
  await tx.delete(loginFailures).where(eq(loginFailures.subject, `account:${email}`));
}
