/**
 * @module Gives every request an id, answered as `X-Request-Id` and put in problems and logs. A
 * well-formed incoming id (from a proxy) is kept so that logs can be joined across hops.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { randomBase62 } from '../ids.js';

const acceptable = /^[A-Za-z0-9._-]{8,100}$/;

export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const id = incoming && acceptable.test(incoming) ? incoming : `req_${randomBase62(16)}`;
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
    // Error answers are built later in onError; make sure they carry the id too.
    c.res.headers.set('X-Request-Id', id);
  };
}
