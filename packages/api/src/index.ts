/**
 * @module The public surface of @frontdesk/api: build the app, open and migrate the database, seed.
 */
export { type App, type AppOptions, createApp } from './app.js';
export { migrate } from './db/migrate.js';
export { type Database, type Db, openDatabase } from './db/open.js';
export {
  type AuthContext,
  createJsonLogger,
  type JsonLoggerOptions,
  type Logger,
  type LogLevel,
} from './env.js';
export { ApiError } from './errors.js';
export type { RateLimitOptions } from './middleware/rate-limit.js';
export { closeOnSignals, type RunningServer, type ServeOptions, serve } from './server.js';
export { type DemoSeed, demoPublishableKey, seedDemo } from './services/demo.js';
export type { ReadinessOptions } from './services/readiness.js';
