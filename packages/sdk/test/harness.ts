/**
 * @module The SDK's test bench: msw routes every request for `http://api.test` into the REAL Hono
 * app (a temp libSQL file, migrated and seeded by the API's `createTestApp`), and tests add one-off
 * handlers in front of it to inject the faults a real server will not produce on demand.
 */
import { HttpResponse, http } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { createTestApp, type TestApp, type TestAppOptions } from '../../api/test/helpers.js';
import { type ClientOptions, createClient, type FrontdeskClient } from '../src/index.js';

export const baseUrl = 'http://api.test';

/** One request that reached the bench (before any fault), for asserting what the SDK sent. */
export interface SeenRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
}

export interface Bench extends TestApp {
  server: SetupServer;
  /** Client with the secret key (fast retries). */
  admin: FrontdeskClient;
  /** Client with the publishable key (fast retries). */
  public: FrontdeskClient;
  /** Another client on this API, e.g. with other retry or timeout settings. */
  client(options: Partial<ClientOptions>): FrontdeskClient;
  /** Every request the SDK sent, in order. */
  seen: SeenRequest[];
  /** Forwards a request to the real app. */
  forward(request: Request): Response | Promise<Response>;
}

/** Short backoffs so retry tests take milliseconds. */
export const fastRetry = { baseDelay: 5, maxDelay: 20 };

/**
 * Starts the bench; call `stop` in `afterAll`. Handlers added with `bench.server.use(...)` run
 * before the pass-through, and `server.resetHandlers()` removes them.
 */
export async function startBench(options?: TestAppOptions): Promise<Bench> {
  const api = await createTestApp(options);
  const seen: SeenRequest[] = [];
  const forward = (request: Request) => api.app.fetch(request);
  const server = setupServer(http.all(`${baseUrl}/*`, ({ request }) => forward(request)));
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    seen.push({
      method: request.method,
      path: url.pathname,
      idempotencyKey: request.headers.get('idempotency-key'),
    });
  });
  server.listen({ onUnhandledRequest: 'error' });
  const client = (extra: Partial<ClientOptions>) =>
    createClient({ baseUrl, key: api.secretKey, retry: fastRetry, ...extra });
  return {
    ...api,
    server,
    admin: client({}),
    public: client({ key: api.publishableKey }),
    client,
    seen,
    forward,
  };
}

/** Stops msw and deletes the temp database. */
export async function stopBench(bench: Bench | undefined): Promise<void> {
  bench?.server.close();
  await bench?.close();
}

/** A problem+json answer, as a proxy or an overloaded API would send it. */
export const problemResponse = (status: number, code: string, headers: Record<string, string> = {}) =>
  HttpResponse.json(
    { type: 'about:blank', title: code, status, code, requestId: `fault-${status}` },
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );
