/**
 * @module Bearer-key (or console session) authentication, tenancy and origin checks. After this
 * middleware, `c.var.auth` names the one business the request may touch; every service call is
 * scoped by it, and every write it makes is recorded as made by its key or person.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { actingAs } from '../db/actor.js';
import type { AppEnv, AuthContext } from '../env.js';
import { forbidden, unauthorized } from '../errors.js';
import { authenticateCached } from '../services/key-cache.js';
import { markStage } from '../stage-probe.js';
import { authorizeSession, sessionCookieOf } from './session.js';

/**
 * Whether a browser page at `origin` may use this key: `*` allows any origin, `http://host:*` any
 * port of that host (handy for local development), anything else must match exactly.
 */
export function originAllowed(auth: AuthContext, origin: string): boolean {
  return auth.allowedOrigins.some((allowed) => {
    if (allowed === '*' || allowed === origin) return true;
    if (!allowed.endsWith(':*')) return false;
    const host = allowed.slice(0, -2);
    return (
      origin === host || (origin.startsWith(`${host}:`) && /^\d{1,5}$/.test(origin.slice(host.length + 1)))
    );
  });
}

/**
 * Whether `origin` is this server itself: the configured public URL, or the host the request was
 * sent to (a proxy may terminate TLS, so the scheme is not compared). Keys with the `self` origin
 * (the hosted booking page's) work only there.
 */
export function isOwnOrigin(c: Context<AppEnv>, origin: string): boolean {
  try {
    const from = new URL(origin);
    if (from.host === new URL(c.req.url).host) return true;
    const publicUrl = c.var.deps.site.publicUrl;
    return publicUrl !== undefined && new URL(publicUrl).origin === from.origin;
  } catch {
    return false;
  }
}

/** Headers a browser script may read on our answers. */
export const exposedHeaders =
  'RateLimit, RateLimit-Policy, Retry-After, X-Request-Id, Idempotent-Replayed, Location';

/**
 * A 401 a browser script can read. Without `Access-Control-Allow-Origin` the page sees a network
 * error instead of "unknown or revoked key". Reflecting any origin is safe here: no credentials
 * (cookies) are involved and the answer says nothing about any business.
 */
export function readableUnauthorized(c: Context<AppEnv>, detail: string) {
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', exposedHeaders);
    c.header('Vary', 'Origin', { append: true });
  }
  return unauthorized(detail);
}

/**
 * Requires a valid key, or (without an `Authorization` header) a console session cookie. A request
 * carrying `Origin` (a browser) with a key must come from one of the key's allowed origins; only
 * then does the answer carry `Access-Control-Allow-Origin`. A session request must be same-origin
 * and never gets CORS headers.
 */
export function authenticateKey(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    markStage('middleware');
    const header = c.req.header('authorization');
    const session = header === undefined ? sessionCookieOf(c) : undefined;
    let auth: AuthContext;
    if (session !== undefined) {
      auth = await authorizeSession(c, session);
    } else {
      const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
      if (!match) throw readableUnauthorized(c, 'Send Authorization: Bearer fd_pk_… or fd_sk_…');
      auth = await authorizeKey(c, match[1]!);
    }
    c.set('auth', auth);
    actAs(c, auth.keyId);
    markStage('auth');
    await next();
  };
}

/** Makes every write of this request record `actor` on its events (see `db/actor.ts`). */
export function actAs(c: Context<AppEnv>, actor: string): void {
  const deps = c.get('deps');
  c.set('deps', { ...deps, database: actingAs(deps.database, actor) });
}

/**
 * Looks `key` up (401 when unknown or revoked) and, for a browser request, checks its `Origin`
 * against the key (403) and answers with the CORS headers. Shared by the middleware above and by
 * routes that take the key another way (the stock stream's `?key=`).
 */
export async function authorizeKey(c: Context<AppEnv>, key: string): Promise<AuthContext> {
  const auth = await authenticateCached(c.get('deps').database, key);
  if (!auth) throw readableUnauthorized(c, 'Unknown or revoked API key');
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    const allowed =
      originAllowed(auth, origin) || (auth.allowedOrigins.includes('self') && isOwnOrigin(c, origin));
    if (!allowed) throw forbidden(`This key may not be used from ${origin}`);
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', exposedHeaders);
    c.header('Vary', 'Origin', { append: true });
  }
  return auth;
}

/** Secret-key-only routes: a publishable key gets 403 `forbidden`. */
export function requireSecret(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.var.auth.kind !== 'secret') throw forbidden('This needs a secret key (fd_sk_…)');
    await next();
  };
}

/** Console-session-only routes (about the signed-in person): a key gets 403 `forbidden`. */
export function requireSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.var.auth.user) throw forbidden('This call needs a console session, not an API key');
    await next();
  };
}

/** Whether the request was made with a secret key (and so may see PII and admin fields). */
export const isSecret = (auth: AuthContext) => auth.kind === 'secret';
