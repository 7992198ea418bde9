/**
 * @module Idle keep-alive connections over a real socket: the server keeps one open well past
 * Node's default of 5 s (a proxy or a client reusing it then gets an answer, not a reset), says so
 * in `Keep-Alive`, and still closes idle ones at once when it shuts down.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, serve } from '../src/server.js';

let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-keepalive-'));
  server = await serve({
    url: pathToFileURL(join(dir, 'ka.db')).href,
    port: 0,
    rateLimit: false,
    worker: false,
  });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  keepAlive: string;
  reusedSocket: boolean;
}

function get(agent: Agent, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { agent }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          keepAlive: String(res.headers['keep-alive']),
          reusedSocket: req.reusedSocket,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('keep-alive', () => {
  it('answers on a connection left idle for longer than 5 s, and advertises 65 s', async () => {
    // The client keeps its idle sockets far longer than the server could: any close is the server's.
    const agent = new Agent({ keepAlive: true, maxSockets: 1, timeout: 120_000 });
    try {
      const first = await get(agent, '/healthz');
      expect(first).toMatchObject({ status: 200, reusedSocket: false, keepAlive: 'timeout=65' });
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const second = await get(agent, '/healthz');
      expect(second).toMatchObject({ status: 200, reusedSocket: true });
    } finally {
      agent.destroy();
    }
  }, 20_000);
});
