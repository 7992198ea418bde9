/**
 * @module Scheduled backups with the clock and timers in the test's hands: one verified backup per
 * slot, at once after a missed slot, the newest N kept, a slot claimed by another process skipped,
 * a copy that fails its check deleted and retried without losing older backups.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClock, type LogLine, testLogger } from '../../test/helpers.js';
import { migrate } from '../db/migrate.js';
import { type Database, openDatabase } from '../db/open.js';
import { checkBackupFile } from './check.js';
import { startBackupSchedule, type Timers } from './schedule.js';
import { backupScheduleFromEnv, parseDuration } from './schedule-env.js';

const hour = 3_600_000;

/** Timers that fire only when the test says so. */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  const timers: Timers = {
    set: (callback, ms) => {
      pending.set(++next, { callback, ms });
      return next;
    },
    clear: (handle) => pending.delete(handle as number),
  };
  return {
    timers,
    /** The delay of the one pending timer. */
    delay: () => [...pending.values()].map((t) => t.ms),
    fire: () => {
      const due = [...pending.values()];
      pending.clear();
      for (const t of due) t.callback();
    },
  };
}

let dir: string;
let database: Database;
let logs: LogLine[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-schedule-'));
  database = await openDatabase(pathToFileURL(join(dir, 'fd.db')).href);
  await migrate(database);
  logs = [];
});
afterEach(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const backupsIn = (d: string) => readdirSync(d).sort();

describe('scheduled backups', () => {
  it('backs up at start, once per slot, at the next slot boundary, keeping the newest N', async () => {
    const clock = createClock('2026-03-01T10:30:00Z');
    const t = manualTimers();
    const backups = join(dir, 'backups');
    const schedule = startBackupSchedule({
      database,
      dir: backups,
      everyMs: 6 * hour,
      keep: 2,
      clock,
      timers: t.timers,
      logger: testLogger(logs),
    });
    const first = await schedule.runDue(); // the run started by startBackupSchedule
    expect(first).toMatchObject({ kind: 'written', file: join(backups, 'frontdesk-20260301T060000Z.db') });
    expect((await checkBackupFile(join(backups, 'frontdesk-20260301T060000Z.db'))).state).toBe('current');
    expect(t.delay()).toEqual([1.5 * hour]); // 12:00, the next slot

    // Within the same slot (a restart, say): nothing new.
    expect(await schedule.runDue()).toMatchObject({ kind: 'skipped', reason: 'done' });

    for (const at of ['2026-03-01T12:00:00Z', '2026-03-01T18:00:00Z', '2026-03-02T00:00:01Z']) {
      clock.set(at);
      t.fire();
      await schedule.runDue();
    }
    expect(backupsIn(backups)).toEqual(['frontdesk-20260301T180000Z.db', 'frontdesk-20260302T000000Z.db']);
    expect(logs.filter((l) => l.message === 'backup written')).toHaveLength(4);
    await schedule.stop();
    expect(t.delay()).toEqual([]);
  });

  it('skips a slot another process has claimed', async () => {
    const backups = join(dir, 'backups');
    mkdirSync(backups);
    writeFileSync(join(backups, 'frontdesk-20260301T000000Z.db.partial'), ''); // the other's claim
    let copies = 0;
    const schedule = startBackupSchedule({
      database,
      dir: backups,
      everyMs: 24 * hour,
      keep: 3,
      clock: createClock('2026-03-01T10:30:00Z'),
      timers: manualTimers().timers,
      logger: testLogger(logs),
      copy: async () => {
        copies++;
      },
    });
    expect(await schedule.runDue()).toMatchObject({ kind: 'skipped', reason: 'claimed' });
    await schedule.stop();
    expect(copies).toBe(0);
    expect(backupsIn(backups)).toEqual(['frontdesk-20260301T000000Z.db.partial']);
  });

  it('deletes a copy that fails its check, keeps the older backups, and retries', async () => {
    const clock = createClock('2026-03-01T10:30:00Z');
    const t = manualTimers();
    const backups = join(dir, 'backups');
    let damage = false;
    const schedule = startBackupSchedule({
      database,
      dir: backups,
      everyMs: hour,
      keep: 1,
      clock,
      timers: t.timers,
      logger: testLogger(logs, true),
      copy: async (db, target) => {
        await db.client.execute({ sql: 'VACUUM INTO ?', args: [target] });
        if (damage) writeFileSync(target, 'this is not what VACUUM INTO wrote');
      },
    });
    await schedule.runDue();
    expect(backupsIn(backups)).toEqual(['frontdesk-20260301T100000Z.db']);

    damage = true;
    clock.set('2026-03-01T11:00:00Z');
    t.fire();
    const failed = await schedule.runDue();
    expect(failed).toMatchObject({ kind: 'failed' });
    expect((failed as { error: string }).error).toMatch(/not a SQLite database/);
    expect(backupsIn(backups)).toEqual(['frontdesk-20260301T100000Z.db']); // nothing pruned, no partial
    expect(logs.filter((l) => l.level === 'error').map((l) => l.message)).toEqual(['backup failed']);
    expect(t.delay()).toEqual([5 * 60_000]); // retried within the slot

    damage = false;
    clock.advance(5 * 60_000);
    t.fire();
    expect(await schedule.runDue()).toMatchObject({ kind: 'written' });
    expect(backupsIn(backups)).toEqual(['frontdesk-20260301T110000Z.db']);
    await schedule.stop();
  });
});

describe('backup settings from the environment', () => {
  it('reads FRONTDESK_BACKUP_* and refuses what it cannot use', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('6h')).toBe(6 * hour);
    expect(parseDuration('0m')).toBeUndefined();
    expect(parseDuration('6 hours')).toBeUndefined();
    const url = 'file:./data/fd.db';
    expect(backupScheduleFromEnv({}, url)).toEqual({});
    expect(backupScheduleFromEnv({ FRONTDESK_BACKUP_DIR: '/b' }, url)).toEqual({
      backups: { dir: '/b', everyMs: 24 * hour, keep: 7 },
    });
    expect(
      backupScheduleFromEnv(
        { FRONTDESK_BACKUP_DIR: '/b', FRONTDESK_BACKUP_EVERY: '15m', FRONTDESK_BACKUP_KEEP: '3' },
        url,
      ),
    ).toEqual({ backups: { dir: '/b', everyMs: 15 * 60_000, keep: 3 } });
    expect(() =>
      backupScheduleFromEnv({ FRONTDESK_BACKUP_DIR: '/b', FRONTDESK_BACKUP_EVERY: 'daily' }, url),
    ).toThrow(/FRONTDESK_BACKUP_EVERY must be a duration/);
    expect(() =>
      backupScheduleFromEnv({ FRONTDESK_BACKUP_DIR: '/b', FRONTDESK_BACKUP_KEEP: '0' }, url),
    ).toThrow(/FRONTDESK_BACKUP_KEEP must be a whole number of at least 1/);
    expect(() => backupScheduleFromEnv({ FRONTDESK_BACKUP_KEEP: '3' }, url)).toThrow(
      /FRONTDESK_BACKUP_DIR is not/,
    );
    expect(() => backupScheduleFromEnv({ FRONTDESK_BACKUP_DIR: '/b' }, 'libsql://x.turso.io')).toThrow(
      /local database file/,
    );
  });
});
