/**
 * @module The test harness's logger: an `error` line (what operators alert on) fails the test that
 * caused it, unless the app was created with `expectErrors: true`.
 */
import { describe, expect, it } from 'vitest';
import { call } from './fixtures.js';
import { createTestApp, failOnUnexpectedErrors } from './helpers.js';

/** A 500 on demand: the closures table is gone. */
async function brokenApp(options: { expectErrors?: boolean }) {
  const t = await createTestApp({ catalog: false, ...options });
  await t.db.client.execute('DROP TABLE closures');
  const res = await call(t, 'GET', '/v1/closures');
  await t.close();
  expect(res.status).toBe(500);
  expect(t.logs.filter((l) => l.level === 'error').map((l) => l.message)).toEqual(['unhandled error']);
}

describe('the test logger', () => {
  it('reports an unexpected error line (after each test, through failOnUnexpectedErrors)', async () => {
    await brokenApp({});
    expect(() => failOnUnexpectedErrors()).toThrow(/logged at level error/);
    // Reported once: the hook after this test finds nothing left.
    expect(() => failOnUnexpectedErrors()).not.toThrow();
  });

  it('keeps the lines of an app that expects errors without failing', async () => {
    await brokenApp({ expectErrors: true });
    expect(() => failOnUnexpectedErrors()).not.toThrow();
  });
});
