/**
 * @module Serving the app over HTTP with @hono/node-server, and stopping gracefully: stop accepting,
 * let in-flight requests finish, drain the write queue, close the database.
 */
import type { AddressInfo } from 'node:net';
import { serve as honoServe, type ServerType } from '@hono/node-server';
import { type AppOptions, createApp } from './app.js';
import { type BackupSchedule, type BackupScheduleSettings, startBackupSchedule } from './backup/schedule.js';
import { migrate } from './db/migrate.js';
import { type Database, openDatabase } from './db/open.js';
import { jsonLogger } from './env.js';

export interface ServeOptions extends Omit<AppOptions, 'database'> {
  /** Database URL (`file:…`, `libsql://…`, `http://…`). */
  url: string;
  authToken?: string | undefined;
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: put a proxy in front, or set HOST=0.0.0.0 in a container. */
  host?: string;
  /** Apply pending migrations before listening. Default true. */
  migrate?: boolean;
  /** Scheduled backups of a local database file (see backup/schedule.ts); off by default. */
  backups?: BackupScheduleSettings;
}

export interface RunningServer {
  port: number;
  host: string;
  url: string;
  database: Database;
  /** Stops accepting, waits for in-flight requests (up to `graceMs`), then closes the database. */
  close(graceMs?: number): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const database = await openDatabase(options.url, options.authToken);
  if (options.migrate !== false) await migrate(database);
  const { url: _u, authToken: _a, port: _p, host: _h, migrate: _m, backups, ...appOptions } = options;
  const app = createApp({ ...appOptions, database });
  const host = options.host ?? '127.0.0.1';
  let server!: ServerType;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = honoServe({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, resolve);
    server.once('error', reject);
  });
  const backupSchedule: BackupSchedule | undefined = backups
    ? startBackupSchedule({ ...backups, database, logger: appOptions.logger ?? jsonLogger })
    : undefined;
  let closing: Promise<void> | undefined;
  return {
    port: address.port,
    host,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    database,
    close: (graceMs = 10_000) => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            // Requests still running after the grace period are cut; their transactions roll back.
            if ('closeAllConnections' in server) server.closeAllConnections();
            resolve();
          }, graceMs);
          timer.unref();
          // Keep-alive connections would hold `close` open until they time out: close each one as
          // soon as it is idle (its request answered), until none is left.
          const closeIdle = () => {
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          };
          const sweeper = setInterval(closeIdle, 50);
          sweeper.unref();
          server.close(() => {
            clearTimeout(timer);
            clearInterval(sweeper);
            resolve();
          });
          closeIdle();
        });
        await backupSchedule?.stop();
        await database.close();
      })();
      return closing;
    },
  };
}

/** Closes `server` on SIGTERM/SIGINT, then exits; a second signal exits at once. */
export function closeOnSignals(server: RunningServer, logger = jsonLogger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info('shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
