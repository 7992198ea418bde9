/**
 * @module The console's sessions. Without a session: `POST /session` (sign in), and the one-time
 * links (`POST /invitations/lookup`, `POST /invitations/accept`). With one: `GET /session` (who am
 * I), `DELETE /session` (sign out), `DELETE /sessions` (sign out everywhere), `POST
 * /session/password`. All of them only from this server's own pages (see `same-origin.ts`).
 */
import {
  InvitationAcceptInput,
  InvitationInfo,
  InvitationToken,
  PasswordChangeInput,
  SessionInfo,
  SignInInput,
} from '@frontdesk/core';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { clientAddress } from '../middleware/rate-limit.js';
import { requireSameOrigin } from '../middleware/same-origin.js';
import {
  clearSessionCookie,
  sessionCookieOf,
  sessionEnded,
  setSessionCookie,
} from '../middleware/session.js';
import { readJson } from '../middleware/validate.js';
import { empty, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
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
  app.post(
    '/session',
    route({
      summary: 'Sign in to the console',
      description:
        'Sets the HttpOnly session cookie (a new session id every time; the one the browser had ends). ' +
        'From pages of this server only, with `X-Frontdesk-CSRF: 1`. An unknown email and a wrong ' +
        'password get the same answer.',
      tag: 'Sessions',
      auth: 'none',
      body: SignInInput,
      responses: {
        200: SessionInfo,
        401: problem({ unauthorized: 'The email or the password is not right.' }),
        403: problem({ forbidden: 'Not a same-origin request with `X-Frontdesk-CSRF: 1`.' }),
        429: problem({
          rate_limited: 'Too many failed sign-ins for this email (5) or address (30) in 15 minutes.',
        }),
      },
    }),
    sameOrigin,
    async (c) => {
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
    },
  );
  const linkAnswers = {
    403: problem({ forbidden: 'Not a same-origin request with `X-Frontdesk-CSRF: 1`.' }),
    404: problem({ not_found: 'The link was used, replaced by a newer one, or has expired.' }),
  };
  app.post(
    '/invitations/lookup',
    route({
      summary: 'What a one-time link is for',
      description: "A set-up link (a new business's owner) or an invitation, before choosing a password.",
      tag: 'Sessions',
      auth: 'none',
      body: InvitationToken,
      responses: { 200: InvitationInfo, ...linkAnswers },
    }),
    sameOrigin,
    async (c) => {
      const { token } = await readJson(c, InvitationToken);
      const { database, clock } = c.var.deps;
      c.header('Cache-Control', 'no-store');
      return c.json(await describeAccountToken(database.db, token, clock()));
    },
  );
  app.post(
    '/invitations/accept',
    route({
      summary: 'Choose a password with a one-time link, and sign in',
      tag: 'Sessions',
      auth: 'none',
      body: InvitationAcceptInput,
      responses: { 200: SessionInfo, ...linkAnswers },
    }),
    sameOrigin,
    async (c) => {
      const input = await readJson(c, InvitationAcceptInput);
      const { database, clock } = c.var.deps;
      return started(c, await acceptInvitation(database, input, clock));
    },
  );
  return app;
}

/** The session of the request (`route({ auth: 'session' })` has refused keys already). */
function sessionOf(c: Context<AppEnv>) {
  return c.var.auth.user!;
}

/** Routes about the signed-in person (behind `/v1`'s authentication). */
export function sessionRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/session',
    route({
      summary: 'Who is signed in, and until when',
      tag: 'Sessions',
      auth: 'session',
      responses: { 200: SessionInfo },
    }),
    async (c) => {
      const me = sessionOf(c);
      const { db, businessId, now } = scope(c);
      const user = await getUserRow(db, businessId, me.id);
      const found = await findSession(db, sessionCookieOf(c) ?? '', now);
      if (!found) throw sessionEnded();
      return c.json(await sessionInfo(db, user, found.session));
    },
  );
  app.delete(
    '/session',
    route({ summary: 'Sign out', tag: 'Sessions', auth: 'session', responses: { 204: empty('Signed out') } }),
    async (c) => {
      const me = sessionOf(c);
      const { database, now } = scope(c);
      await database.write((tx) => revokeSession(tx, me.sessionId, now));
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
  app.delete(
    '/sessions',
    route({
      summary: 'Sign out everywhere',
      description: 'Every session of the signed-in person ends, this one included.',
      tag: 'Sessions',
      auth: 'session',
      responses: { 204: empty('Signed out everywhere') },
    }),
    async (c) => {
      const me = sessionOf(c);
      const { database, now } = scope(c);
      await database.write((tx) => revokeSessionsOf(tx, me.id, now));
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
  app.post(
    '/session/password',
    route({
      summary: 'Change the password',
      description:
        'Every other session of the person ends. A new password has at least 10 characters and is not ' +
        'a well-known one (`422` on `newPassword`); a wrong current password is `422` on `currentPassword`.',
      tag: 'Sessions',
      auth: 'session',
      body: PasswordChangeInput,
      responses: { 204: empty('Changed') },
    }),
    async (c) => {
      const me = sessionOf(c);
      const input = await readJson(c, PasswordChangeInput);
      const { database, businessId } = scope(c);
      const user = await getUserRow(database.db, businessId, me.id);
      await changePassword(database, user, me.sessionId, input, c.var.deps.clock);
      return c.body(null, 204);
    },
  );
  return app;
}
