/**
 * @module The console's sessions. Without a session: `POST /session` (sign in), and the one-time
 * links (`POST /invitations/lookup`, `POST /invitations/accept`). With one: `GET /session` (who am
 * I), `DELETE /session` (sign out), `DELETE /sessions` (sign out everywhere), `POST
 * /session/password`. All of them only from this server's own pages (see `same-origin.ts`).
 */
import { InvitationAcceptInput, InvitationToken, PasswordChangeInput, SignInInput } from '@frontdesk/core';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { forbidden } from '../errors.js';
import { clientAddress } from '../middleware/rate-limit.js';
import { requireSameOrigin } from '../middleware/same-origin.js';
import { clearSessionCookie, sessionCookieOf, setSessionCookie } from '../middleware/session.js';
import { readJson } from '../middleware/validate.js';
import { describeAccountToken } from '../services/account-tokens.js';
import { sessionInfo } from '../services/session-info.js';
import { findSession, revokeSession, revokeSessionsOf } from '../services/sessions.js';
import { acceptInvitation, changePassword, type Started, signIn } from '../services/sign-in.js';
import { getUserRow } from '../services/users.js';
import { scope } from './kit.js';

/** Answers a started session: the cookie, and who signed in (never the session id itself). */
async function started(c: Context<AppEnv>, { token, session, user }: Started) {
  setSessionCookie(c, token, session);
  c.header('Cache-Control', 'no-store');
  return c.json(await sessionInfo(c.var.deps.database.db, user, session));
}

/** Routes that need no session (mounted before `/v1`'s authentication). */
export function publicSessionRoutes(options: { trustProxy: boolean | number }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Per route, not `app.use`: mounted at `/v1`, a catch-all middleware here would run for every call.
  const sameOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
    requireSameOrigin(c, c.var.deps.site);
    await next();
  };
  app.post('/session', sameOrigin, async (c) => {
    const input = await readJson(c, SignInInput);
    const { database, clock, loginThrottle } = c.var.deps;
    const previous = sessionCookieOf(c);
    const previousSession = previous
      ? (await findSession(database.db, previous, clock()))?.session.id
      : undefined;
    const result = await signIn(
      database,
      { ...input, address: clientAddress(c, options.trustProxy), previousSession },
      loginThrottle,
      clock,
    );
    return started(c, result);
  });
  app.post('/invitations/lookup', sameOrigin, async (c) => {
    const { token } = await readJson(c, InvitationToken);
    const { database, clock } = c.var.deps;
    c.header('Cache-Control', 'no-store');
    return c.json(await describeAccountToken(database.db, token, clock()));
  });
  app.post('/invitations/accept', sameOrigin, async (c) => {
    const input = await readJson(c, InvitationAcceptInput);
    const { database, clock } = c.var.deps;
    return started(c, await acceptInvitation(database, input, clock));
  });
  return app;
}

/** The session of the request, or 403 for keys (these calls are about a signed-in person). */
function sessionOf(c: Context<AppEnv>) {
  const user = c.var.auth.user;
  if (!user) throw forbidden('This call needs a console session, not an API key');
  return user;
}

/** Routes about the signed-in person (behind `/v1`'s authentication). */
export function sessionRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/session', async (c) => {
    const me = sessionOf(c);
    const { db, businessId, now } = scope(c);
    const user = await getUserRow(db, businessId, me.id);
    const found = await findSession(db, sessionCookieOf(c) ?? '', now);
    if (!found) throw forbidden('This call needs a console session');
    return c.json(await sessionInfo(db, user, found.session));
  });
  app.delete('/session', async (c) => {
    const me = sessionOf(c);
    const { database, now } = scope(c);
    await database.write((tx) => revokeSession(tx, me.sessionId, now));
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  app.delete('/sessions', async (c) => {
    const me = sessionOf(c);
    const { database, now } = scope(c);
    await database.write((tx) => revokeSessionsOf(tx, me.id, now));
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  app.post('/session/password', async (c) => {
    const me = sessionOf(c);
    const input = await readJson(c, PasswordChangeInput);
    const { database, businessId } = scope(c);
    const user = await getUserRow(database.db, businessId, me.id);
    await changePassword(database, user, me.sessionId, input, c.var.deps.clock);
    return c.body(null, 204);
  });
  return app;
}
