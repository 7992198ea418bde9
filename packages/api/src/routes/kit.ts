/**
 * @module What route modules get from `createApp`: shared middleware instances and small helpers
 * for reading the request's scope.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

export interface RouteKit {
  /** The rate limiter of public writes (holds, bookings, cancel, reschedule, reservations). */
  publicWriteLimit: MiddlewareHandler<AppEnv>;
  /** The cap on live holds per (publishable key, client address); `false` = none. */
  maxLiveHoldsPerClient: number | false;
  /** `keyId|client address` (X-Forwarded-For read as `trustProxy` says). */
  clientOf(c: Context<AppEnv>): string;
}

/**
 * The parts of a request every service call needs: which business, which database, what time, and
 * where to log.
 */
export function scope(c: Context<AppEnv>) {
  // `c.get`, not `c.var`: Hono's `var` copies every variable into a new object on each access.
  const { database, clock, logger } = c.get('deps');
  const auth = c.get('auth');
  return {
    businessId: auth.businessId,
    auth,
    database,
    db: database.db,
    now: clock(),
    logger,
  };
}

/** The `:id`-style path parameter, never undefined for a matched route. */
export function param(c: Context<AppEnv>, name: string): string {
  return c.req.param(name) ?? '';
}
