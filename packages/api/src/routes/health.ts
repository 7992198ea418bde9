/**
 * @module `GET /healthz`: 200 when the database answers, 503 when it does not (for load balancers).
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../env.js';
import { json } from '../openapi/answers.js';
import { route } from '../openapi/route.js';

const Health = z.object({ ok: z.boolean(), db: z.enum(['up', 'down']) });

export function healthRoutes(): Hono<AppEnv> {
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
  return app;
}
