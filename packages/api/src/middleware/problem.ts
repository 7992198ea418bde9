/**
 * @module The one place errors become answers: RFC 9457 `application/problem+json`. Domain errors
 * keep their status and code; anything else is a bug, logged and answered as a bare 500.
 */

import type { Problem } from '@frontdesk/core';
import type { Context, ErrorHandler, Hono, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isBusyError } from '../db/writer.js';
import type { AppEnv } from '../env.js';
import { ApiError, isApiError } from '../errors.js';
import { routePatternOf } from './route-pattern.js';

/** Builds a problem+json response for an `ApiError`. */
export function problemResponse(c: Context<AppEnv>, error: ApiError): Response {
  const requestId = c.get('requestId');
  const body: Problem = {
    type: `https://frontdesk.dev/problems/${error.code.replaceAll('_', '-')}`,
    title: error.title,
    status: error.status,
    code: error.code,
    ...(error.detail !== undefined ? { detail: error.detail } : {}),
    instance: c.req.path,
    ...(requestId ? { requestId } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
  };
  const headers = new Headers({ 'Content-Type': 'application/problem+json' });
  for (const [name, value] of Object.entries(error.headers)) headers.set(name, value);
  // Headers set earlier by middleware (CORS, rate limit, request id) must survive the error.
  for (const [name, value] of c.res.headers) {
    const lower = name.toLowerCase();
    if (lower.startsWith('access-control-') || lower.startsWith('ratelimit') || lower === 'vary') {
      headers.set(name, value);
    }
  }
  if (requestId) headers.set('X-Request-Id', requestId);
  return new Response(JSON.stringify(body), { status: error.status, headers });
}

/** Maps thrown errors to problems; unknown ones are logged with the request id, never leaked. */
export const onError: ErrorHandler<AppEnv> = (error, c) => {
  if (isApiError(error)) return problemResponse(c, error);
  if (error instanceof HTTPException) {
    if (error.status === 413) return problemResponse(c, new ApiError(413, 'payload_too_large'));
    if (error.status < 500) {
      return problemResponse(
        c,
        new ApiError(error.status, error.status === 404 ? 'not_found' : 'validation_failed'),
      );
    }
  }
  if (isBusyError(error)) {
    // Another process held the database for longer than busy_timeout and every retry: not a bug,
    // an overload. Say so, and when to come back; the request changed nothing.
    c.get('deps')?.logger.error('database busy after retries', {
      requestId: c.get('requestId'),
      route: routePatternOf(c),
    });
    return problemResponse(
      c,
      new ApiError(503, 'internal_error', {
        detail: 'The database is busy; nothing was changed, retry shortly',
        headers: { 'Retry-After': '1' },
        retryAfter: 1,
      }),
    );
  }
  c.get('deps')?.logger.error('unhandled error', {
    requestId: c.get('requestId'),
    method: c.req.method,
    // The pattern, not the path: a path can name a customer (`/v1/customers/{email}`).
    route: routePatternOf(c),
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  return problemResponse(
    c,
    new ApiError(500, 'internal_error', { detail: 'Something went wrong on our side' }),
  );
};

/** Compiles Hono route paths (`/v1/bookings/:id`) into matchers, for telling 404 from 405. */
function pathMatcher(path: string): RegExp {
  const pattern = path
    .split('/')
    .map((part) =>
      part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  // Exact, like the router (strict: `/v1/services/` is not `/v1/services`): a trailing slash is a
  // 404, not a 405 that lists methods the same URL then refuses.
  return new RegExp(`^${pattern}$`);
}

/**
 * Unknown path → 404 problem; known path with another method → 405 with `Allow`. Reads the app's
 * own route list, so it can never disagree with the routes that exist.
 */
export function notFoundHandler(app: Hono<AppEnv>): NotFoundHandler<AppEnv> {
  let routes: { method: string; matcher: RegExp }[] | undefined;
  return (c) => {
    routes ??= app.routes
      .filter((r) => r.method !== 'ALL' && !r.path.endsWith('*'))
      .map((r) => ({ method: r.method, matcher: pathMatcher(r.path) }));
    const allowed = new Set(routes.filter((r) => r.matcher.test(c.req.path)).map((r) => r.method));
    if (allowed.size > 0) {
      const allow = [...allowed, 'OPTIONS'].join(', ');
      return problemResponse(
        c,
        new ApiError(405, 'method_not_allowed', {
          detail: `Use one of: ${allow}`,
          headers: { Allow: allow },
        }),
      );
    }
    return problemResponse(c, new ApiError(404, 'not_found', { detail: `No route for ${c.req.path}` }));
  };
}
