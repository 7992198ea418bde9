/**
 * @module `GET /metrics`: Prometheus text for a scraper holding the metrics token. Off unless the
 * app was given a token (`FRONTDESK_METRICS_TOKEN`): then 404. Without `Authorization: Bearer
 * <token>`, or with another token, 401 and never a metric: the route patterns and counts say how
 * the service is used, which is not for everyone.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import type { AppMetrics } from '../metrics/registry.js';
import { content, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';

export interface MetricsRouteOptions {
  /** The metrics and the token a scraper must send; undefined: metrics are off. */
  metrics: AppMetrics | undefined;
  token: string | undefined;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares digests of equal length, so the time taken says nothing about the token. */
function sameToken(given: string, expected: Buffer): boolean {
  return timingSafeEqual(digest(given), expected);
}

export function metricsRoutes(options: MetricsRouteOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const expected = options.token === undefined ? undefined : digest(options.token);
  app.get(
    '/metrics',
    route({
      summary: 'Metrics, in Prometheus text format',
      description:
        'For a Prometheus scraper: `Authorization: Bearer` with the token the server was started ' +
        'with (`FRONTDESK_METRICS_TOKEN`). Off (404) when the server has no token. No label carries ' +
        'a business id, key, email or token. See docs/operations.md for the metric names.',
      tag: 'Operations',
      auth: 'none',
      responses: {
        200: content('text/plain', 'The metrics (text format 0.0.4)'),
        401: problem({ unauthorized: 'No `Authorization: Bearer` header, or not the metrics token.' }),
        404: problem({ not_found: 'Metrics are off: the server was started without a metrics token.' }),
      },
    }),
    async (c) => {
      if (options.metrics === undefined || expected === undefined) {
        throw new ApiError(404, 'not_found', {
          detail: 'Metrics are off; start the server with FRONTDESK_METRICS_TOKEN to serve them',
        });
      }
      const given = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
      if (given === undefined || !sameToken(given, expected)) {
        throw new ApiError(401, 'unauthorized', {
          detail: 'Send Authorization: Bearer with the metrics token',
          headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' },
        });
      }
      const { registry } = options.metrics;
      return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
    },
  );
  return app;
}
