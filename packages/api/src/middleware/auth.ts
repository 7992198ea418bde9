/**
 * @module Key (or console session) authentication, tenancy and origin checks. After this
 * middleware, `c.var.auth` names the one business the request may touch; every service call is
 * scoped by it, and every write it makes is recorded as made by its key or person.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { actingAs } from '../db/actor.js';
import type { AppEnv, AuthContext } from '../env.js';
import { ambiguousKey, forbidden, unauthorized } from '../errors.js';
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
 * `error` made readable to a browser script: without `Access-Control-Allow-Origin` the page sees a
 * network error instead of "unknown or revoked key". Reflecting any origin is safe for the errors
 * of naming a key (no key, an unknown one, two, a secret one in the URL): no credentials (cookies)
 * are involved and the answer says nothing about any business.
 */
function readable<E>(c: Context<AppEnv>, error: E): E {
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', exposedHeaders);
    c.header('Vary', 'Origin', { append: true });
  }
  return error;
}

/** A 401 a browser script can read (see `readable`). */
export const readableUnauthorized = (c: Context<AppEnv>, detail: string) => readable(c, unauthorized(detail));

/**
 * The values of `key` in the query string, or undefined when it has none. Most queries name no key
 * and escape nothing: those are answered from one `indexOf` each, without Hono's decoding scan.
 */
function queryKeys(c: Context<AppEnv>): string[] | undefined {
  const url = c.req.url;
  const at = url.indexOf('?');
  if (at === -1 || (url.indexOf('key', at) === -1 && url.indexOf('%', at) === -1)) return undefined;
  return c.req.queries('key');
}

const readsQueryKey = (method: string) => method === 'GET' || method === 'HEAD';

/**
 * The key a request carries: `Authorization: Bearer …`, or, on GET and HEAD only, `?key=`. A key in
 * the query lets a browser page make its GETs without a CORS preflight (`Authorization` is not a
 * safelisted header); it is meant for publishable keys, which are public anyway. Undefined when the
 * request names no key (a console session may then authenticate it).
 * - A secret key anywhere in the query: 403, before any lookup and on any method — URLs end up in
 *   logs, histories and `Referer`s, and a secret that worked there would stay there.
 * - A key in the header and in the query, or `key` twice in the query: 400 `ambiguous_key`.
 * - `?key=` on other methods is not read (writes keep the header; their JSON bodies are preflighted
 *   anyway), so with no header the request has no key.
 * - An `Authorization` header that is not `Bearer <key>`: 401.
 */
export function keyOf(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('authorization');
  const inQuery = queryKeys(c);
  if (inQuery !== undefined) {
    if (inQuery.some((key) => /fd_sk_/i.test(key))) {
      throw readable(
        c,
        forbidden('Never put a secret key in a URL: send it as Authorization: Bearer fd_sk_…'),
      );
    }
    if (header !== undefined) {
      throw readable(c, ambiguousKey('Send the key either as Authorization: Bearer … or as ?key=, not both'));
    }
    if (readsQueryKey(c.req.method)) {
      if (inQuery.length > 1) throw readable(c, ambiguousKey('Send one ?key=, not several'));
      return inQuery[0];
    }
  }
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw readableUnauthorized(c, 'Send Authorization: Bearer fd_pk_… or fd_sk_…');
  return match[1];
}

/** The 401 of a request that names no key (and has no session). */
function noKey(c: Context<AppEnv>) {
  return readableUnauthorized(
    c,
    readsQueryKey(c.req.method) || queryKeys(c) === undefined
      ? 'Send Authorization: Bearer fd_pk_… or fd_sk_…, or ?key=fd_pk_… on a GET'
      : `?key= is read on GET and HEAD only; send ${c.req.method} with Authorization: Bearer …`,
  );
}

/** Who a request is, and by what: its key (`keyOf`), else the console's session cookie, else 401. */
export async function authenticateRequest(
  c: Context<AppEnv>,
): Promise<
  { auth: AuthContext; key: string; session?: never } | { auth: AuthContext; key?: never; session: string }
> {
  const key = keyOf(c);
  if (key !== undefined) return { auth: await authorizeKey(c, key), key };
  const session = sessionCookieOf(c);
  if (session === undefined) throw noKey(c);
  return { auth: await authorizeSession(c, session), session };
}

/**
 * Requires a valid key (`keyOf`), or, when the request names none, a console session cookie. A
 * request carrying `Origin` (a browser) with a key must come from one of the key's allowed origins;
 * only then does the answer carry `Access-Control-Allow-Origin`. A session request must be
 * same-origin and never gets CORS headers.
 */
export function authenticateKey(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    markStage('middleware');
    const { auth } = await authenticateRequest(c);
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
 * the stock stream, which authenticates itself.
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
