/**
 * @module Applying the committed drizzle-kit migrations. Safe to run on every start: applied
 * migrations are recorded and skipped. And the other side, for `/readyz`: which of them a
 * database has not applied yet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

interface JournalEntry {
  tag: string;
  when: number;
}

let journal: JournalEntry[] | undefined;
/** The package's migrations, oldest first (read once: they ship with the code). */
function journalEntries(): JournalEntry[] {
  journal ??= (
    JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: JournalEntry[];
    }
  ).entries;
  return journal;
}

/**
 * The tags of the package's migrations that `database` has not applied, oldest first; empty when
 * its schema is current. Drizzle's own rule: a migration is applied when the newest one recorded in
 * `__drizzle_migrations` is at least as new (its `created_at` is the journal's `when`).
 */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const table = await database.client.execute(
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'",
  );
  let newest = Number.NEGATIVE_INFINITY;
  if (table.rows.length > 0) {
    const result = await database.client.execute(
      'SELECT max(created_at) AS newest FROM __drizzle_migrations',
    );
    const value = result.rows[0]?.newest;
    if (value !== null && value !== undefined) newest = Number(value);
  }
  return journalEntries()
    .filter((entry) => entry.when > newest)
    .map((entry) => entry.tag);
}
