/**
 * @module Scheduled backups from the serve process: every `everyMs` a verified copy of the database
 * in `dir`, the newest `keep` kept.
 *
 * Time is cut into slots of `everyMs` from the epoch; each slot gets at most one backup, named by
 * its start (`frontdesk-20260301T000000Z.db`), so a restart does not add one and a start after a
 * missed slot makes one at once. Several processes on one machine (one database, one backup
 * directory) back up once per slot: a process claims a slot by creating `<name>.partial`
 * exclusively (`O_EXCL`); the others see the claim and skip. The copy is written into the partial
 * file, checked (integrity and schema), and renamed to its name; only then are older backups
 * pruned, so a failed backup never costs a good one. A backup that fails is retried after
 * `min(everyMs, 5 min)`.
 *
 * This is an in-process timer, not due work in the database: the outbox worker that will own
 * background work is not in this release yet. Clock and timers are passed in so tests drive time.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/open.js';
import type { Logger } from '../env.js';
import { fileStamp } from './restore.js';
import { type CopyDatabase, vacuumInto, writeBackup } from './write.js';

export interface BackupScheduleSettings {
  /** Directory the backups are written to (created if missing). */
  dir: string;
  /** Length of a slot: one backup per slot. */
  everyMs: number;
  /** How many backups to keep (the newest); at least 1. */
  keep: number;
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface BackupScheduleOptions extends BackupScheduleSettings {
  database: Database;
  logger: Logger;
  clock?: () => number;
  timers?: Timers;
  copy?: CopyDatabase;
}

export type BackupOutcome =
  | { kind: 'written'; file: string; bytes: number; pruned: string[] }
  | { kind: 'skipped'; reason: 'done' | 'claimed'; file: string }
  | { kind: 'failed'; error: string };

export interface BackupSchedule {
  /** Backs up the current slot unless done or claimed (what the timer calls). */
  runDue(): Promise<BackupOutcome>;
  /** Cancels the timer and waits for a backup in progress. */
  stop(): Promise<void>;
}

const backupName = /^frontdesk-\d{8}T\d{6}Z\.db$/;
const retryCapMs = 5 * 60_000;

const realTimers: Timers = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref(); // a pending backup never keeps a stopping process alive
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Deletes all but the newest `keep` backups, and partial files of slots long gone. */
function prune(dir: string, keep: number, staleBefore: number): string[] {
  const names = readdirSync(dir);
  const complete = names.filter((name) => backupName.test(name)).sort();
  const removed = complete.slice(0, Math.max(0, complete.length - keep));
  for (const name of removed) rmSync(join(dir, name), { force: true });
  for (const name of names) {
    if (!name.endsWith('.db.partial') || !backupName.test(name.slice(0, -'.partial'.length))) continue;
    if (statSync(join(dir, name)).mtimeMs < staleBefore) rmSync(join(dir, name), { force: true });
  }
  return removed;
}

export function startBackupSchedule(options: BackupScheduleOptions): BackupSchedule {
  const { database, dir, everyMs, keep, logger } = options;
  const clock = options.clock ?? Date.now;
  const timers = options.timers ?? realTimers;
  const copy = options.copy ?? vacuumInto;
  let handle: unknown;
  let stopped = false;
  let running: Promise<BackupOutcome> | undefined;

  async function backUpSlot(): Promise<BackupOutcome> {
    const now = clock();
    const slot = Math.floor(now / everyMs) * everyMs;
    const file = join(dir, `frontdesk-${fileStamp(slot)}.db`);
    if (existsSync(file)) return { kind: 'skipped', reason: 'done', file };
    const partial = `${file}.partial`;
    try {
      closeSync(openSync(partial, 'wx'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST')
        return { kind: 'skipped', reason: 'claimed', file };
      throw error;
    }
    const started = clock();
    const written = await writeBackup(database, partial, copy).catch((error: unknown) => {
      rmSync(partial, { force: true });
      throw error;
    });
    renameSync(partial, file);
    const pruned = prune(dir, keep, now - 2 * everyMs);
    logger.info('backup written', {
      file,
      bytes: written.bytes,
      ms: clock() - started,
      pruned: pruned.length,
    });
    return { kind: 'written', file, bytes: written.bytes, pruned };
  }

  function schedule(ms: number): void {
    if (stopped) return;
    handle = timers.set(() => {
      void runDue();
    }, ms);
  }

  function runDue(): Promise<BackupOutcome> {
    running ??= (async () => {
      let outcome: BackupOutcome;
      try {
        mkdirSync(dir, { recursive: true });
        outcome = await backUpSlot();
      } catch (error) {
        outcome = { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
        logger.error('backup failed', { dir, error: outcome.error });
      }
      running = undefined;
      if (handle !== undefined) timers.clear(handle);
      const now = clock();
      const nextSlot = (Math.floor(now / everyMs) + 1) * everyMs;
      schedule(outcome.kind === 'failed' ? Math.min(everyMs, retryCapMs) : Math.max(1_000, nextSlot - now));
      return outcome;
    })();
    return running;
  }

  void runDue();
  return {
    runDue,
    stop: async () => {
      stopped = true;
      if (handle !== undefined) timers.clear(handle);
      await running;
    },
  };
}
