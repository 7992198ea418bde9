/**
 * @module Console sessions on the request side: the cookie (`HttpOnly; SameSite=Lax; Path=/`, and
 * `Secure` over https), and turning a cookie into the request's `auth` after the same-origin check.
 * The cookie is the only place the session id ever is: no answer body carries it, and scripts
 * cannot read it.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, AuthContext } from '../env.js';
import { ApiError } from '../errors.js';
import { findSession, needsTouch, type SessionRow, touchSession } from '../services/sessions.js';
import { requireSameOrigin } from './same-origin.js';
import { isHttps } from './site.js';
import { checkStaffRoute } from './staff-scope.js';

export const SESSION_COOKIE = 'frontdesk_session';

/** The session cookie's value, if the request has one. */
export const sessionCookieOf = (c: Context<AppEnv>) => getCookie(c, SESSION_COOKIE);

export function setSessionCookie(c: Context<AppEnv>, token: string, session: SessionRow): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, c.var.deps.site),
    // The absolute limit; the idle one is enforced by the server.
    maxAge: Math.max(0, Math.floor((session.expiresAt - c.var.deps.clock()) / 1000)),
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, c.var.deps.site),
  });
}

/** A `Set-Cookie` that removes the session cookie, for answers built from errors. */
const expiredCookie = `${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax`;

export const sessionEnded = () =>
  new ApiError(401, 'unauthorized', {
    detail: 'Your session has ended. Please sign in again.',
    headers: { 'Set-Cookie': expiredCookie, 'Cache-Control': 'no-store' },
  });

/**
 * The `auth` of a request carrying the session cookie `token`: same-origin check first (403), then
 * the session (401 when unknown or expired), then, for staff, whether they may make this call (403).
 */
export async function authorizeSession(c: Context<AppEnv>, token: string): Promise<AuthContext> {
  const { database, clock, site } = c.var.deps;
  requireSameOrigin(c, site);
  const now = clock();
  const found = await findSession(database.db, token, now);
  if (!found) throw sessionEnded();
  const { session, user } = found;
  if (needsTouch(session, now)) await database.write((tx) => touchSession(tx, session.id, now));
  // Answers to a signed-in person are theirs alone: never stored by a shared cache.
  c.header('Cache-Control', 'no-store');
  const auth: AuthContext = {
    keyId: user.id,
    businessId: user.businessId,
    kind: 'secret',
    allowedOrigins: [],
    user: { id: user.id, role: user.role, resourceIds: user.resourceIds, sessionId: session.id },
  };
  if (user.role === 'staff') checkStaffRoute(c);
  return auth;
}
