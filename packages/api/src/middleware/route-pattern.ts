/**
 * @module The route a request was for, as registered (`/v1/bookings/:id`), never the URL it came
 * with: what metrics label and the request log name. A pattern carries no id, token or email, and
 * there are only as many as the app has routes, so a metric labelled with it stays small.
 */
import type { Context } from 'hono';
import { routePath } from 'hono/route';

/**
 * The last route that matched the request: the route's own pattern even when a middleware answered
 * first (no key: 401), else the widest middleware pattern it fell to (`/v1/*`, `*`) for a path no
 * route serves.
 */
export function routePatternOf(c: Context): string {
  return routePath(c, -1) || '*';
}

const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The request method, or `OTHER` for one the app never serves (keeps a label's values few). */
export function methodOf(c: Context): string {
  return methods.has(c.req.method) ? c.req.method : 'OTHER';
}
