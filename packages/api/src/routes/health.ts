/**
 * @module `GET /healthz`: 200 when the database answers, 503 when it does not (for load balancers).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';

export function healthRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', async (c) => {
    try {
      await c.var.deps.database.client.execute('SELECT 1');
      return c.json({ ok: true, db: 'up' });
    } catch (error) {
      c.var.deps.logger.error('health check failed', { error: String(error) });
      return c.json({ ok: false, db: 'down' }, 503);
    }
  });
  return app;
}
