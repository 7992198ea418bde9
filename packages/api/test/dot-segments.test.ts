/**
 * @module Paths with `.`/`..` segments, sent raw over a real socket (URL parsers, `fetch` included,
 * would resolve them before sending): each is refused with a 404 problem instead of being answered
 * by the route the segments lead to.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasDotSegment } from '../src/middleware/dot-segments.js';
import { type RunningServer, serve } from '../src/server.js';
import { seedDemo } from '../src/services/demo.js';
import { testLogger } from './helpers.js';

let dir: string;
let server: RunningServer;
let secretKey: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-dots-'));
  server = await serve({
    url: pathToFileURL(join(dir, 'dots.db')).href,
    port: 0,
    rateLimit: false,
    logger: testLogger(),
  });
  secretKey = (await seedDemo(server.database)).secretKey;
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends `path` exactly as written on the request line. */
function send(method: string, path: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port, method, path, headers: { Authorization: `Bearer ${secretKey}` } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('dot segments in the path', () => {
  it.each([
    ['GET', '/v1/services/../products'],
    ['GET', '/v1/services/%2e%2e/products'],
    ['GET', '/v1/services/%2E./products'],
    ['GET', '/v1/services/.%2e/products?limit=5'],
    ['GET', '/v1/./products'],
    ['GET', '/v1/%2e/products'],
    ['POST', '/v1/bookings/./confirm'],
  ])('%s %s is a 404 problem, not another route', async (method, path) => {
    const res = await send(method, path);
    expect(res.status).toBe(404);
    expect(res.type).toContain('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({ code: 'not_found' });
  });

  it('a backslash path never reaches the route it leads to (Node refuses it: 400)', async () => {
    const res = await send('GET', '/v1/services/..\\products');
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('"data"');
  });

  it('the route the segments led to still answers when named directly', async () => {
    const res = await send('GET', '/v1/products');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toHaveProperty('data');
  });

  it('dots inside a segment, in the query, or double-encoded are ordinary characters', () => {
    expect(hasDotSegment('/widget/chunks/booking.abc.js')).toBe(false);
    expect(hasDotSegment('/v1/products/OIL..50/stock')).toBe(false);
    expect(hasDotSegment('/v1/products?cursor=../x')).toBe(false);
    expect(hasDotSegment('/v1/services/%252e%252e/products')).toBe(false);
    expect(hasDotSegment('/v1/services/...')).toBe(false);
  });
});
