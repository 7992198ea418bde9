/**
 * @module Test harness for the API and for the SDK and widget tests (imported by relative path,
 * `../../api/test/helpers.js`): a real libSQL FILE in a temp directory, migrated, with one business,
 * a publishable and a secret key, and a clock the test controls. Keep this signature stable.
 *
 * @example
 * const t = await createTestApp();
 * const res = await t.app.request('/v1/business', { headers: { Authorization: `Bearer ${t.secretKey}` } });
 * t.clock.advance(15 * 60_000); // holds expire, notice windows move
 * await t.close();
 *
 * The app logs into `t.logs` (every line, the request log's included; nothing is printed). A line at level `error` (what operators alert on) fails the test that
 * caused it, from an `afterEach` hook this module registers in every file that imports it: no client
 * input may cause one. A test that provokes one on purpose (a forced database failure) passes
 * `expectErrors: true`, or its own `logger`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach } from 'vitest';
import { type App, type AppOptions, createApp } from '../src/app.js';
import { migrate } from '../src/db/migrate.js';
import { type Database, openDatabase } from '../src/db/open.js';
import type { Logger } from '../src/env.js';
import { createBusiness } from '../src/services/business.js';
import { type DemoCatalog, seedCatalog } from '../src/services/demo.js';
import { createKey } from '../src/services/keys.js';
import { checkEveryAnswer } from './conformance-hook.js';
import { judgeQueriesOf, watchQueryPlans } from './query-plans.js';

/** A clock that only moves when told to. */
export interface TestClock {
  (): number;
  now(): number;
  /** Jump to an instant (epoch ms or ISO string). */
  set(to: number | string): void;
  /** Move forward by `ms`. */
  advance(ms: number): void;
}

export function createClock(start: number | string): TestClock {
  let current = typeof start === 'string' ? Date.parse(start) : start;
  const clock = (() => current) as TestClock;
  clock.now = () => current;
  clock.set = (to) => {
    current = typeof to === 'string' ? Date.parse(to) : to;
  };
  clock.advance = (ms) => {
    current += ms;
  };
  return clock;
}

export interface TestAppOptions {
  /** Start of the test clock. Default Monday 2026-03-02T08:00:00Z. */
  now?: number | string;
  /** Business zone. Default `Europe/Lisbon`. */
  timezone?: string;
  /** Origins the publishable key accepts. Default `['*']`. */
  allowedOrigins?: string[];
  /** Rate limit for public writes with the publishable key. Default off (`false`), so tests can fire freely. */
  rateLimit?: AppOptions['rateLimit'];
  /** Writes a minute for secret keys (without their own budget) and console users. Default off (`false`). */
  secretRateLimit?: AppOptions['secretRateLimit'];
  trustProxy?: AppOptions['trustProxy'];
  bodyLimit?: number;
  publicUrl?: string;
  loginThrottle?: AppOptions['loginThrottle'];
  /** Turns `GET /metrics` on, with this token. Default off. */
  metricsToken?: string;
  /** What `/readyz` checks beyond the database (a worker's heartbeat). */
  readiness?: AppOptions['readiness'];
  /**
   * Default: a logger that keeps every line in `logs` and fails the test during which one is logged
   * at level `error` (see `expectErrors`). A logger passed here replaces it (and `logs` stays empty).
   */
  logger?: Logger;
  /** This app's tests provoke server errors on purpose: keep `error` lines in `logs` without failing. */
  expectErrors?: boolean;
  /**
   * Seed the demo salon catalog (3 resources with weekday hours, 4 services) into the business.
   * Default true; its ids are in `catalog`.
   */
  catalog?: boolean;
  /**
   * How webhook URLs are checked. Default: private targets refused, and a resolver that resolves
   * nothing (tests never ask real DNS).
   */
  webhooks?: AppOptions['webhooks'];
}

export interface TestApp {
  app: App;
  /** The open database (`db.db` for drizzle reads, `db.write` for transactions). */
  db: Database;
  businessId: string;
  publishableKey: string;
  secretKey: string;
  clock: TestClock;
  /** Ids of the seeded demo catalog (haircut, beardTrim, yogaClass (capacity 8), colourConsultation). */
  catalog: DemoCatalog | undefined;
  /** Path of the temp database file. */
  file: string;
  /** What the app logged (with the default logger), oldest first. */
  logs: LogLine[];
  /** Closes the database and deletes the temp directory. */
  close(): Promise<void>;
}

