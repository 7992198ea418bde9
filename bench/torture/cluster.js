/**
 * @module The servers a torture run drives: the BUILT `frontdesk serve` (packages/api/dist/cli.js)
 * in P child processes on 127.0.0.1, all on ONE fresh libSQL file seeded with the demo business;
 * killed with SIGKILL and restarted on demand; sampled from /proc (RSS, open descriptors). Every
 * `"level":"error"` line a server logs is counted: the harness reports it as a violation.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../../packages/api/dist/cli.js', import.meta.url));
export const api = await import('../../packages/api/dist/index.js');

/**
 * Rate limits and the live-hold cap off: the harness is one client address firing on purpose.
 * `PORT=0` and the URL read from the `listening` line (a port picked ahead could be taken by
 * another server in the meantime, and /healthz would then answer from that one); the log at its
 * default level, `info`, as in production.
 */
const serverEnv = {
  HOST: '127.0.0.1',
  PORT: '0',
  FRONTDESK_RATE_LIMIT: '0',
  FRONTDESK_SECRET_RATE_LIMIT: '0',
  FRONTDESK_MAX_LIVE_HOLDS: '0',
  FRONTDESK_LOG_LEVEL: 'info',
};

/**
 * A fresh file with the demo business (its keys are what the harness uses), then P servers on it.
 * `env` adds to each server's environment.
 */
export async function startCluster({ processes, env = {} }) {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-torture-'));
  directories.add(dir);
  const file = join(dir, 'torture.db');
  const dbUrl = pathToFileURL(file).href;
  const database = await api.openDatabase(dbUrl);
  await api.migrate(database);
  const seed = await api.seedDemo(database);
  await database.close();
  const errorLines = [];
  const servers = await Promise.all(
    Array.from({ length: processes }, () => startServer(dbUrl, env, errorLines)),
  );
  return {
    dir,
    file,
    dbUrl,
    seed,
    servers,
    errorLines,
    /** The URL of server `i` (round robin over the live ones). */
    url: (i) => servers[i % servers.length].url,
    /** SIGKILL server `i`, wait for its exit, start a new one on the same file in its place. */
    async killAndRestart(i) {
      const victim = servers[i];
      victim.child.kill('SIGKILL');
      await victim.exited;
      servers[i] = await startServer(dbUrl, env, errorLines);
    },
    /** SIGTERM every server and wait for them. */
    async stop() {
      await Promise.all(servers.map((s) => s.stop()));
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
      directories.delete(dir);
    },
    /** Bytes of the database file and of its WAL. */
    fileSizes() {
      const size = (path) => {
        try {
          return statSync(path).size;
        } catch {
          return 0;
        }
      };
      return { db: size(file), wal: size(`${file}-wal`) };
    },
  };
}

/**
 * Every server started and not yet exited, and every directory not yet removed: killed and removed
 * if the harness itself exits early (a thrown error).
 */
const children = new Set();
const directories = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});
// A signal ends the harness through `exit`, so that its servers go with it.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

/** Spawns `frontdesk serve` on `dbUrl` and resolves once it logs its `listening` line. */
function startServer(dbUrl, env, errorLines) {
  const child = spawn(process.execPath, [cli, 'serve'], {
    env: { ...process.env, ...serverEnv, FRONTDESK_DB_URL: dbUrl, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? signal);
    }),
  );
  let pending = '';
  let log = '';
  let listening = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`frontdesk serve did not start in 60 s:\n${log}`));
    }, 60_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!listening) reject(new Error(`frontdesk serve exited (${code ?? signal}):\n${log}`));
    });
    child.stderr.on('data', (chunk) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.includes('"level":"error"')) errorLines.push(line.slice(0, 600));
        if (listening) continue;
        log += `${line}\n`;
        // {"level":"info","time":…,"url":"http://127.0.0.1:…","pid":…,"msg":"listening"}
        const match = /"url":"([^"]+)"[^\n]*"msg":"listening"/.exec(line);
        if (!match) continue;
        listening = true;
        clearTimeout(timer);
        resolve({
          url: match[1],
          pid: child.pid,
          child,
          exited,
          stop: () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
  });
}

/** RSS (bytes) and open file descriptors of a live process, from /proc (Linux). */
export function processStats(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { rss: rssKb * 1024, fds: readdirSync(`/proc/${pid}/fd`).length };
  } catch {
    return { rss: 0, fds: 0 };
  }
}
