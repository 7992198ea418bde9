/**
 * @module Measures every request for `GET /metrics`: its duration by method, route pattern and
 * status class, and what its answer says happened — a booking created (not a replay), cancelled,
 * declined or rescheduled; a `slot_unavailable` or `insufficient_stock` conflict (on any route);
 * an idempotent replay. Read from the answer (route, status, error code, `Idempotent-Replayed`),
 * so routes and services carry no metrics code, and an answer counts only once it is given: a
 * write that rolled back is never counted as a change.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { isApiError } from '../errors.js';
import type { AppMetrics } from '../metrics/registry.js';
import { methodOf, routePatternOf } from './route-pattern.js';

/** `method route status` of the answers that change a booking, and the change each one is. */
const bookingChanges = new Map([
  ['POST /v1/bookings 201', 'created'],
  ['POST /v1/bookings/:id/cancel 200', 'cancelled'],
  ['POST /v1/bookings/:id/decline 200', 'declined'],
  ['POST /v1/bookings/:id/reschedule 200', 'rescheduled'],
]);

const conflictCodes = new Set(['slot_unavailable', 'insufficient_stock']);

export function measureRequests(metrics: AppMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const stop = metrics.requestDuration.startTimer();
    await next();
    const method = methodOf(c);
    const route = routePatternOf(c);
    const status = c.res.status;
    stop({ method, route, status_class: `${Math.floor(status / 100)}xx` });
    if (c.res.headers.get('idempotent-replayed') === 'true') {
      metrics.idempotentReplays.inc({ route });
      return;
    }
    const change = bookingChanges.get(`${method} ${route} ${status}`);
    if (change !== undefined) metrics.bookingChanges.inc({ change });
    if (status === 409 && isApiError(c.error) && conflictCodes.has(c.error.code)) {
      metrics.conflicts.inc({ code: c.error.code });
    }
  };
}
