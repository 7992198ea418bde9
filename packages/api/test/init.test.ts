/**
 * @module `frontdesk init` as an operator runs it: on an empty database, with the password on
 * standard input and `--json`, then signing in to a real `frontdesk serve`; without a password, a
 * set-up link; bad flags in plain words; and the demo owner of `seed --demo`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from './process-helpers.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with `stdin` as its standard input. */
function frontdesk(args: string[], dbUrl: string, stdin = '', env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args], {
      cwd: repoRoot,
      env: { ...process.env, FRONTDESK_DB_URL: dbUrl, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

async function signIn(url: string, email: string, password: string) {
  return fetch(`${url}/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url, 'X-Frontdesk-CSRF': '1' },
    body: JSON.stringify({ email, password }),
  });
}

describe('frontdesk init', () => {
  it('creates a business, keys and an owner who can sign in at once (--password-stdin --json)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'frontdesk-init-'));
    const dbUrl = pathToFileURL(join(dir, 'fd.db')).href;
    const args = ['init', '--name', 'Salão Lisboa', '--timezone', 'Europe/Lisbon', '--locale', 'pt-PT'];
    const made = await frontdesk(
      [...args, '--currency', 'EUR', '--owner-email', 'Dona@Salao.example', '--password-stdin', '--json'],
      dbUrl,
      'a long salon password\n',
      { FRONTDESK_PUBLIC_URL: 'https://book.salao.example' },
    );
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const result = JSON.parse(made.stdout);
    expect(Object.keys(result).sort()).toEqual([
      'businessId',
      'consoleUrl',
      'publishableKey',
      'secretKey',
      'slug',
    ]);
    expect(result).toMatchObject({
      slug: 'salao-lisboa',
      consoleUrl: 'https://book.salao.example/console/',
      publishableKey: expect.stringMatching(/^fd_pk_/),
      secretKey: expect.stringMatching(/^fd_sk_/),
    });

    // A second business on the same server; the same owner email is refused in plain words.
    const second = await frontdesk(
      [
        'init',
        '--name',
        'Bike Shop',
        '--timezone',
        'Atlantic/Madeira',
        '--owner-email',
        'bikes@shop.example',
        '--json',
      ],
      dbUrl,
    );
    expect(second.code).toBe(0);
    const bikes = JSON.parse(second.stdout);
    expect(bikes.setupUrl).toMatch(/^http:\/\/localhost:8787\/console\/setup#token=fd_inv_/);
    expect(bikes.businessId).not.toBe(result.businessId);
    const taken = await frontdesk([...args, '--owner-email', 'dona@salao.example', '--json'], dbUrl);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('--owner-email: Someone already signs in with this email');
    const badZone = await frontdesk(
      ['init', '--name', 'X', '--timezone', 'Mars/Base', '--owner-email', 'x@y.example'],
      dbUrl,
    );
    expect(badZone.code).toBe(2);
    expect(badZone.stderr).toContain('--timezone: Unknown IANA time zone');
    const weak = await frontdesk(
      ['init', '--name', 'X', '--timezone', 'UTC', '--owner-email', 'x@y.example', '--password-stdin'],
      dbUrl,
      'password123\n',
    );
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('--password-stdin: This password is too easy to guess');

    const server = await startServer(dbUrl);
    try {
      const res = await signIn(server.url, 'dona@salao.example', 'a long salon password');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ business: { id: result.businessId, name: 'Salão Lisboa' } });
      const business = await fetch(`${server.url}/v1/business`, {
        headers: { Authorization: `Bearer ${result.publishableKey}` },
      });
      expect(await business.json()).toMatchObject({
        slug: 'salao-lisboa',
        timezone: 'Europe/Lisbon',
        locale: 'pt-PT',
      });
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 240_000);

  it('seed --demo gives a demo owner who signs in with the printed password', async () => {
    dir = mkdtempSync(join(tmpdir(), 'frontdesk-init-'));
    const dbUrl = pathToFileURL(join(dir, 'fd.db')).href;
    const first = JSON.parse((await frontdesk(['seed', '--demo', '--json'], dbUrl)).stdout);
    const text = await frontdesk(['seed', '--demo'], dbUrl);
    expect(text.stdout).toMatch(/sign in as owner@demo\.frontdesk\.test with password demo-[A-Za-z0-9]{16}/);
    const password = /with password (demo-[A-Za-z0-9]{16})/.exec(text.stdout)![1]!;
    const server = await startServer(dbUrl);
    try {
      expect((await signIn(server.url, first.ownerEmail, first.ownerPassword)).status).toBe(401);
      expect((await signIn(server.url, 'owner@demo.frontdesk.test', password)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 240_000);
});
