/**
 * @module What route modules get from `createApp`: shared middleware instances and small helpers
 * for reading the request's scope.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

export interface RouteKit {
  /** The rate limiter of public writes (holds, bookings, cancel, reschedule, reservations). */
  publicWriteLimit: MiddlewareHandler<AppEnv>;
}

/** The parts of a request every service call needs: which business, which database, what time. */
export function scope(c: Context<AppEnv>) {
  const { database, clock } = c.var.deps;
  return { businessId: c.var.auth.businessId, auth: c.var.auth, database, db: database.db, now: clock() };
}

/** The `:id`-style path parameter, never undefined for a matched route. */
export function param(c: Context<AppEnv>, name: string): string {
  return c.req.param(name) ?? '';
}
