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
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type App, type AppOptions, createApp } from '../src/app.js';
import { migrate } from '../src/db/migrate.js';
import { type Database, openDatabase } from '../src/db/open.js';
import type { Logger } from '../src/env.js';
import { createBusiness } from '../src/services/business.js';
import { type DemoCatalog, seedCatalog } from '../src/services/demo.js';
import { createKey } from '../src/services/keys.js';
import { checkEveryAnswer } from './conformance-hook.js';

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
  /** Rate limit for public writes. Default off (`false`), so tests can fire freely. */
  rateLimit?: AppOptions['rateLimit'];
  trustProxy?: AppOptions['trustProxy'];
  bodyLimit?: number;
  /** Default: a logger that stays quiet (errors still fail tests through their 500 answers). */
  logger?: Logger;
  /**
   * Seed the demo salon catalog (3 resources with weekday hours, 4 services) into the business.
   * Default true; its ids are in `catalog`.
   */
  catalog?: boolean;
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
  /** Closes the database and deletes the temp directory. */
  close(): Promise<void>;
}

const quietLogger: Logger = { info: () => undefined, error: () => undefined };

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
  const app = createApp({
    database: db,
    clock,
    rateLimit: options.rateLimit ?? false,
    logger: options.logger ?? quietLogger,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    ...(options.bodyLimit !== undefined ? { bodyLimit: options.bodyLimit } : {}),
  });
  // Every answer a test receives must be what the OpenAPI document says (see conformance-hook.ts).
  checkEveryAnswer(app);
  return {
    app,
    db,
    ...seeded,
    clock,
    file,
    close: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
