/**
 * @module The process's background worker, assembled: the outbox loop with its producers and
 * handlers — webhook deliveries, and mail (confirmations, notices, reminders). `frontdesk serve` starts one beside the HTTP server;
 * `frontdesk worker` runs one alone. Everything it touches is passed in, like `createApp`.
 */
import type { Database } from './db/open.js';
import { jsonLogger, type Logger } from './env.js';
import { mailHandler } from './mail/handler.js';
import { mailProducer } from './mail/producer.js';
import type { MailSettings } from './mail/settings.js';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox/worker.js';
import { defaultStockEventRetentionDays, eventRetentionProducer } from './services/event-retention.js';
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
  /**
   * How mail is sent. Default: no SMTP — every message is still rendered and stored, as `not_sent`
   * (see `GET /v1/messages`), and none is sent later.
   */
  mail?: MailSettings;
  /**
   * Days `stock.changed` and `stock.low` events stay in the log (see services/event-retention.ts);
   * 0 keeps them for ever. Default 30 (`FRONTDESK_STOCK_EVENT_RETENTION_DAYS`).
   */
  stockEventRetentionDays?: number;
}

/** No SMTP configured: messages are kept, not sent. */
export const noMail: MailSettings = { transport: null, from: null, publicUrl: undefined };

export function createWorker(options: WorkerOptions): OutboxWorker {
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? jsonLogger;
  const {
    database,
    webhooks,
    mail = noMail,
    stockEventRetentionDays = defaultStockEventRetentionDays,
    clock: _c,
    logger: _l,
    ...tuning
  } = options;
  if (!mail.transport) {
    logger.info('mail is not configured: messages are rendered and kept as not_sent, never sent later', {
      see: 'GET /v1/messages',
      configure: 'FRONTDESK_SMTP_URL and FRONTDESK_MAIL_FROM',
    });
  }
  return new OutboxWorker({
    database,
    clock,
    logger,
    ...tuning,
    producers: [
      webhookFanOut(database),
      mailProducer(database, mail, logger),
      eventRetentionProducer(database, { retentionDays: stockEventRetentionDays, logger }),
    ],
    handlers: [
      webhookHandler({ database, clock, logger, ...webhooks }),
      mailHandler({ database, clock, logger, settings: mail }),
    ],
  });
}

export { OutboxWorker } from './outbox/worker.js';
