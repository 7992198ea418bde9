/**
 * @module Shared by the API benches: the BUILT `frontdesk serve` (packages/api/dist/cli.js) in its
 * own process on a fresh, seeded libSQL file, and a bare Hono hello-world in another process on the
 * same server framework (@hono/node-server). Separate processes so that the load generator does
 * not share an event loop with the server it measures.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const api = await import('../packages/api/dist/index.js');

/** Spawns `node args…` and resolves with the first `http://127.0.0.1:port` it prints. */
function spawnServer(args, env) {
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let log = '';
    const onData = (chunk) => {
      log += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(log);
      if (match) {
        resolve({
          url: match[0],
          close: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
}

/**
 * A fresh database file with the demo seeded, served by the built CLI with no rate limit (unless
 * `env` sets one).
 */
export async function startApi(env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-'));
  const file = join(dir, 'bench.db');
  const dbUrl = pathToFileURL(file).href;
  const database = await api.openDatabase(dbUrl);
  await api.migrate(database);
  const seed = await api.seedDemo(database);
  await database.close();
  const cli = fileURLToPath(new URL('../packages/api/dist/cli.js', import.meta.url));
  const server = await spawnServer([cli, 'serve'], {
    FRONTDESK_DB_URL: dbUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    FRONTDESK_RATE_LIMIT: '0',
    FRONTDESK_SECRET_RATE_LIMIT: '0',
    ...env,
  });
  return {
    ...server,
    seed,
    dbUrl,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The bare framework: one route answering a short text. */
export function startHello() {
  return spawnServer([fileURLToPath(new URL('./hello-server.js', import.meta.url))], {});
}

/** A date `days` from today, `YYYY-MM-DD`. */
export const dateIn = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
