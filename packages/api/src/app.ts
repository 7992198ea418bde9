/**
 * @module `createApp`: builds the Hono app from its parts — middleware in order, the `/v1` routes,
 * and the unauthenticated extras (health, OpenAPI, docs, widget files).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import type { Database } from './db/open.js';
import { type AppDeps, type AppEnv, jsonLogger, type Logger } from './env.js';
import { ApiError } from './errors.js';
import { createMetrics } from './metrics/registry.js';
import { authenticateKey } from './middleware/auth.js';
import { preflight } from './middleware/cors.js';
import { refuseDotSegments } from './middleware/dot-segments.js';
import { measureRequests } from './middleware/metrics.js';
import { notFoundHandler, onError } from './middleware/problem.js';
import { clientAddress, type RateLimitOptions } from './middleware/rate-limit.js';
import { requestId } from './middleware/request-id.js';
import { requestLog } from './middleware/request-log.js';
import { writeLimit } from './middleware/write-limit.js';
import { agendaRoutes } from './routes/agenda.js';
import { availabilityRoutes } from './routes/availability.js';
import { bookingPageRoutes } from './routes/booking-page.js';
import { bookingRoutes } from './routes/bookings.js';
import { businessRoutes } from './routes/business.js';
import { consoleBuilt, consoleRoutes } from './routes/console.js';
import { customerRoutes } from './routes/customers.js';
import { eventRoutes } from './routes/events.js';
import { feedAdminRoutes, feedRoutes } from './routes/feeds.js';
import { healthRoutes } from './routes/health.js';
import { holdRoutes } from './routes/holds.js';
import { homeRoutes } from './routes/home.js';
import { keyRoutes } from './routes/keys.js';
import type { RouteKit } from './routes/kit.js';
import { messageRoutes } from './routes/messages.js';
import { metricsRoutes } from './routes/metrics.js';
import { openApiRoutes } from './routes/openapi.js';
import { reportRoutes } from './routes/reports.js';
import { resourceRoutes } from './routes/resources.js';
import { scheduleRoutes } from './routes/schedules.js';
import { serviceRoutes } from './routes/services.js';
import { publicSessionRoutes, sessionRoutes } from './routes/session.js';
import { stockRoutes } from './routes/stock.js';
import { importPath, maxImportBytes } from './routes/stock-imports.js';
import { stockStreamRoutes } from './routes/stock-stream.js';
import { userRoutes } from './routes/users.js';
import { webhookRoutes } from './routes/webhooks.js';
import { type WidgetRouteOptions, widgetRoutes } from './routes/widget.js';
import { demoPublishableKey } from './services/demo.js';
import { defaultThrottle, type ThrottleLimits } from './services/login-throttle.js';
import type { ReadinessOptions } from './services/readiness.js';
import { type StreamLimitOptions, streamLimits } from './services/stream-limits.js';
import { markStage } from './stage-probe.js';
import { type Resolver, systemResolver } from './webhooks/url-guard.js';

export interface AppOptions {
  database: Database;
  /** Current time in epoch ms; tests pass a controllable clock. Default `Date.now`. */
  clock?: () => number;
  /**
   * Rate limit of public writes with a publishable key, per key and client address (default 30 a
   * minute, bursts of 10); `false` turns it off (tests, benchmarks). Counted in the database: it
   * holds across every process on one database.
   */
  rateLimit?: RateLimitOptions | false;
  /**
   * The same writes with a secret key that has no budget of its own (`rateLimitPerMinute`), and
   * with each console user's session: this many a minute, per key or user, spendable at once.
   * `false` turns it off. Default 600.
   */
  secretRateLimit?: number | false;
  /** Trust `X-Forwarded-For` from this many proxies (`true` = 1). Default: off, socket address only. */
  trustProxy?: boolean | number;
  /** Largest accepted request body in bytes. Default 64 KB. */
  bodyLimit?: number;
  logger?: Logger;
  /**
   * The built widget served at `/widget.js` and `/widget/chunks/*` (default: found beside the API),
   * and the publishable key of the `/demo` page (default: the seeded demo business's).
   */
  static?: WidgetRouteOptions;
  /**
   * Live holds one client (publishable key + address) may have at once; `false` = no cap.
   * Default 3. Secret keys are not capped (a business backend speaks for many customers).
   * Counted in the database, across processes.
   */
  maxLiveHoldsPerClient?: number | false;
  /** Stock stream heartbeat, also how soon a stream of a revoked key ends. Default 15 000 ms. */
  streamHeartbeatMs?: number;
  /**
   * This server's public URL (`https://book.example.com`), when proxies rewrite what it sees:
   * console requests must come from its origin, and links in invitations point to it. Default: the
   * request's own `Host` (and `X-Forwarded-Proto`/`-Host` from trusted proxies).
   */
  publicUrl?: string;
  /** Limits on failed console sign-ins (per account, per address). */
  loginThrottle?: Partial<ThrottleLimits>;
  /** The built console served at `/console` (default: found beside the API, like the widget). */
  consoleDir?: string;
  /**
   * Limits of the stock stream: SKUs per stream (default 50), open streams per key and client
   * address (default 10) and per process (default 1000), connects per key and client address
   * (default 60 a minute, bursts of 20). Each `false` turns that limit off.
   */
  streams?: StreamLimitOptions;
  /**
   * How webhook URLs are checked when an endpoint is saved: `allowPrivate` (the operator's
   * FRONTDESK_WEBHOOK_ALLOW_PRIVATE=1) permits `http:` and private targets; `resolver` answers DNS
   * (default the system's; tests inject one).
   */
  webhooks?: { allowPrivate?: boolean; resolver?: Resolver };
  /**
   * Serve `GET /metrics` to a scraper sending `Authorization: Bearer` with this token; without one,
   * metrics are neither collected nor served (404).
   */
  metricsToken?: string;
  /** What `GET /readyz` checks beyond the database: a background worker's heartbeat. */
  readiness?: ReadinessOptions;
}

