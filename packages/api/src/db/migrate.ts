/**
 * @module Applying the committed drizzle-kit migrations. Safe to run on every start: applied
 * migrations are recorded and skipped.
 */
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate as drizzleMigrate } from 'drizzle-orm/libsql/migrator';
import type { Database } from './open.js';

/**
 * The migrations ship as SQL under `src/db/migrations`. Both `src/db/migrate.ts` and the built
 * `dist/db/migrate.js` sit two levels below the package root, so one relative path serves both.
 */
export const migrationsFolder = fileURLToPath(new URL('../../src/db/migrations', import.meta.url));

/** Brings the database schema up to date. */
export async function migrate(database: Database): Promise<void> {
  await drizzleMigrate(drizzle(database.client), { migrationsFolder });
}
