/**
 * @module `GET /readyz`: 200 on a migrated database that answers, with the worker `absent` when
 * none is registered; 503 `not_ready` naming the migrations when the last one is missing, the
 * database when it does not answer, the worker when its heartbeat is stale. `/healthz` stays the
 * liveness check.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

async function ready(app: TestApp) {
  const res = await app.app.request('/readyz');
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (await res.json()) as Record<string, unknown>,
  };
}

describe('GET /readyz', () => {
  it('is ready on a freshly migrated database; no worker registered: absent', async () => {
    t = await createTestApp({ catalog: false });
    expect(await ready(t)).toEqual({
      status: 200,
      type: 'application/json',
      body: { database: 'ok', migrations: 'current', worker: 'absent' },
    });
  });

  it('is not ready, naming the migration, when the database lacks the newest one', async () => {
    t = await createTestApp({ catalog: false });
    // drizzle's table has no usable id (`id SERIAL` is no rowid alias in SQLite): by creation time.
    await t.db.client.execute(
      'DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)',
    );
    const answer = await ready(t);
    expect(answer.status).toBe(503);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.body).toMatchObject({
      code: 'not_ready',
      detail: expect.stringMatching(/migrations not applied: 0\d{3}_\w+/),
    });
    expect(t.logs.find((line) => line.message === 'not ready')?.level).toBe('warn');
    // Liveness is another question: the process and its database answer.
    expect((await t.app.request('/healthz')).status).toBe(200);
  });

  it('is not ready when the database does not answer, and says so without its error', async () => {
    t = await createTestApp({ catalog: false });
    await t.db.close();
    const answer = await ready(t);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ code: 'not_ready', detail: 'Not ready: database does not answer' });
  });

  it('reports a registered worker as ok while it beats, and not ready once its heartbeat is stale', async () => {
    let lastBeat: number | undefined;
    t = await createTestApp({ catalog: false, readiness: { worker: () => lastBeat } });
    expect(await ready(t)).toMatchObject({
      status: 503,
      body: { detail: 'Not ready: worker has not started' },
    });
    lastBeat = t.clock();
    expect(await ready(t)).toMatchObject({ status: 200, body: { worker: 'ok' } });
    t.clock.advance(61_000);
    expect(await ready(t)).toMatchObject({
      status: 503,
      body: { detail: 'Not ready: worker heartbeat 61 s old' },
    });
  });
});
