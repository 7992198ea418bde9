/**
 * @module Reading the scheduled-backup settings of `frontdesk serve` from the environment:
 * `FRONTDESK_BACKUP_DIR` turns them on, `FRONTDESK_BACKUP_EVERY` (default 24h) and
 * `FRONTDESK_BACKUP_KEEP` (default 7) tune them.
 */
import { resolve } from 'node:path';
import { BackupError } from './backup-error.js';
import type { BackupScheduleSettings } from './schedule.js';

const units: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `15m`, `6h`, `1d` in milliseconds, or undefined when `text` is not such a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,6})(s|m|h|d)$/.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * units[match[2]!]!;
  return ms > 0 ? ms : undefined;
}

/** `{ backups }` for `serve()` when `FRONTDESK_BACKUP_DIR` is set, else `{}`. */
export function backupScheduleFromEnv(
  env: Record<string, string | undefined>,
  dbUrl: string,
): { backups?: BackupScheduleSettings } {
  const dir = env.FRONTDESK_BACKUP_DIR;
  if (!dir) {
    for (const name of ['FRONTDESK_BACKUP_EVERY', 'FRONTDESK_BACKUP_KEEP']) {
      if (env[name]) throw new BackupError(`${name} is set but FRONTDESK_BACKUP_DIR is not`);
    }
    return {};
  }
  if (!dbUrl.startsWith('file:') || dbUrl.includes(':memory:')) {
    throw new BackupError(
      'FRONTDESK_BACKUP_DIR works with a local database file; use your Turso/sqld backups for remote databases',
    );
  }
  const everyText = env.FRONTDESK_BACKUP_EVERY || '24h';
  const everyMs = parseDuration(everyText);
  if (everyMs === undefined) {
    throw new BackupError(
      `FRONTDESK_BACKUP_EVERY must be a duration like 90s, 15m, 6h or 1d, got "${everyText}"`,
    );
  }
  const keepText = env.FRONTDESK_BACKUP_KEEP || '7';
  const keep = Number(keepText);
  if (!/^\d+$/.test(keepText) || keep < 1) {
    throw new BackupError(`FRONTDESK_BACKUP_KEEP must be a whole number of at least 1, got "${keepText}"`);
  }
  return { backups: { dir: resolve(dir), everyMs, keep } };
}
