/**
 * @module `frontdesk restore FILE`: replacing the database with a backup, only when nothing uses it.
 *
 * Order matters, so that any error leaves everything as it was:
 * 1. the database is locked exclusively (refused if any process has it open; see
 *    exclusive-lock.ts) and stays locked to the end, so no server starts on it meanwhile;
 * 2. the backup is copied to a staging file beside the database (the backup itself is never
 *    opened, so it cannot gain a `-wal` or be changed), and the copy is checked — integrity, and a
 *    schema this release knows;
 * 3. a backup from an older release is migrated there, in the staging copy;
 * 4. only then is the database's WAL folded into its main file (`journal_mode=DELETE`), the file
 *    renamed aside as `<name>.replaced-<time>` — one self-contained file — and the staging copy
 *    renamed into place.
 * Until step 4 the database is untouched; a failure in step 4 renames the old file back.
 */
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate as drizzleMigrate } from 'drizzle-orm/libsql/migrator';
import Database from 'libsql';
import { migrationsFolder } from '../db/migrate.js';
import { BackupError } from './backup-error.js';
import { checkBackupFile, describeOpenError, type SchemaVersion } from './check.js';
import { type ExclusiveLock, lockExclusively } from './exclusive-lock.js';

export interface RestoreResult {
  /** The database file that now holds the backup's data. */
  database: string;
  /** Where the database it replaced was kept, or undefined when there was none. */
  replacedFile: string | undefined;
  /** The backup's schema before the restore; `older` ones were migrated. */
  backupSchema: SchemaVersion;
}

/** `20260301T120000Z`: sortable, and free of characters some file systems refuse. */
export function fileStamp(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeWithCompanions(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/**
 * Puts `path` in rollback-journal mode (folding in a WAL if it has one), through `exec` only so the
 * connection really closes: the checks and migrations that follow then leave no lock behind (an
 * idle connection holds no lock on a rollback-mode file).
 */
function settleJournal(path: string, file: string): void {
  let connection: InstanceType<typeof Database> | undefined;
  try {
    connection = new Database(path);
    connection.exec('PRAGMA journal_mode=DELETE');
  } catch (error) {
    throw describeOpenError(file, error) ?? error;
  } finally {
    connection?.close();
  }
}

/** Copies `backupFile` to `staging`, checks the copy and migrates it to this release. */
async function stageBackup(backupFile: string, staging: string): Promise<SchemaVersion> {
  copyFileSync(backupFile, staging, constants.COPYFILE_EXCL);
  settleJournal(staging, backupFile);
  const schema = await checkBackupFile(staging, backupFile);
  if (schema.state === 'older') {
    const client = createClient({ url: pathToFileURL(staging).href });
    try {
      await drizzleMigrate(drizzle(client), { migrationsFolder });
    } finally {
      client.close();
    }
  }
  fsyncPath(staging);
  return schema;
}

/**
 * Replaces the database file `databaseFile` with the backup `backupFile`. Throws a
 * {@link BackupError} (and changes nothing) for a missing, unreadable, damaged or too-new backup and
 * for a database some process has open.
 */
export async function restoreDatabase(
  databaseFile: string,
  backupFile: string,
  now: () => number = Date.now,
): Promise<RestoreResult> {
  const target = resolve(databaseFile);
  const source = resolve(backupFile);
  if (!existsSync(source)) throw new BackupError(`No backup file at ${source}`);
  if (!statSync(source).isFile()) throw new BackupError(`${source} is not a file`);
  if (source === target) throw new BackupError(`${source} is the database itself; give a backup file`);

  // Locked first and held to the end: refused at once while a server runs, and no server can start
  // on the file while the backup is checked and put in its place.
  const lock = existsSync(target) ? lockExclusively(target) : undefined;
  try {
    return await replaceWith(target, source, lock, now);
  } finally {
    lock?.release();
  }
}

async function replaceWith(
  target: string,
  source: string,
  lock: ExclusiveLock | undefined,
  now: () => number,
): Promise<RestoreResult> {
  mkdirSync(dirname(target), { recursive: true });
  const staging = join(dirname(target), `.${basename(target)}.restoring-${process.pid}`);
  removeWithCompanions(staging); // left by an earlier restore of this pid that was killed
  try {
    const backupSchema = await stageBackup(source, staging);
    if (!lock && existsSync(target)) {
      // Nothing was there to lock when the restore began; a server may have created it since.
      throw new BackupError(
        `${target} appeared while the backup was checked (a server starting?); try again`,
      );
    }
    // The old file's WAL folded into it, so it is set aside as one self-contained file.
    lock?.exec?.('PRAGMA journal_mode=DELETE');
    const replacedFile = existsSync(target) ? `${target}.replaced-${fileStamp(now())}` : undefined;
    if (replacedFile) {
      if (existsSync(replacedFile)) throw new BackupError(`${replacedFile} exists; try again in a second`);
      renameSync(target, replacedFile);
    }
    // Companions of the old file: gone after journal_mode=DELETE, unless the old file was not a
    // database; kept beside the file they belong to.
    for (const suffix of ['-wal', '-shm', '-journal']) {
      if (!existsSync(target + suffix)) continue;
      if (replacedFile) renameSync(target + suffix, replacedFile + suffix);
      else rmSync(target + suffix);
    }
    try {
      renameSync(staging, target);
    } catch (error) {
      if (replacedFile) renameSync(replacedFile, target);
      throw error;
    }
    fsyncPath(dirname(target));
    return { database: target, replacedFile, backupSchema };
  } finally {
    removeWithCompanions(staging);
  }
}
