/**
 * @module `/console`: the built console's page for every path below it (deep links survive a
 * reload) under a strict CSP, its hashed assets cached for good, nothing outside its directory.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { seedDemo } from '../src/services/demo.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
let dir: string;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await createTestApp({ catalog: false });
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" src="/console/assets/index.abc123.js"></script>',
  );
  writeFileSync(join(dir, 'assets', 'index.abc123.js'), 'console.log("console");');
  writeFileSync(join(dir, 'assets', 'index.abc123.css'), 'body{margin:0}');
  writeFileSync(join(dir, 'secret.txt'), 'not to be served');
  app = createApp({
    database: t.db,
    clock: t.clock,
    rateLimit: false,
    consoleDir: dir,
    logger: { info() {}, warn() {}, error() {} },
  });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe('/console', () => {
  it('answers index.html for /console and any path below it, under a strict CSP', async () => {
    for (const path of ['/console', '/console/', '/console/bookings/bkg_123', '/console/setup']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('/console/assets/index.abc123.js');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year, compressed, and nothing else from the directory', async () => {
    const js = await app.request('/console/assets/index.abc123.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('content-encoding')).toBe('gzip');
    const css = await app.request('/console/assets/index.abc123.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const again = await app.request('/console/assets/index.abc123.js', {
      headers: { 'If-None-Match': js.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    for (const path of [
      '/console/assets/missing.js',
      '/console/assets/secret.txt',
      '/console/assets/%2e%2e%2fsecret.txt',
    ]) {
      expect((await app.request(path)).status, path).toBe(404);
    }
  });

  it('is a 404 problem when the console is not built', async () => {
    const bare = createApp({
      database: t.db,
      consoleDir: join(dir, 'nowhere'),
      logger: { info() {}, warn() {}, error() {} },
    });
    const res = await bare.request('/console/agenda');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      code: 'not_found',
      detail: 'The console is not built on this server',
    });
  });
});

describe('GET / (the start page)', () => {
  const appWith = (consoleDir: string) =>
    createApp({ database: t.db, consoleDir, logger: { info() {}, warn() {}, error() {} } });

  it('sends a person to the console when it is built', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/console');
  });

  it('sends them to the API reference without a console or a demo business, then to /demo once seeded', async () => {
    const bare = appWith(join(dir, 'nowhere'));
    expect((await bare.request('/')).headers.get('location')).toBe('/docs');
    await seedDemo(t.db);
    const res = await bare.request('/');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/demo');
    expect((await bare.request('/demo')).status).toBe(200);
  }, 60_000);
});
