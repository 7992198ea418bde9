/**
 * @module The catch-all error handler: no internals leaked, a busy database is a 503.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../env.js';
import { notFoundHandler, onError } from './problem.js';

function appThrowing(error: unknown) {
  const app = new Hono<AppEnv>();
  const logged: string[] = [];
  app.use(async (c, next) => {
    c.set('deps', { logger: { info: () => undefined, error: (m: string) => logged.push(m) } } as never);
    await next();
  });
  app.get('/boom', () => {
    throw error;
  });
  app.onError(onError);
  app.notFound(notFoundHandler(app));
  return { app, logged };
}

describe('onError', () => {
  it('answers unknown errors 500 internal_error without leaking the message, and logs them', async () => {
    const { app, logged } = appThrowing(new Error('SELECT * FROM secrets failed at /srv/app.js:12'));
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toContain('internal_error');
    expect(text).not.toContain('secrets');
    expect(logged).toEqual(['unhandled error']);
  });

  it('answers a database that stayed busy with 503 and Retry-After', async () => {
    const { app } = appThrowing(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
    const res = await app.request('/boom');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
  });
});
