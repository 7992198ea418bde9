/**
 * @module The CSRF defence of cookie-authenticated requests. A cookie rides along with requests
 * other sites make (a form posting here, a `fetch` from another port of the same host, which is the
 * same *site*, so `SameSite=Lax` does not stop it). So every request that a session cookie
 * authenticates, and every sign-in, must:
 *  1. carry `X-Frontdesk-CSRF: 1`, a header no HTML form can send, and that a cross-origin `fetch`
 *     can only send after a CORS preflight, which this API never grants for it; and
 *  2. come from this origin: `Origin`, when the browser sends it, is this server's own origin, and
 *     `Sec-Fetch-Site`, when sent, is `same-origin`.
 * CORS never allows credentials, so no other origin can read a cookie-authenticated answer either.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { forbidden } from '../errors.js';
import { type SiteOptions, siteOrigin } from './site.js';

export const CSRF_HEADER = 'X-Frontdesk-CSRF';

/** Throws 403 unless the request is a same-origin call of the console (see above). */
export function requireSameOrigin(c: Context<AppEnv>, site: SiteOptions): void {
  if (c.req.header(CSRF_HEADER) !== '1') {
    throw forbidden(`Requests signed in with a session must send the header ${CSRF_HEADER}: 1`);
  }
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite !== undefined && fetchSite !== 'same-origin') {
    throw forbidden('Requests signed in with a session must come from the console on this server');
  }
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== siteOrigin(c, site)) {
    throw forbidden('Requests signed in with a session must come from the console on this server');
  }
}
