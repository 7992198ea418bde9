/**
 * @module What every request handler can reach: the Hono environment of the app.
 */
import type { Role } from '@frontdesk/core';
import type { Database } from './db/open.js';
import type { SiteOptions } from './middleware/site.js';
import type { BusinessRow } from './services/catalog-cache.js';
import type { ThrottleLimits } from './services/login-throttle.js';

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
 * Where the app writes what operators need to see (errors, startup). `error` is for what an operator
 * must act on (operators alert on it), so client input never causes one; `warn` is for what they
 * should look at, such as a stored row the app skipped.
 */
export interface Logger {
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
}

export interface AppEnv {
  Variables: {
    requestId: string;
    auth: AuthContext;
    deps: AppDeps;
  };
}

/** Logs JSON lines to stderr, which process managers collect. */
export const jsonLogger: Logger = {
  info: (message, fields) => console.error(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.error(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};
