/**
 * @module What every request handler can reach: the Hono environment of the app.
 */
import type { Role } from '@frontdesk/core';
import { pino } from 'pino';
import type { Database } from './db/open.js';
import type { SiteOptions } from './middleware/site.js';
import type { BusinessRow } from './services/catalog-cache.js';
import type { ThrottleLimits } from './services/login-throttle.js';
import type { UrlGuardOptions } from './webhooks/url-guard.js';

/** The console person behind a session-authenticated request. */
export interface SessionUser {
  id: string;
  role: Role;
  /** The resources a staff member works with (see `middleware/staff-scope.ts`). */
  resourceIds: string[];
  /** The session's stored id (the hash of the cookie's value). */
  sessionId: string;
}

/**
 * The key (or console session) a request was made with, and so the one business it may see. A
 * session acts with the powers of a secret key (`kind: 'secret'`), narrowed for staff.
 */
export interface AuthContext {
  /** The key's id, or for a session the user's id: the actor of the request's changes. */
  keyId: string;
  businessId: string;
  kind: 'publishable' | 'secret';
  allowedOrigins: string[];
  /** A secret key's own budget of rate-limited writes a minute; null/absent: the server's default. */
  rateLimitPerMinute?: number | null;
  /**
   * The business's zone and version stamps, read together with the key in this request. Fresh
   * enough for reads (availability); writes read them again inside their transaction.
   */
  business?: BusinessRow;
  /** Set when a console session, not a key, authenticated the request. */
  user?: SessionUser;
}

/**
 * Where the app writes what operators need to see (errors, startup, one line per request). `error`
 * is for what an operator must act on (operators alert on it), so client input never causes one;
 * `warn` is for what they should look at, such as a stored row the app skipped; `debug` is for
 * what only a search for a fault needs (health probes and scrapes).
 */
export interface Logger {
  /** Optional, so that small loggers (tests, benches) can leave it out; the request log calls `debug?.()`. */
  debug?(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Things the app is built from, shared by all requests. */
export interface AppDeps {
  database: Database;
  clock: () => number;
  logger: Logger;
  /** This server as browsers see it (origin, https), for sessions and links. */
  site: SiteOptions;
  /** Limits on failed sign-ins. */
  loginThrottle: ThrottleLimits;
  /** The SSRF rule webhook URLs are checked with when an endpoint is saved. */
  webhookGuard: UrlGuardOptions;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    auth: AuthContext;
    deps: AppDeps;
  };
}

/** The levels of `FRONTDESK_LOG_LEVEL`, most severe first: a level keeps itself and those before it. */
export const logLevels = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface JsonLoggerOptions {
  /** Lines below this level are dropped. Default `info`. */
  level?: LogLevel;
  /** Where lines go (a file descriptor or a stream). Default 2 (stderr, which process managers collect). */
  destination?: number | NodeJS.WritableStream;
}

/**
 * JSON lines through pino: `{"level":"info","time":"2026-…Z",…fields,"msg":"…"}`. Written
 * asynchronously (flushed on exit): a request does not wait for its log line to reach the disk
 * (see docs/benchmarks.md, "Request logs and metrics").
 */
export function createJsonLogger(options: JsonLoggerOptions = {}): Logger {
  const destination = options.destination ?? 2;
  const log = pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    typeof destination === 'number' ? pino.destination({ dest: destination, sync: false }) : destination,
  );
  return {
    debug: (message, fields) => log.debug(fields, message),
    info: (message, fields) => log.info(fields, message),
    warn: (message, fields) => log.warn(fields, message),
    error: (message, fields) => log.error(fields, message),
  };
}

let defaultLogger: Logger | undefined;
function defaultJsonLogger(): Logger {
  defaultLogger ??= createJsonLogger();
  return defaultLogger;
}
/** The default logger (level `info`, stderr), created on first use. */
export const jsonLogger: Logger = {
  debug: (message, fields) => defaultJsonLogger().debug?.(message, fields),
  info: (message, fields) => defaultJsonLogger().info(message, fields),
  warn: (message, fields) => defaultJsonLogger().warn(message, fields),
  error: (message, fields) => defaultJsonLogger().error(message, fields),
};
