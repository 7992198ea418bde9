#!/usr/bin/env node
/**
 * @module The `frontdesk` command: init (a new business), serve, worker, migrate, seed --demo [--json],
 * keys create, backup FILE, restore FILE, import FILE (CSV products or stock), compact-events.
 * The database comes from FRONTDESK_DB_URL (default `file:./data/frontdesk.db`) and, for Turso/sqld,
 * FRONTDESK_DB_AUTH_TOKEN.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiKeyInput, KeyKind, Origin } from '@frontdesk/core';
import { isBackupError } from './backup/backup-error.js';
import { restoreDatabase } from './backup/restore.js';
import { backupScheduleFromEnv } from './backup/schedule-env.js';
import { writeBackup } from './backup/write.js';
import { migrate } from './db/migrate.js';
import { type Database, filePath, openDatabase } from './db/open.js';
import { createJsonLogger, type LogLevel, logLevels } from './env.js';
import { runImportCommand } from './import/command.js';
import { InitUsageError, publicConsoleUrl, runInit } from './init-command.js';
import type { MailSettings } from './mail/settings.js';
import { type MailAddress, parseMailFrom, smtpTransport } from './mail/transport.js';
import { closeOnSignals, serve } from './server.js';
import { getBusinessRow } from './services/business.js';
import { seedDemo } from './services/demo.js';
import { compactSettledEvents } from './services/event-compaction.js';
import { defaultStockEventRetentionDays, pruneStreamOnlyEvents } from './services/event-retention.js';
import { createKey } from './services/keys.js';
import { createWorker, noMail } from './worker.js';

const usage = `Usage: frontdesk <command>

  init --name TEXT --timezone ZONE [--locale TAG] [--currency CODE] --owner-email EMAIL
       [--owner-name TEXT] [--password-stdin] [--json]
                              Create a business, its first keys and its owner (asks in a
                              terminal when run without flags; without --password-stdin the
                              owner gets a one-time set-up link, valid 24 hours)
  serve [--no-worker]         Run the API (PORT, default 8787; HOST, default 127.0.0.1) and the
                              background worker (webhook deliveries, mail); --no-worker leaves that
                              to a separate "frontdesk worker"
  worker                      Run only the background worker (webhook deliveries, mail)
  migrate                     Apply database migrations
  seed --demo [--json]        Create the demo business (idempotent) and its console owner;
                              --json prints its keys and the owner's (new) password
  keys create --business ID --kind publishable|secret [--origin URL]... [--label TEXT]
       [--rate-limit N]       --rate-limit: a secret key's own budget of rate-limited writes
                              a minute (1-10000; default FRONTDESK_SECRET_RATE_LIMIT)
  backup FILE                 Copy the database to FILE (VACUUM INTO; never overwrites), then
                              check the copy (integrity and schema)
  restore FILE                Replace the database with the backup FILE (checked first; refused
                              while any process uses the database); the replaced file is kept
                              as <database>.replaced-<time>
  import FILE --business ID [--kind products|stock] [--encoding utf-8|windows-1252]
                              Import products or stock counts from CSV (see docs/stock.md). UTF-8
                              unless --encoding windows-1252 (alias latin1, iso-8859-1); a line
                              or row may hold at most 1 MiB
  compact-events              The event log's upkeep now (the worker does it hourly): delete
                              stock.changed and stock.low events older than
                              FRONTDESK_STOCK_EVENT_RETENTION_DAYS (the stock ledger keeps every
                              change), store settled events compactly, and print what it did

Environment: FRONTDESK_DB_URL (default file:./data/frontdesk.db), FRONTDESK_DB_AUTH_TOKEN,
PORT, HOST, FRONTDESK_TRUST_PROXY (number of proxies in front), FRONTDESK_RATE_LIMIT (public
writes per minute per publishable key and address, default 30; 0 turns it off),
FRONTDESK_SECRET_RATE_LIMIT (the same writes per minute per secret key without a budget of its
own, and per console user, default 600; 0 turns it off), FRONTDESK_MAX_LIVE_HOLDS (live holds per
publishable key and address, default 3; 0 turns the cap off), FRONTDESK_MAX_STREAMS (open stock
streams per process, default 1000) and FRONTDESK_MAX_STREAMS_PER_CLIENT (per key and address,
default 10; 0 turns either cap off), FRONTDESK_PUBLIC_URL (this server's address as browsers see
it, e.g. https://book.example.com: console, calendar feed and booking page links), FRONTDESK_WEBHOOK_ALLOW_PRIVATE=1
(allow http: and private, loopback and link-local webhook targets: LANs, development),
FRONTDESK_BACKUP_DIR (scheduled backups from serve), FRONTDESK_BACKUP_EVERY (default 24h; 90s,
15m, 6h, 1d), FRONTDESK_BACKUP_KEEP (default 7), FRONTDESK_SMTP_URL and FRONTDESK_MAIL_FROM (mail;
without them messages are rendered and kept as not_sent, see GET /v1/messages), FRONTDESK_METRICS_TOKEN
(serve GET /metrics to Authorization: Bearer with this token, 16+ characters; unset: metrics off),
FRONTDESK_METRICS_PORT (also serve /metrics without a token on 127.0.0.1 at this port),
FRONTDESK_LOG_LEVEL (error, warn, info or debug; default info: one line per request),
FRONTDESK_STOCK_EVENT_RETENTION_DAYS (days stock.changed and stock.low events stay in the event
log, default 30; 0 keeps them for ever).`;

const dbUrl = () => process.env.FRONTDESK_DB_URL || 'file:./data/frontdesk.db';
const authToken = () => process.env.FRONTDESK_DB_AUTH_TOKEN || undefined;

class UsageError extends Error {}

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(dbUrl(), authToken());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new UsageError(`${name} must be a whole number, got "${raw}"`);
  return value;
}

/** `FRONTDESK_STOCK_EVENT_RETENTION_DAYS` for the worker (absent: its default). */
function retentionFromEnv(): { stockEventRetentionDays?: number } {
  const days = numberFromEnv('FRONTDESK_STOCK_EVENT_RETENTION_DAYS');
  return days === undefined ? {} : { stockEventRetentionDays: days };
}

