/**
 * @module The frontdesk CLI: seed, keys, backup, graceful shutdown.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from './process-helpers.js';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function frontdesk(args: string[], dbUrl: string, env: Record<string, string> = {}) {
  return run(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args], {
    cwd: repoRoot,
    env: { ...process.env, FRONTDESK_DB_URL: dbUrl, ...env },
  });
}

describe('frontdesk CLI', () => {
  it('compact-events runs the event log upkeep and says what it did; a bad retention is refused', async () => {
    dir = mkdtempSync(join(tmpdir(), 'frontdesk-cli-'));
    const dbUrl = pathToFileURL(join(dir, 'fd.db')).href;
    await frontdesk(['seed', '--demo', '--json'], dbUrl);
    // Everything was just written: nothing is old enough to prune or settled enough to compact.
    const { stdout } = await frontdesk(['compact-events'], dbUrl);
    expect(stdout).toBe(
      'Deleted 0 stock events older than 30 days\nCompacted 0 events (0 bytes of payload saved; the file keeps its size, the freed pages are reused: VACUUM shrinks it)\n',
    );
    const kept = await frontdesk(['compact-events'], dbUrl, { FRONTDESK_STOCK_EVENT_RETENTION_DAYS: '0' });
    expect(kept.stdout).toMatch(/^FRONTDESK_STOCK_EVENT_RETENTION_DAYS=0: stock events are kept for ever\n/);
    await expect(
      frontdesk(['compact-events'], dbUrl, { FRONTDESK_STOCK_EVENT_RETENTION_DAYS: 'a month' }),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('FRONTDESK_STOCK_EVENT_RETENTION_DAYS'),
    });
  }, 60_000);

  // Eight CLI runs and two servers, each starting tsx: 2-3 s of CPU apiece on Node 24, which CI
  // also runs this on (beside the main run), hence the long timeout.
  it('seed --demo is idempotent, keys create works, backup refuses to overwrite', async () => {
    dir = mkdtempSync(join(tmpdir(), 'frontdesk-cli-'));
    const dbUrl = pathToFileURL(join(dir, 'nested', 'fd.db')).href; // the directory is created
    await frontdesk(['migrate'], dbUrl);
    const first = JSON.parse((await frontdesk(['seed', '--demo', '--json'], dbUrl)).stdout);
    const second = JSON.parse((await frontdesk(['seed', '--demo', '--json'], dbUrl)).stdout);
    expect(Object.keys(first).sort()).toEqual([
      'businessId',
      'ownerEmail',
      'ownerPassword',
      'publishableKey',
      'secretKey',
    ]);
    expect(first.ownerEmail).toBe('owner@demo.frontdesk.test');
    expect(second.businessId).toBe(first.businessId);
    expect(second.publishableKey).toBe(first.publishableKey);
    expect(second.secretKey).not.toBe(first.secretKey);
    // The demo owner's password is new on every run (only its hash is kept).
    expect(second.ownerPassword).not.toBe(first.ownerPassword);

    const key = JSON.parse(
      (
        await frontdesk(
          [
            'keys',
            'create',
            '--business',
            first.businessId,
            '--kind',
            'publishable',
            '--origin',
            'https://a.example',
          ],
          dbUrl,
        )
      ).stdout,
    );
    expect(key.secret).toMatch(/^fd_pk_/);
    expect(key.allowedOrigins).toEqual(['https://a.example']);
    expect(key.rateLimitPerMinute).toBeNull();
    const keysCreate = (...flags: string[]) =>
      frontdesk(['keys', 'create', '--business', first.businessId, ...flags], dbUrl);
    const budgeted = JSON.parse((await keysCreate('--kind', 'secret', '--rate-limit', '120')).stdout);
    expect(budgeted.rateLimitPerMinute).toBe(120);
    for (const flags of [
      ['--kind', 'secret', '--rate-limit', '0'],
      ['--kind', 'secret', '--rate-limit', 'lots'],
      ['--kind', 'publishable', '--rate-limit', '5'],
    ]) {
      await expect(keysCreate(...flags), flags.join(' ')).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining('--rate-limit'),
      });
    }

    const server = await startServer(dbUrl);
    try {
      // Both secret keys work, and the catalog was not duplicated by the second seed.
      for (const sk of [first.secretKey, second.secretKey]) {
        const res = await fetch(`${server.url}/v1/services`, { headers: { Authorization: `Bearer ${sk}` } });
        expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(4);
      }
      // The key made with --rate-limit writes on its own budget.
      const write = await fetch(`${server.url}/v1/bookings`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${budgeted.secret}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(write.status).toBe(422);
      expect(write.headers.get('ratelimit-policy')).toBe('120;w=60');
      const target = join(dir, 'backup.db');
      await frontdesk(['backup', target], dbUrl);
      expect(existsSync(target)).toBe(true);
      await expect(frontdesk(['backup', target], dbUrl)).rejects.toMatchObject({ code: 2 });
      // The backup is a working database.
      const copy = await startServer(pathToFileURL(target).href);
      const res = await fetch(`${copy.url}/v1/business`, {
        headers: { Authorization: `Bearer ${first.publishableKey}` },
      });
      expect(res.status).toBe(200);
      copy.child.kill('SIGTERM');
      expect(await copy.exited).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await expect(
      frontdesk(['keys', 'create', '--business', 'biz_nope', '--kind', 'secret'], dbUrl),
    ).rejects.toMatchObject({
      code: 2,
    });
  }, 180_000);

  it('finishes a request in flight on SIGTERM, then exits 0', async () => {
    dir = mkdtempSync(join(tmpdir(), 'frontdesk-cli-'));
    const dbUrl = pathToFileURL(join(dir, 'fd.db')).href;
    await frontdesk(['migrate'], dbUrl);
    const seed = JSON.parse((await frontdesk(['seed', '--demo', '--json'], dbUrl)).stdout);
    const server = await startServer(dbUrl);
    // A slow upload keeps a request in flight while the signal arrives.
    const body = JSON.stringify({ name: 'Late resource' });
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent) return controller.close();
        await new Promise((r) => setTimeout(r, 400));
        controller.enqueue(new TextEncoder().encode(body));
        sent = true;
      },
    });
    const pending = fetch(`${server.url}/v1/resources`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${seed.secretKey}`, 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await new Promise((r) => setTimeout(r, 150));
    server.child.kill('SIGTERM');
    const res = await pending;
    expect(res.status).toBe(201);
    expect(await server.exited).toBe(0);
  }, 60_000);
});
