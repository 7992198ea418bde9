/**
 * @module Shared by the API benches: the BUILT `frontdesk serve` (packages/api/dist/cli.js) in its
 * own process on a fresh, seeded libSQL file, and a bare Hono hello-world in another process on the
 * same server framework (@hono/node-server). Separate processes so that the load generator does
 * not share an event loop with the server it measures.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const api = await import('../packages/api/dist/index.js');

/**
 * Spawns `node args…` and resolves once it listens: with the first `http://127.0.0.1:port` it
 * prints, or, given `url`, once `url/healthz` answers (a server whose log level hides the
 * `listening` line). Its output is then drained and dropped, as a process manager would take it.
 */
function spawnServer(args, env, url) {
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let log = '';
    const ready = (found) => {
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
      child.off('exit', onExit);
      child.stdout.resume();
      child.stderr.resume();
      resolve({
        url: found,
        pid: child.pid,
        close: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    const onData = (chunk) => {
      log += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(log);
      if (match && url === undefined) ready(match[0]);
    };
    const onExit = (code) => reject(new Error(`server exited (${code}):\n${log}`));
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', onExit);
    if (url !== undefined) {
      const poll = () =>
        fetch(`${url}/healthz`).then(
          (res) => (res.ok ? ready(url) : setTimeout(poll, 50)),
          () => setTimeout(poll, 50),
        );
      poll();
    }
  });
}

/** A port that was free a moment ago (the server is told to listen on it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A fresh database file with the demo seeded, served by the built CLI with no rate limit. `env`
 * adds to the server's environment (`FRONTDESK_LOG_LEVEL`, `FRONTDESK_METRICS_TOKEN`,
 * `FRONTDESK_WEBHOOK_ALLOW_PRIVATE=1`, …) and `args` to `frontdesk serve` (e.g. `--no-worker`).
 */
/** Another `frontdesk serve` on the file at `dbUrl` (rate limits off, as in `startApi`). */
export async function serveFile(dbUrl, { env = {}, args = [] } = {}) {
  const cli = fileURLToPath(new URL('../packages/api/dist/cli.js', import.meta.url));
  const port = await freePort();
  return spawnServer(
    [cli, 'serve', ...args],
    {
      FRONTDESK_DB_URL: dbUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      FRONTDESK_RATE_LIMIT: '0',
      FRONTDESK_SECRET_RATE_LIMIT: '0',
      ...env,
    },
    `http://127.0.0.1:${port}`,
  );
}

export async function startApi({ env = {}, args = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-'));
  const file = join(dir, 'bench.db');
  const dbUrl = pathToFileURL(file).href;
  const database = await api.openDatabase(dbUrl);
  await api.migrate(database);
  const seed = await api.seedDemo(database);
  await database.close();
  const server = await serveFile(dbUrl, { env, args });
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

/** Spawns `node file` (a server script under bench/) and resolves once it prints its URL. */
export function startScript(file, env = {}) {
  return spawnServer([fileURLToPath(new URL(file, import.meta.url))], env);
}

/** The bare framework: one route answering a short text. */
export function startHello() {
  return spawnServer([fileURLToPath(new URL('./hello-server.js', import.meta.url))], {});
}

/** A date `days` from today, `YYYY-MM-DD`. */
export const dateIn = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