/** One line the test logger kept. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown> | undefined;
}

/** `error` lines of apps that did not expect any, not yet reported. */
const unexpectedErrors: LogLine[] = [];

/**
 * Throws, and forgets them, when test apps logged `error` lines that no test said it expects.
 * Runs after every test (below); a test of this mechanism can call it itself.
 */
export function failOnUnexpectedErrors(): void {
  if (unexpectedErrors.length === 0) return;
  const lines = unexpectedErrors.splice(0).map((line) => JSON.stringify(line));
  throw new Error(
    `The app logged at level error (operators alert on it; client input must never cause one). ` +
      `If this test provokes it on purpose, pass expectErrors: true to createTestApp.\n${lines.join('\n')}`,
  );
}

// Registered when a test file imports this module, so it runs after each test of that file. The
// line is reported by the test that caused it (or, for one logged in a `beforeAll`, the first test).
afterEach(failOnUnexpectedErrors);

/**
 * The test apps' logger: keeps every line in `logs`, and an `error` line fails the running test
 * unless `expectErrors`. For apps (and server processes) a test builds itself.
 */
export function testLogger(logs: LogLine[] = [], expectErrors = false): Logger {
  const keep = (level: LogLine['level']) => (message: string, fields?: Record<string, unknown>) => {
    const line = { level, message, fields };
    logs.push(line);
    if (level === 'error' && !expectErrors) unexpectedErrors.push(line);
  };
  return { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/** The default test resolver: every name is unknown (no test reaches real DNS). */
const noDns = async (host: string): Promise<never> => {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

/** Another business with its own keys in the same database: for tenancy tests. */
export async function addBusiness(database: Database, now: number, name = 'Other business') {
  return database.write(async (tx) => {
    const business = await createBusiness(tx, { name, timezone: 'Europe/Lisbon' }, now);
    const pk = await createKey(
      tx,
      business.id,
      { kind: 'publishable', label: 'test', allowedOrigins: ['*'] },
      now,
    );
    const sk = await createKey(tx, business.id, { kind: 'secret', label: 'test', allowedOrigins: [] }, now);
    return { businessId: business.id, publishableKey: pk.secret, secretKey: sk.secret };
  });
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  // Every query a test makes is explained; a scan of a tenant table fails it (see query-plans.ts).
  watchQueryPlans();
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-test-'));
  const file = join(dir, 'test.db');
  const db = await openDatabase(pathToFileURL(file).href);
  await migrate(db);
  const clock = createClock(options.now ?? '2026-03-02T08:00:00Z');
  const seeded = await db.write(async (tx) => {
    const business = await createBusiness(
      tx,
      { name: 'Test Salon', timezone: options.timezone ?? 'Europe/Lisbon' },
      clock(),
    );
    const pk = await createKey(
      tx,
      business.id,
      { kind: 'publishable', label: 'test', allowedOrigins: options.allowedOrigins ?? ['*'] },
      clock(),
    );
    const sk = await createKey(
      tx,
      business.id,
      { kind: 'secret', label: 'test', allowedOrigins: [] },
      clock(),
    );
    const catalog = options.catalog === false ? undefined : await seedCatalog(tx, business.id, clock());
    return { businessId: business.id, publishableKey: pk.secret, secretKey: sk.secret, catalog };
  });
  const logs: LogLine[] = [];
  const app = createApp({
    database: db,
    clock,
    rateLimit: options.rateLimit ?? false,
    secretRateLimit: options.secretRateLimit ?? false,
    logger: options.logger ?? testLogger(logs, options.expectErrors ?? false),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    ...(options.bodyLimit !== undefined ? { bodyLimit: options.bodyLimit } : {}),
    ...(options.publicUrl !== undefined ? { publicUrl: options.publicUrl } : {}),
    ...(options.loginThrottle !== undefined ? { loginThrottle: options.loginThrottle } : {}),
    webhooks: { resolver: noDns, ...options.webhooks },
    ...(options.metricsToken !== undefined ? { metricsToken: options.metricsToken } : {}),
    ...(options.readiness !== undefined ? { readiness: options.readiness } : {}),
  });
  // Every answer a test receives must be what the OpenAPI document says (see conformance-hook.ts).
  checkEveryAnswer(app);
  judgeQueriesOf(app);
  return {
    app,
    db,
    ...seeded,
    clock,
    file,
    logs,
    close: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
