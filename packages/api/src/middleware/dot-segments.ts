/**
 * @module Refuses request paths with `.` or `..` segments before routing. URL parsers (WHATWG, and
 * so @hono/node-server and every `Request`) resolve them, raw or percent-encoded: `/v1/services/../
 * products` would be answered by `/v1/products`, and `/v1/bookings/./confirm` by a route the client
 * never named. The raw request line is the only place they are still visible.
 */
import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';

/** A segment that a URL parser treats as `.` or `..` (`%2e` in any case counts as a dot). */
const dotSegment = /^(?:\.|%2e){1,2}$/i;

/** Whether the raw path (query and fragment ignored) has a dot segment; `\` separates like `/`. */
export function hasDotSegment(rawTarget: string): boolean {
  const end = rawTarget.search(/[?#]/);
  const path = end === -1 ? rawTarget : rawTarget.slice(0, end);
  return path.split(/[/\\]/).some((segment) => dotSegment.test(segment));
}

export function refuseDotSegments(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Under @hono/node-server the raw target is on the incoming message; a `Request` built
    // elsewhere has already resolved its dot segments, so there is nothing left to confuse.
    const raw = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.url;
    if (raw !== undefined && hasDotSegment(raw)) {
      // 404, not a new code: as written, the path names no route (clients already handle 404).
      throw new ApiError(404, 'not_found', {
        detail: 'Paths with "." or ".." segments are not served; send the path without them',
      });
    }
    await next();
  };
}
