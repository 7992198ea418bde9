/**
 * @module Request bodies over a real socket (@hono/node-server): bodies of declared length are
 * read straight from the socket and judged by Content-Length, chunked ones are counted as they
 * arrive; either way an oversized body is 413, bad JSON 400, a good one is read in full.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, serve } from '../src/server.js';
import { seedDemo } from '../src/services/demo.js';

let dir: string;
let server: RunningServer;
let secretKey: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-body-'));
  server = await serve({
    url: pathToFileURL(join(dir, 'body.db')).href,
    port: 0,
    rateLimit: false,
    bodyLimit: 2048,
  });
  secretKey = (await seedDemo(server.database)).secretKey;
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** POSTs `body`, either with Content-Length or chunked (written in two pieces). */
function post(path: string, body: string, chunked: boolean): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${secretKey}`,
      'Content-Type': 'application/json',
    };
    if (!chunked) headers['Content-Length'] = String(Buffer.byteLength(body));
    const req = request(`${server.url}${path}`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    req.end(body.slice(half));
  });
}

describe.each([
  ['Content-Length', false],
  ['chunked', true],
])('bodies sent with %s', (_name, chunked) => {
  it('reads a valid body in full (non-ASCII text intact)', async () => {
    const name = `Zoë ${chunked ? 'chunked' : 'plain'} ☕ resource`;
    const created = await post('/v1/resources', JSON.stringify({ name }), chunked);
    expect(created.status).toBe(201);
    expect((created.json as { name: string }).name).toBe(name);
  });

  it('answers 413 for a body over the limit', async () => {
    const answer = await post('/v1/resources', JSON.stringify({ name: 'x'.repeat(4000) }), chunked);
    expect(answer.status).toBe(413);
    expect((answer.json as { code: string }).code).toBe('payload_too_large');
  });

  it('answers 400 for malformed JSON', async () => {
    const answer = await post('/v1/resources', '{"name": ', chunked);
    expect(answer.status).toBe(400);
    expect((answer.json as { code: string }).code).toBe('invalid_json');
  });
});