/** `frontdesk compact-events`: one upkeep pass of the event log now, to its end. */
async function runCompactEvents(): Promise<void> {
  const days = retentionFromEnv().stockEventRetentionDays ?? defaultStockEventRetentionDays;
  const { pruned, compacted } = await withDatabase(async (db) => {
    await migrate(db);
    const now = Date.now();
    return {
      pruned: await pruneStreamOnlyEvents(db, { now, retentionDays: days }),
      compacted: await compactSettledEvents(db, { now }),
    };
  });
  process.stdout.write(
    (days === 0
      ? 'FRONTDESK_STOCK_EVENT_RETENTION_DAYS=0: stock events are kept for ever\n'
      : `Deleted ${pruned.deleted} stock events older than ${days} days\n`) +
      `Compacted ${compacted.compacted} events (${compacted.savedBytes} bytes of payload saved; ` +
      'the file keeps its size, the freed pages are reused: VACUUM shrinks it)\n',
  );
}

/**
 * Mail from the environment: FRONTDESK_SMTP_URL (`smtp://user:pass@host:587`, `smtps://…`) with
 * FRONTDESK_MAIL_FROM; neither set is the no-SMTP mode (messages kept as `not_sent`).
 */
function mailSettingsFromEnv(): MailSettings {
  const smtpUrl = process.env.FRONTDESK_SMTP_URL || '';
  const from = process.env.FRONTDESK_MAIL_FROM || '';
  const publicUrl = process.env.FRONTDESK_PUBLIC_URL?.replace(/\/+$/, '') || undefined;
  if (!smtpUrl) return { ...noMail, publicUrl };
  if (!/^smtps?:\/\/[^\s]+$/.test(smtpUrl))
    throw new UsageError(
      'FRONTDESK_SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465',
    );
  if (!from)
    throw new UsageError(
      'FRONTDESK_SMTP_URL needs FRONTDESK_MAIL_FROM (e.g. "Salon <bookings@salon.example>")',
    );
  let address: MailAddress;
  try {
    address = parseMailFrom(from);
  } catch (error) {
    throw new UsageError(`FRONTDESK_MAIL_FROM: ${(error as Error).message}`);
  }
  return { transport: smtpTransport(smtpUrl), from: address, publicUrl };
}

/** The webhook SSRF rule from the environment (shared by the routes and the worker). */
function webhookOptions() {
  const raw = process.env.FRONTDESK_WEBHOOK_ALLOW_PRIVATE;
  if (raw !== undefined && raw !== '' && raw !== '0' && raw !== '1') {
    throw new UsageError(`FRONTDESK_WEBHOOK_ALLOW_PRIVATE must be 0 or 1, got "${raw}"`);
  }
  return { allowPrivate: raw === '1' };
}

/** `FRONTDESK_LOG_LEVEL`, default `info`. */
function logLevelFromEnv(): LogLevel {
  const raw = process.env.FRONTDESK_LOG_LEVEL || 'info';
  const level = logLevels.find((known) => known === raw.toLowerCase());
  if (level === undefined) {
    throw new UsageError(`FRONTDESK_LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${raw}"`);
  }
  return level;
}

