/**
 * @module The SDK in the runtimes docs/sdk.md promises besides Node and browsers: the built SDK
 * (`packages/sdk/dist`, as published) runs the same smoke test (`sdk-smoke.js`: services,
 * availability, a booking, the typed 409, a change on the live stock stream) under Deno, Bun and
 * workerd (the Cloudflare Workers runtime), against a real `frontdesk serve` on 127.0.0.1.
 * The runtimes come from npm (this package's devDependencies). Needs the built tree (`pnpm build`).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoKeys, type FrontdeskServer, seedDemo, serveFrontdesk } from './frontdesk-process.js';

const run = promisify(execFile);
const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'packages/api/dist/cli.js');
const packageDir = (name: string) =>
  dirname(createRequire(join(here, 'package.json')).resolve(`${name}/package.json`));
const binaries = {
  deno: join(packageDir('deno'), 'deno'),
  bun: join(packageDir('bun'), 'bin/bun.exe'),
  workerd: join(packageDir('workerd'), 'bin/workerd'),
  esbuild: join(packageDir('esbuild'), 'bin/esbuild'),
};

/** What every runtime must report (the stream's two readings differ by the one unit sold). */
function expectSmokePassed(result: Record<string, unknown>) {
  expect(result).toMatchObject({
    services: 4,
    slots: expect.any(Number),
    booking: { status: 'confirmed', hasManageToken: true },
    conflict: {
      name: 'SlotUnavailableError',
      status: 409,
      code: 'slot_unavailable',
      guard: true,
      instanceOf: true,
    },
  });
  const [before, after] = result.streamed as number[];
  expect(after).toBe(before! - 1);
}

let work: string;
let server: FrontdeskServer;
let keys: DemoKeys;

beforeAll(async () => {
  for (const file of [cli, join(root, 'packages/sdk/dist/index.js')]) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: run \`pnpm build\` first (the README's test command does)`);
  }
  work = mkdtempSync(join(tmpdir(), 'frontdesk-runtimes-'));
  const dbUrl = pathToFileURL(join(work, 'fd.db')).href;
  keys = await seedDemo(cli, dbUrl);
  server = await serveFrontdesk(cli, dbUrl);
}, 120_000);

afterAll(async () => {
  expect(await server?.stop()).toBe(0);
  rmSync(work, { recursive: true, force: true });
});

const smokeArgs = () => [join(here, 'run-smoke.js'), server.url, keys.publishableKey, keys.secretKey];
const lastLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;

describe('the built SDK in other runtimes', () => {
  it('runs under Deno', async () => {
    const { stdout } = await run(
      binaries.deno,
      ['run', '--allow-net', '--allow-read', '--allow-env', '--no-lock', ...smokeArgs()],
      {
        cwd: root,
        timeout: 60_000,
        env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
      },
    );
    expectSmokePassed(lastLine(stdout));
  }, 90_000);

  it('runs under Bun', async () => {
    const { stdout } = await run(binaries.bun, smokeArgs(), { cwd: root, timeout: 60_000 });
    expectSmokePassed(lastLine(stdout));
  }, 90_000);

  it('runs under workerd (the Cloudflare Workers runtime), bundled with esbuild', async () => {
    await run(
      binaries.esbuild,
      [
        join(here, 'worker.js'),
        '--bundle',
        '--format=esm',
        '--platform=browser',
        '--conditions=workerd,worker',
        `--outfile=${join(work, 'worker.mjs')}`,
        '--log-level=warning',
      ],
      { cwd: root },
    );
    const port = await freePort();
    writeFileSync(join(work, 'config.capnp'), workerdConfig(port, server.url, keys));
    const workerd = spawn(binaries.workerd, ['serve', join(work, 'config.capnp')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    workerd.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    const exited = new Promise((resolve) => workerd.once('exit', resolve));
    try {
      const res = await fetchWhenUp(`http://127.0.0.1:${port}/`, 30_000);
      const result = (await res.json()) as Record<string, unknown>;
      expect(result, log).not.toHaveProperty('error');
      expect(res.status).toBe(200);
      expectSmokePassed(result);
    } finally {
      workerd.kill('SIGTERM');
      await exited;
    }
  }, 90_000);
});

/** A port nobody listens on right now, on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Fetches `url`, retrying while the connection is refused (workerd still starting). */
async function fetchWhenUp(url: string, withinMs: number): Promise<Response> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * One worker, reached on `port`; its outbound `fetch` may reach loopback (the default "internet"
 * service allows public addresses only).
 */
function workerdConfig(port: number, apiUrl: string, demo: DemoKeys): string {
  const text = (value: string) => JSON.stringify(value);
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .smoke),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const smoke :Workerd.Worker = (
  modules = [ (name = "worker", esModule = embed "worker.mjs") ],
  compatibilityDate = "2025-09-01",
  bindings = [
    (name = "API", text = ${text(apiUrl)}),
    (name = "PK", text = ${text(demo.publishableKey)}),
    (name = "SK", text = ${text(demo.secretKey)}),
  ],
);
`;
}
