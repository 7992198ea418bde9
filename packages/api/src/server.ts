/**
 * @module Serving the app over HTTP with @hono/node-server, and stopping gracefully: stop accepting,
 * let in-flight requests finish, drain the write queue, close the database. Optionally a second
 * listener on loopback that serves `/metrics` alone, without a token.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve as honoServe, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { type AppOptions, createApp } from './app.js';
import { type BackupSchedule, type BackupScheduleSettings, startBackupSchedule } from './backup/schedule.js';
import { migrate } from './db/migrate.js';
import { type Database, openDatabase } from './db/open.js';
import { jsonLogger } from './env.js';
import { createWorker, noMail, type OutboxWorker, type WorkerOptions } from './worker.js';

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
  /**
   * The background worker (webhook deliveries) in this process: its tuning, or `false` when a
   * separate `frontdesk worker` does that work. On by default. Webhook SSRF settings come from
   * `webhooks` (shared with the routes) unless given here.
   */
  worker?: false | Omit<WorkerOptions, 'database' | 'clock' | 'logger'>;
  /**
   * Also serve `GET /metrics` on 127.0.0.1 at this port (0 picks a free one), to anyone who can
   * reach loopback, without a token. Without `metricsToken`, the main port's `/metrics` then
   * answers 401 to every request (it checks a random token no one is given).
   */
  metricsPort?: number;
}

export interface RunningServer {
  port: number;
  host: string;
  url: string;
  database: Database;
  /** The background worker running in this process, if any. */
  worker: OutboxWorker | undefined;
  /** The loopback listener of `/metrics`, when `metricsPort` was given. */
  metricsUrl?: string;
  /** Stops accepting, waits for in-flight requests (up to `graceMs`), then closes the database. */
  close(graceMs?: number): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const database = await openDatabase(options.url, options.authToken);
  if (options.migrate !== false) await migrate(database);
  const {
    url: _u,
    authToken: _a,
    port: _p,
    host: _h,
    migrate: _m,
    worker: workerOptions,
    backups,
    metricsPort,
    ...appOptions
  } = options;
  const metricsToken =
    appOptions.metricsToken || (metricsPort !== undefined ? randomBytes(32).toString('hex') : undefined);
  // The worker is made once the server listens (mail links need its address); `/readyz` reads it then.
  let worker: OutboxWorker | undefined;
  const app = createApp({
    ...appOptions,
    database,
    ...(metricsToken ? { metricsToken } : {}),
    // `/readyz` watches this process's worker; a web-only process (`--no-worker`) reports it absent.
    ...(workerOptions !== false
      ? { readiness: { ...appOptions.readiness, worker: () => worker?.lastBeat } }
      : {}),
  });
  const host = options.host ?? '127.0.0.1';
  const { server, address } = await listen(app.fetch, options.port ?? 8787, host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  let metrics: Awaited<ReturnType<typeof listen>> | undefined;
  if (metricsPort !== undefined) {
    // The scrape goes through the app (its request log, its metrics) with the token attached.
    const loopback = new Hono();
    loopback.get('/metrics', () =>
      app.request('/metrics', { headers: { Authorization: `Bearer ${metricsToken}` } }),
    );
    try {
      metrics = await listen(loopback.fetch, metricsPort, '127.0.0.1');
    } catch (error) {
      server.close();
      await database.close();
      throw error;
    }
  }
  const mail = workerOptions ? workerOptions.mail : undefined;
  worker =
    workerOptions === false
      ? undefined
      : createWorker({
          database,
          ...(options.clock ? { clock: options.clock } : {}),
          ...(options.logger ? { logger: options.logger } : {}),
          ...workerOptions,
          webhooks: { ...options.webhooks, ...workerOptions?.webhooks },
          // Hosted-page links in mail need this server's address: the public URL, else where it listens.
          mail: { ...(mail ?? noMail), publicUrl: mail?.publicUrl ?? options.publicUrl ?? url },
        });
  const backupSchedule: BackupSchedule | undefined = backups
    ? startBackupSchedule({ ...backups, database, logger: appOptions.logger ?? jsonLogger })
    : undefined;
  worker?.start();
  let closing: Promise<void> | undefined;
  return {
    port: address.port,
    host,
    url,
    database,
    worker,
    ...(metrics ? { metricsUrl: `http://127.0.0.1:${metrics.address.port}` } : {}),
    close: (graceMs = 10_000) => {
      closing ??= (async () => {
        metrics?.server.close();
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
        // Attempts still running after the grace period give their leases back: none is lost.
        await worker?.stop(graceMs);
        mail?.transport?.close();
        await backupSchedule?.stop();
        await database.close();
      })();
      return closing;
    },
  };
}

/**
 * How long an idle keep-alive connection stays open: longer than the idle timeout of the proxies and
 * load balancers put in front (nginx's upstream keep-alive and AWS ALB's 60 s). With Node's default
 * of 5 s the server closes a connection the proxy (or a client whose timers run late under load)
 * still counts as open, and the request it then sends on it fails without an answer: a 502, or a
 * reset `POST` that is never retried. Idle connections are still closed at once on shutdown.
 */
export const KEEP_ALIVE_MS = 65_000;

async function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  hostname: string,
): Promise<{ server: ServerType; address: AddressInfo }> {
  let server!: ServerType;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = honoServe({ fetch, port, hostname }, resolve);
    server.once('error', reject);
  });
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  }
  return { server, address };
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
