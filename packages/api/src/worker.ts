/**
 * @module The process's background worker, assembled: the outbox loop with its producers and
 * handlers (webhook deliveries today). `frontdesk serve` starts one beside the HTTP server;
 * `frontdesk worker` runs one alone. Everything it touches is passed in, like `createApp`.
 */
import type { Database } from './db/open.js';
import { jsonLogger, type Logger } from './env.js';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox/worker.js';
import { type WebhookDeliveryOptions, webhookHandler } from './webhooks/deliver.js';
import { webhookFanOut } from './webhooks/fan-out.js';

export interface WorkerOptions
  extends Pick<OutboxWorkerOptions, 'pollMs' | 'leaseMs' | 'concurrency' | 'perTarget' | 'nudgeDelayMs'> {
  database: Database;
  /** Current time in epoch ms; tests pass a controllable clock. Default `Date.now`. */
  clock?: () => number;
  logger?: Logger;
  /** How webhooks are sent: SSRF rule, resolver, sender, timeout (all injectable). */
  webhooks?: Omit<WebhookDeliveryOptions, 'database' | 'clock' | 'logger'>;
}

export function createWorker(options: WorkerOptions): OutboxWorker {
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? jsonLogger;
  const { database, webhooks, clock: _c, logger: _l, ...tuning } = options;
  return new OutboxWorker({
    database,
    clock,
    logger,
    ...tuning,
    producers: [webhookFanOut(database)],
    handlers: [webhookHandler({ database, clock, logger, ...webhooks })],
  });
}

export { OutboxWorker } from './outbox/worker.js';