/** `FRONTDESK_METRICS_TOKEN`: long enough not to be guessed, and sendable in a header. */
function metricsTokenFromEnv(): string | undefined {
  const token = process.env.FRONTDESK_METRICS_TOKEN || undefined;
  if (token !== undefined && !/^[\x21-\x7e]{16,}$/.test(token)) {
    throw new UsageError(
      'FRONTDESK_METRICS_TOKEN must be at least 16 visible characters without spaces (e.g. openssl rand -hex 32)',
    );
  }
  return token;
}

async function runServe(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { 'no-worker': { type: 'boolean' } } });
  const logger = createJsonLogger({ level: logLevelFromEnv() });
  const metricsToken = metricsTokenFromEnv();
  const metricsPort = numberFromEnv('FRONTDESK_METRICS_PORT');
  const trustProxy = numberFromEnv('FRONTDESK_TRUST_PROXY');
  const perMinute = numberFromEnv('FRONTDESK_RATE_LIMIT');
  const secretPerMinute = numberFromEnv('FRONTDESK_SECRET_RATE_LIMIT');
  const maxHolds = numberFromEnv('FRONTDESK_MAX_LIVE_HOLDS');
  const publicUrl = process.env.FRONTDESK_PUBLIC_URL || undefined;
  if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(publicUrl)) {
    throw new UsageError(
      `FRONTDESK_PUBLIC_URL must be an origin such as https://book.example.com, got "${publicUrl}"`,
    );
  }
  const maxStreams = numberFromEnv('FRONTDESK_MAX_STREAMS');
  const maxStreamsPerClient = numberFromEnv('FRONTDESK_MAX_STREAMS_PER_CLIENT');
  const cap = (value: number) => (value === 0 ? false : value);
  const server = await serve({
    url: dbUrl(),
    authToken: authToken(),
    port: numberFromEnv('PORT') ?? 8787,
    host: process.env.HOST || '127.0.0.1',
    ...backupScheduleFromEnv(process.env, dbUrl()),
    webhooks: webhookOptions(),
    worker: values['no-worker'] ? false : { mail: mailSettingsFromEnv(), ...retentionFromEnv() },
    logger,
    ...(metricsToken ? { metricsToken } : {}),
    ...(metricsPort !== undefined ? { metricsPort } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    ...(trustProxy !== undefined ? { trustProxy } : {}),
    ...(maxHolds !== undefined ? { maxLiveHoldsPerClient: maxHolds === 0 ? false : maxHolds } : {}),
    ...(secretPerMinute !== undefined ? { secretRateLimit: cap(secretPerMinute) } : {}),
    streams: {
      ...(maxStreams !== undefined ? { perProcess: cap(maxStreams) } : {}),
      ...(maxStreamsPerClient !== undefined ? { perClient: cap(maxStreamsPerClient) } : {}),
    },
    ...(perMinute !== undefined
      ? {
          rateLimit:
            perMinute === 0
              ? false
              : { limit: perMinute, windowSeconds: 60, burst: Math.max(1, Math.ceil(perMinute / 3)) },
        }
      : {}),
  });
  closeOnSignals(server, logger);
  logger.info('listening', {
    url: server.url,
    pid: process.pid,
    ...(server.metricsUrl ? { metricsUrl: `${server.metricsUrl}/metrics` } : {}),
  });
}

