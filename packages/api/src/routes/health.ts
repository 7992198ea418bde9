/**
 * @module `GET /healthz` (liveness): 200 when the database answers, 503 when it does not (for load
 * balancers). `GET /readyz` (readiness): 200 when the database answers, its migrations are current
 * and the background worker (if one is registered) beats; 503 naming what is not ready.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { json, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { checkReadiness, type ReadinessOptions } from '../services/readiness.js';

const Health = z.object({ ok: z.boolean(), db: z.enum(['up', 'down']) });
const Ready = z.object({
  database: z.literal('ok'),
  migrations: z.literal('current'),
  worker: z.enum(['ok', 'absent']),
});

export function healthRoutes(readiness: ReadinessOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/healthz',
    route({
      summary: 'Health: 200 when the database answers',
      description: 'For load balancers and uptime checks; needs no key.',
      tag: 'Operations',
      auth: 'none',
      responses: { 200: Health, 503: json(Health, 'The database does not answer') },
    }),
    async (c) => {
      try {
        await c.var.deps.database.client.execute('SELECT 1');
        return c.json({ ok: true, db: 'up' });
      } catch (error) {
        c.var.deps.logger.error('health check failed', { error: String(error) });
        return c.json({ ok: false, db: 'down' }, 503);
      }
    },
  );
  app.get(
    '/readyz',
    route({
      summary: 'Readiness: 200 when this process should get traffic',
      description:
        'The database answers, every migration of this version is applied, and the background ' +
        'worker, when one runs, has beaten in the last minute (`worker: absent` when none runs). ' +
        'For rolling deploys and orchestrators; `/healthz` stays the liveness check. Needs no key.',
      tag: 'Operations',
      auth: 'none',
      responses: {
        200: Ready,
        503: problem({
          not_ready:
            'The database does not answer, a migration is not applied (run `frontdesk migrate`), or the worker is stale; `detail` says which.',
        }),
      },
    }),
    async (c) => {
      const { database, clock, logger } = c.var.deps;
      const report = await checkReadiness(database, clock(), readiness);
      if (report.reasons.length > 0) {
        // Not an error line: an orchestrator acts on the 503 (and /healthz logs a dead database).
        logger.warn('not ready', {
          reasons: report.reasons,
          ...(report.error ? { error: report.error } : {}),
        });
        throw new ApiError(503, 'not_ready', {
          detail: `Not ready: ${report.reasons.join('; ')}`,
          headers: { 'Retry-After': '5' },
          retryAfter: 5,
        });
      }
      return c.json({
        database: 'ok',
        migrations: 'current',
        worker: report.worker === 'ok' ? 'ok' : 'absent',
      });
    },
  );
  return app;
}