export type App = Hono<AppEnv>;

export function createApp(options: AppOptions): App {
  const deps: AppDeps = {
    database: options.database,
    clock: options.clock ?? Date.now,
    logger: options.logger ?? jsonLogger,
    site: { trustProxy: options.trustProxy ?? false, publicUrl: options.publicUrl },
    loginThrottle: { ...defaultThrottle, ...options.loginThrottle },
    webhookGuard: {
      allowPrivate: options.webhooks?.allowPrivate ?? false,
      resolver: options.webhooks?.resolver ?? systemResolver,
    },
  };
  const trustProxy = options.trustProxy ?? false;
  const kit: RouteKit = {
    maxLiveHoldsPerClient: options.maxLiveHoldsPerClient ?? 3,
    clientOf: (c) => `${c.var.auth.keyId}|${clientAddress(c, trustProxy)}`,
    publicWriteLimit: writeLimit({
      publishable: options.rateLimit ?? {},
      secretPerMinute: options.secretRateLimit ?? 600,
      clock: deps.clock,
      trustProxy,
    }),
  };
  const maxSize = options.bodyLimit ?? 64 * 1024;
  const streams = streamLimits(options.streams);
  const metricsToken = options.metricsToken || undefined;
  const metrics =
    metricsToken === undefined
      ? undefined
      : createMetrics({
          database: options.database,
          clock: deps.clock,
          logger: deps.logger,
          openStreams: () => streams.open,
        });

  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    markStage('start');
    c.set('deps', deps);
    await next();
    markStage('end');
  });
  app.use(requestId());
  app.use(requestLog());
  if (metrics) app.use(measureRequests(metrics));
  app.use(refuseDotSegments());
  app.use(preflight());
  // JSON (and other text) answers of 1 KB or more are gzipped for clients that accept it: lists,
  // the catalogue, a booking page's calendar — on a phone link the bytes are the wait. Routes that
  // keep their own compressed bytes (availability, feeds, static files) set Content-Encoding, which
  // this leaves alone, as it does event streams. A request without Accept-Encoding skips it whole.
  const compressText = compress();
  app.use((c, next) => (c.req.header('accept-encoding') ? compressText(c, next) : next()));
  /** The body limit of a path: JSON bodies are small; a CSV import may be a large file. */
  const limitOf = (path: string) => (path === importPath ? maxImportBytes : maxSize);
  const tooLarge = (limit: number) =>
    new ApiError(413, 'payload_too_large', { detail: `Bodies are limited to ${limit} bytes` });
  const limitBody = bodyLimit({
    maxSize,
    onError: () => {
      throw tooLarge(maxSize);
    },
  });
  const limitImport = bodyLimit({
    maxSize: maxImportBytes,
    onError: () => {
      throw tooLarge(maxImportBytes);
    },
  });
  // GET and HEAD carry no body the app reads (@hono/node-server drops it), and asking for the body
  // makes node-server build a full WHATWG Request per call: about 10% of a cached availability answer.
  // A declared length is judged from the header alone, as bodyLimit itself does (Node's parser
  // enforces it); only chunked bodies need bodyLimit's counting read.
  app.use((c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const limit = limitOf(c.req.path);
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number.parseInt(length, 10) > limit) throw tooLarge(limit);
      return next();
    }
    return limit === maxSize ? limitBody(c, next) : limitImport(c, next);
  });

  app.route('/', healthRoutes(options.readiness));
  app.route('/', metricsRoutes({ metrics, token: metricsToken }));
  app.route('/', consoleRoutes({ consoleDir: options.consoleDir }));
  app.route(
    '/',
    homeRoutes({
      hasConsole: () => consoleBuilt(options.consoleDir),
      database: options.database,
    }),
  );
  app.route('/', openApiRoutes(app));
  app.route('/', feedRoutes());
  app.route('/', bookingPageRoutes());
  app.route(
    '/',
    widgetRoutes(
      {
        ...options.static,
        demoKey: options.static?.demoKey ?? (() => demoPublishableKey(options.database)),
      },
      (path, init) => app.request(path, init),
    ),
  );

  const v1 = new Hono<AppEnv>();
  v1.use(authenticateKey());
  v1.route('/', businessRoutes());
  v1.route('/', serviceRoutes());
  v1.route('/', resourceRoutes());
  v1.route('/', scheduleRoutes());
  v1.route('/', availabilityRoutes());
  v1.route('/', holdRoutes(kit));
  v1.route('/', bookingRoutes(kit));
  v1.route('/', keyRoutes());
  v1.route('/', eventRoutes());
  v1.route('/', feedAdminRoutes());
  v1.route('/', messageRoutes());
  v1.route('/', webhookRoutes());
  v1.route('/', stockRoutes(kit));
  v1.route('/', agendaRoutes());
  v1.route('/', reportRoutes());
  v1.route('/', userRoutes());
  v1.route('/', customerRoutes());
  v1.route('/', sessionRoutes());
  // The stock stream authenticates itself (EventSource sends no headers: `?key=`), so it goes first;
  // so do signing in and one-time links, which come before any session or key exists.
  app.route(
    '/v1',
    stockStreamRoutes({
      heartbeatMs: options.streamHeartbeatMs,
      limits: streams,
      clientOf: kit.clientOf,
    }),
  );
  app.route('/v1', publicSessionRoutes({ trustProxy }));
  app.route('/v1', v1);

  app.onError(onError);
  app.notFound(notFoundHandler(app));
  return app;
}