/** `frontdesk worker`: the background worker alone, until SIGTERM/SIGINT. */
async function runWorker(): Promise<void> {
  const webhooks = webhookOptions();
  const logger = createJsonLogger({ level: logLevelFromEnv() });
  const database = await openDatabase(dbUrl(), authToken());
  await migrate(database);
  const worker = createWorker({
    database,
    webhooks,
    logger,
    mail: mailSettingsFromEnv(),
    ...retentionFromEnv(),
  });
  worker.start();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info('shutting down', { signal });
    worker
      .stop()
      .then(() => database.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error('shutdown failed', { error: String(error) });
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  logger.info('worker started', { pid: process.pid, owner: worker.owner });
}

async function runSeed(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, json: { type: 'boolean' } } });
  if (!values.demo) throw new UsageError('Only `seed --demo` exists');
  const seed = await withDatabase(async (db) => {
    await migrate(db);
    return seedDemo(db);
  });
  const keys = {
    businessId: seed.businessId,
    publishableKey: seed.publishableKey,
    secretKey: seed.secretKey,
    ownerEmail: seed.ownerEmail,
    ownerPassword: seed.ownerPassword,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(keys)}\n`);
  } else {
    process.stdout.write(
      `${seed.created ? 'Created' : 'Found'} the demo business ${seed.businessId}\n` +
        `  publishable key: ${seed.publishableKey}\n  secret key:      ${seed.secretKey} (shown once)\n` +
        `  console:         ${publicConsoleUrl()}/\n` +
        `  sign in as ${seed.ownerEmail} with password ${seed.ownerPassword} (new on every seed)\n`,
    );
  }
}

async function runKeys(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      business: { type: 'string' },
      kind: { type: 'string' },
      origin: { type: 'string', multiple: true },
      label: { type: 'string' },
      'rate-limit': { type: 'string' },
    },
  });
  if (positionals[0] !== 'create') throw new UsageError('Only `keys create` exists');
  const kind = KeyKind.safeParse(values.kind);
  if (!kind.success) throw new UsageError('--kind must be publishable or secret');
  if (!values.business) throw new UsageError('--business is required');
  const origins = values.origin ?? [];
  for (const origin of origins) {
    if (!Origin.safeParse(origin).success) throw new UsageError(`Not an origin: ${origin}`);
  }
  const rateLimit = values['rate-limit'];
  // The wire contract's rules, so the CLI and POST /v1/keys accept the same keys.
  const input = ApiKeyInput.safeParse({
    kind: kind.data,
    label: values.label ?? '',
    allowedOrigins: origins,
    ...(rateLimit !== undefined
      ? { rateLimitPerMinute: /^\d+$/.test(rateLimit) ? Number(rateLimit) : rateLimit }
      : {}),
  });
  if (!input.success) {
    const issue = input.error.issues[0];
    const flag = issue?.path[0] === 'rateLimitPerMinute' ? '--rate-limit' : (issue?.path[0] ?? 'input');
    throw new UsageError(`${String(flag)}: ${issue?.message ?? 'not valid'}`);
  }
  const key = await withDatabase(async (db) => {
    await getBusinessRow(db.db, values.business!).catch(() => {
      throw new UsageError(`No business ${values.business}`);
    });
    return db.write((tx) => createKey(tx, values.business!, input.data, Date.now()));
  });
  process.stdout.write(`${JSON.stringify(key)}\n`);
}

async function runBackup(args: string[]): Promise<void> {
  const file = args[0];
  if (!file) throw new UsageError('backup needs a target file');
  const target = resolve(file);
  if (existsSync(target)) throw new UsageError(`${target} exists; refusing to overwrite it`);
  const written = await withDatabase((db) => writeBackup(db, target));
  process.stdout.write(`Backed up to ${written.file} (${written.bytes} bytes, checked)\n`);
}

async function runRestore(args: string[]): Promise<void> {
  const file = args[0];
  if (!file || args.length > 1) throw new UsageError('restore needs one backup file');
  const url = dbUrl();
  if (!url.startsWith('file:') || url.includes(':memory:')) {
    throw new UsageError('restore works on local files; use your Turso/sqld restore for remote databases');
  }
  const result = await restoreDatabase(filePath(url), file);
  const schema = result.backupSchema;
  process.stdout.write(
    `Restored ${resolve(file)} into ${result.database}` +
      (schema.state === 'older'
        ? ` (migrated from ${schema.applied} to ${schema.known} migrations)\n`
        : '\n') +
      (result.replacedFile ? `The database it replaced is kept as ${result.replacedFile}\n` : ''),
  );
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'init':
      return withDatabase(async (db) => {
        await migrate(db);
        await runInit(rest, db);
      });
    case 'serve':
      return runServe(rest);
    case 'worker':
      return runWorker();
    case 'migrate':
      await withDatabase(migrate);
      process.stdout.write('Migrations applied\n');
      return;
    case 'seed':
      return runSeed(rest);
    case 'keys':
      return runKeys(rest);
    case 'backup':
      return runBackup(rest);
    case 'restore':
      return runRestore(rest);
    case 'compact-events':
      return runCompactEvents();
    case 'import':
      process.exitCode = await withDatabase(async (db) => {
        await migrate(db);
        return runImportCommand(rest, db);
      });
      return;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${usage}\n`);
      return;
    default:
      throw new UsageError(`Unknown command: ${command}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (isBackupError(error)) {
    process.stderr.write(`frontdesk: ${error.message}\n`);
    process.exit(1);
  }
  if (
    error instanceof UsageError ||
    error instanceof InitUsageError ||
    (error instanceof Error && error.name === 'TypeError' && 'code' in error)
  ) {
    process.stderr.write(`frontdesk: ${error.message}\n\n${usage}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `frontdesk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
