/**
 * @module Writing one backup: `VACUUM INTO` a new file (a consistent, compacted copy taken while
 * the server keeps reading and writing), then checking the copy as a restore would, so a backup
 * that is on disk is one that restores.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import type { Database } from '../db/open.js';
import { BackupError } from './backup-error.js';
import { checkBackupFile, type SchemaVersion } from './check.js';

export interface WrittenBackup {
  file: string;
  bytes: number;
  schema: SchemaVersion;
}

/** How the copy is made; tests pass one that writes a damaged file to see it refused. */
export type CopyDatabase = (database: Database, target: string) => Promise<void>;

export const vacuumInto: CopyDatabase = async (database, target) => {
  await database.client.execute({ sql: 'VACUUM INTO ?', args: [target] });
};

/**
 * Copies `database` into `target` (which must not exist, or be an empty file the caller made) and
 * verifies the copy. A copy that fails its check is deleted and the check's error thrown.
 */
export async function writeBackup(
  database: Database,
  target: string,
  copy: CopyDatabase = vacuumInto,
): Promise<WrittenBackup> {
  if (!database.local) {
    throw new BackupError('backup works on local files; use your Turso/sqld backups for remote databases');
  }
  if (existsSync(target) && statSync(target).size > 0) {
    throw new BackupError(`${target} exists; refusing to overwrite it`);
  }
  try {
    await copy(database, target);
    const schema = await checkBackupFile(target);
    return { file: target, bytes: statSync(target).size, schema };
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      if (existsSync(target + suffix)) rmSync(target + suffix, { force: true });
    }
    throw error;
  }
}
