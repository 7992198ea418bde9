/**
 * @module CORS preflights. A preflight carries no Authorization header, so it cannot be checked
 * against a key: it is answered for any origin, and the real request is then refused (403) or
 * allowed by the key's origin list in `auth.ts`, which alone sets `Access-Control-Allow-Origin`.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

export function preflight(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method !== 'OPTIONS' || !origin || !c.req.header('access-control-request-method')) {
      return next();
    }
    return c.body(null, 204, {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, X-Request-Id',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    });
  };
}
