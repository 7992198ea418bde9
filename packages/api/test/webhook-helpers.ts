/**
 * @module Webhook test kit: a REAL receiver (node:http on 127.0.0.1, random port) that records every
 * request and answers as the test scripts it, verification with the `standardwebhooks` npm package
 * (the reference library, not our code) at a chosen instant, and a test app with its outbox worker
 * sharing one database and one test clock.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { vi } from 'vitest';
import type { Logger } from '../src/env.js';
import type { Resolver } from '../src/webhooks/url-guard.js';
import { createWorker, type OutboxWorker, type WorkerOptions } from '../src/worker.js';
import { call } from './fixtures.js';
import { createTestApp, type TestApp, type TestAppOptions, testLogger } from './helpers.js';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  /** Real time of arrival (performance.now()). */
  receivedAt: number;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Never answer (the connection stays open until the sender gives up). */
  hang?: boolean;
}

export interface Receiver {
  url: string;
  received: ReceivedWebhook[];
  /** How the next requests are answered, in order; afterwards `fallback`. */
  script: Answer[];
  fallback: Answer;
  /** `webhook-id`s in arrival order. */
  ids(): string[];
  /** Parsed bodies in arrival order. */
  events<T = { type: string; timestamp: string; data: Record<string, unknown> }>(): T[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts a receiver on 127.0.0.1; every answer is 200 unless scripted otherwise. */
export async function startReceiver(fallback: Answer = { status: 200 }): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  const hanging = new Set<IncomingMessage>();
  const receiver = { script: [] as Answer[], fallback };
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    received.push({
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      body,
      receivedAt: performance.now(),
    });
    const answer = receiver.script.shift() ?? receiver.fallback;
    if (answer.hang) {
      hanging.add(req);
      return;
    }
    res.writeHead(answer.status, answer.headers ?? {});
    res.end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    ids: () => received.map((r) => r.headers['webhook-id']!),
    events: <T>() => received.map((r) => JSON.parse(r.body) as T),
    close: async () => {
      for (const req of hanging) req.socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/**
 * Verifies a received webhook with the `standardwebhooks` package as if checked at `atMs` (its
 * 5-minute timestamp window is read from `Date.now()`, which is set to that instant meanwhile).
 */
export function verifyAt(secret: string, message: ReceivedWebhook, atMs: number): unknown {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(atMs);
    return new Webhook(secret).verify(message.body, message.headers);
  } finally {
    vi.useRealTimers();
  }
}

/**
 * A logger that keeps every line as text (to scan for secrets); like the test apps' own logger, an
 * `error` line fails the test unless `expectErrors`.
 */
export function capturingLogger(expectErrors = false): Logger & { lines: string[] } {
  const lines: string[] = [];
  const checked = testLogger([], expectErrors);
  const log =
    (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
      lines.push(JSON.stringify({ level, message, ...fields }));
      checked[level]?.(message, fields);
    };
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** Names the tests resolve without DNS; anything else does not resolve. */
export function fakeResolver(names: Record<string, string>): Resolver & { names: Record<string, string> } {
  const resolver = async (host: string) => {
    const address = resolver.names[host];
    if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? (6 as const) : (4 as const) }];
  };
  resolver.names = names;
  return resolver;
}

export interface WebhookTest extends TestApp {
  worker: OutboxWorker;
  logger: Logger & { lines: string[] };
  /** Creates an endpoint through the API; answers it with its secret. */
  endpoint(body: Record<string, unknown>): Promise<{ id: string; secret: string; url: string }>;
}

/** A test app and its worker on one database and clock; private targets allowed (127.0.0.1 receivers). */
export async function createWebhookTest(
  options: TestAppOptions & { worker?: Partial<Omit<WorkerOptions, 'database' | 'clock'>> } = {},
): Promise<WebhookTest> {
  const logger = capturingLogger(options.expectErrors ?? false);
  const t = await createTestApp({ logger, webhooks: { allowPrivate: true }, ...options });
  const worker = createWorker({
    database: t.db,
    clock: t.clock,
    logger,
    ...options.worker,
    webhooks: { allowPrivate: true, ...options.webhooks, ...options.worker?.webhooks },
  });
  return {
    ...t,
    worker,
    logger,
    async endpoint(body) {
      const res = await call<{ id: string; secret: string; url: string }>(
        t,
        'POST',
        '/v1/webhook-endpoints',
        {
          body,
        },
      );
      if (res.status !== 201)
        throw new Error(`endpoint not created: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    close: async () => {
      await worker.stop(0);
      await t.close();
    },
  };
}
