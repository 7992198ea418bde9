/**
 * @module Deciding whether a database file can be trusted as a backup: SQLite's own
 * `PRAGMA integrity_check`, then its schema version — which of this release's migrations it
 * carries. A file that is not SQLite, is truncated or damaged, holds no Frontdesk schema, or was
 * written by a newer release is refused with a sentence that says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient } from '@libsql/client';
import { migrationsFolder } from '../db/migrate.js';
import { BackupError } from './backup-error.js';

export interface SchemaVersion {
  /** How many of this release's migrations the file has. */
  applied: number;
  /** How many migrations this release has. */
  known: number;
  /** The tag of the newest migration the file has (`0004_occupancy_version`), if any. */
  latestTag: string | undefined;
  /** `older`: restoring it applies the missing migrations. `newer` files are refused before this. */
  state: 'current' | 'older';
}

interface JournalEntry {
  when: number;
  tag: string;
}

/** This release's migrations, oldest first, as drizzle-kit recorded them. */
export function knownMigrations(): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries.map(({ when, tag }) => ({ when, tag }));
}

/** What SQLite's error codes mean for someone holding a backup file. */
export function describeOpenError(file: string, error: unknown): BackupError | undefined {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_NOTADB') return new BackupError(`${file} is not a SQLite database`);
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_IOERR_SHORT_READ') {
    return new BackupError(`${file} is damaged or truncated (${(error as Error).message})`);
  }
  return undefined;
}

/**
 * Checks `path` and returns its schema version; throws a {@link BackupError}, naming the file as
 * `file`, when it is not a whole, readable Frontdesk database this release can use. Opens the file
 * read-write, so give it a copy: a file in WAL mode gets its `-wal`/`-shm` companions for as long
 * as it is open.
 */
export async function checkBackupFile(path: string, file = path): Promise<SchemaVersion> {
  const client = createClient({ url: pathToFileURL(path).href });
  try {
    let problems: string[];
    try {
      const result = await client.execute('PRAGMA integrity_check');
      problems = result.rows.map((row) => String(row[0])).filter((line) => line !== 'ok');
    } catch (error) {
      throw describeOpenError(file, error) ?? error;
    }
    if (problems.length > 0) {
      throw new BackupError(
        `${file} failed SQLite's integrity check: ${problems.slice(0, 3).join('; ')}` +
          (problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''),
      );
    }
    const table = await client.execute(
      "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'",
    );
    if (table.rows.length === 0) {
      throw new BackupError(
        `${file} is a SQLite database but not a Frontdesk one (it has no migrations table)`,
      );
    }
    const rows = await client.execute('SELECT created_at FROM __drizzle_migrations ORDER BY created_at');
    return compareMigrations(
      file,
      rows.rows.map((row) => Number(row[0])),
    );
  } finally {
    client.close();
  }
}

/** The schema version of a file whose applied migrations were made at `applied` (drizzle's `created_at`). */
export function compareMigrations(file: string, applied: number[]): SchemaVersion {
  const known = knownMigrations();
  const latestKnown = known.at(-1)?.when ?? 0;
  const unknown = applied.filter((when) => !known.some((entry) => entry.when === when));
  if (unknown.some((when) => when > latestKnown)) {
    throw new BackupError(
      `${file} was written by a newer Frontdesk: its schema has ${unknown.length} migration(s) this ` +
        `version does not know (the newest from ${new Date(Math.max(...unknown)).toISOString()}). ` +
        'Upgrade frontdesk, then restore it.',
    );
  }
  if (unknown.length > 0) {
    throw new BackupError(`${file} has migrations that no Frontdesk release made; refusing to restore it`);
  }
  const present = known.filter((entry) => applied.includes(entry.when));
  if (present.length === 0) {
    throw new BackupError(`${file} is a SQLite database but not a Frontdesk one (no migration applied)`);
  }
  return {
    applied: present.length,
    known: known.length,
    latestTag: present.at(-1)?.tag,
    state: present.at(-1)?.when === latestKnown ? 'current' : 'older',
  };
}
