/**
 * @module Whether this process should be sent traffic (`GET /readyz`): the database answers, its
 * schema has every migration this code needs, and the background worker — when one runs beside the
 * API — has shown signs of life recently. `/healthz` stays the liveness check (the process and the
 * database answer); readiness is what a rolling deploy waits for.
 */
import { pendingMigrations } from '../db/migrate.js';
import type { Database } from '../db/open.js';

/**
 * The hook a background worker registers (`createApp({ readiness: { worker } })`): the time
 * (epoch ms) of its last heartbeat, undefined before its first. With no worker registered, the
 * worker is reported `absent` and does not count against readiness.
 */
export interface ReadinessOptions {
  worker?: () => number | undefined;
  /** A heartbeat older than this makes the worker `stale` (not ready). Default 60 000 ms. */
  workerStaleMs?: number;
}

export interface ReadinessReport {
  database: 'ok' | 'down';
  migrations: 'current' | 'pending' | 'unknown';
  worker: 'ok' | 'absent' | 'stale';
  /** What is not ready, in words safe to answer to anyone; empty when ready. */
  reasons: string[];
  /** The database's error, for the log only (it may name files and hosts). */
  error?: string;
}

export async function checkReadiness(
  database: Database,
  now: number,
  options: ReadinessOptions = {},
): Promise<ReadinessReport> {
  const reasons: string[] = [];
  let failure: string | undefined;
  let databaseState: ReadinessReport['database'] = 'ok';
  let migrations: ReadinessReport['migrations'] = 'current';
  try {
    await database.client.execute('SELECT 1');
    const pending = await pendingMigrations(database);
    if (pending.length > 0) {
      migrations = 'pending';
      reasons.push(`migrations not applied: ${pending.join(', ')} (run frontdesk migrate)`);
    }
  } catch (error) {
    databaseState = 'down';
    migrations = 'unknown';
    failure = error instanceof Error ? error.message : String(error);
    reasons.push('database does not answer');
  }
  let worker: ReadinessReport['worker'] = 'absent';
  if (options.worker !== undefined) {
    const beat = options.worker();
    const staleMs = options.workerStaleMs ?? 60_000;
    worker = beat !== undefined && now - beat <= staleMs ? 'ok' : 'stale';
    if (worker === 'stale') {
      reasons.push(
        beat === undefined
          ? 'worker has not started'
          : `worker heartbeat ${Math.round((now - beat) / 1000)} s old`,
      );
    }
  }
  return { database: databaseState, migrations, worker, reasons, ...(failure ? { error: failure } : {}) };
}
