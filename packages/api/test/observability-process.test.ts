/**
 * @module `frontdesk serve` as an operator runs it: with FRONTDESK_METRICS_TOKEN it serves
 * `/metrics` to that token only, and it writes one JSON line per request on stderr (pino's `time`,
 * `level`, `msg`), probes only at FRONTDESK_LOG_LEVEL=debug; a bad level or a short token refuses
 * to start with a clear message.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, describe, expect, it } from 'vitest';
import { removeSeededFiles, type ServerProcess, seedFile, startServer } from './process-helpers.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const token = 'scrape-token-abcdefghijklmnop';

const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const server of servers) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  removeSeededFiles();
});

/** Starts a server and keeps every JSON line it writes on stderr from now on. */
async function serveWith(env: Record<string, string>) {
  const seeded = await seedFile(2);
  const server = await startServer(seeded.dbUrl, env);
  servers.push(server);
  const lines: Record<string, unknown>[] = [];
  let pending = '';
  server.child.stderr!.on('data', (chunk: Buffer) => {
    const parts = (pending + chunk.toString()).split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) lines.push(JSON.parse(part) as Record<string, unknown>);
  });
  return { server, seeded, lines };
}

/** Waits until `lines` has one with `msg: 'request'` for `route` (the write is asynchronous). */
async function requestLine(lines: Record<string, unknown>[], route: string) {
  for (let i = 0; i < 100; i++) {
    const line = lines.find((l) => l.msg === 'request' && l.route === route);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

describe('frontdesk serve: metrics and request log', () => {
  it('serves /metrics to the token only, counts a booking, and logs each request as a JSON line', async () => {
    const { server, seeded, lines } = await serveWith({ FRONTDESK_METRICS_TOKEN: token });
    const start = new Date(Math.ceil(Date.now() / 3_600_000 + 2) * 3_600_000)
      .toISOString()
      .replace('.000', '');
    const booked = await fetch(`${server.url}/v1/bookings`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${seeded.publishableKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        service: seeded.serviceId,
        start,
        customer: { name: 'Al', email: 'al@example.com' },
      }),
    });
    expect(booked.status).toBe(201);

    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const scrape = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    expect(scrape.status).toBe(200);
    const families = parsePrometheusTextFormat(await scrape.text());
    const changes = families.find((f) => f.name === 'frontdesk_booking_changes_total');
    expect(changes?.metrics).toEqual([{ labels: { change: 'created' }, value: '1' }]);
    expect(families.some((f) => f.name === 'process_resident_memory_bytes')).toBe(true);

    const line = await requestLine(lines, '/v1/bookings');
    expect(line).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      requestId: booked.headers.get('x-request-id'),
      method: 'POST',
      route: '/v1/bookings',
      status: 201,
      durationMs: expect.any(Number),
      keyId: expect.stringMatching(/^key_/),
      msg: 'request',
    });
    // Scrapes are probes: logged at debug, so not at the default level.
    expect(lines.some((l) => l.route === '/metrics')).toBe(false);
  }, 60_000);

  it('logs probes too at FRONTDESK_LOG_LEVEL=debug; without a token /metrics is off', async () => {
    const { server, lines } = await serveWith({ FRONTDESK_LOG_LEVEL: 'debug' });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    expect(await requestLine(lines, '/metrics')).toMatchObject({ level: 'debug', status: 404 });
  }, 60_000);

  it('refuses to start with a bad FRONTDESK_LOG_LEVEL or a short FRONTDESK_METRICS_TOKEN', async () => {
    const serve = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, ['--conditions=source', '--import', 'tsx', cli, 'serve'], {
        cwd: repoRoot,
        env: { ...process.env, FRONTDESK_DB_URL: 'file::memory:', PORT: '0', ...env },
      }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    const loud = await serve({ FRONTDESK_LOG_LEVEL: 'loud' });
    expect(loud.code).toBe(2);
    expect(loud.stderr).toContain('FRONTDESK_LOG_LEVEL must be one of error, warn, info, debug, got "loud"');
    const short = await serve({ FRONTDESK_METRICS_TOKEN: 'secret' });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('FRONTDESK_METRICS_TOKEN must be at least 16 visible characters');
  }, 60_000);
});
