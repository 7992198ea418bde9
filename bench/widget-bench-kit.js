/**
 * @module What the widget benches share: the built API of a tree on a fresh demo file, and the slow
 * phone — Lighthouse's slow-4G profile through CDP (150 ms latency, 1.6 Mbps down, 750 Kbps up), CPU
 * slowed 4×, browser cache off. (CDP's emulated latency is not applied to CORS preflights: see
 * widget-paired.bench.js.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Serves the BUILT API of the tree at `root` (its packages/api/dist) on 127.0.0.1, on a fresh file
 * with the demo seeded; it serves that tree's built widget. Returns the server (`url`, `close()`,
 * which also deletes the file), the demo's publishable key and its first service's id.
 */
export async function startDemoApi(root) {
  const { migrate, openDatabase, seedDemo, serve } = await import(
    pathToFileURL(join(root, 'packages/api/dist/index.js')).href
  );
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-widget-bench-'));
  const dbUrl = pathToFileURL(join(dir, 'bench.db')).href;
  const setup = await openDatabase(dbUrl);
  await migrate(setup);
  const seed = await seedDemo(setup);
  await setup.close();
  const quiet = { info() {}, warn() {}, error: (m, f) => console.error(m, f) };
  const api = await serve({ url: dbUrl, port: 0, host: '127.0.0.1', rateLimit: false, logger: quiet });
  const services = await fetch(`${api.url}/v1/services`, {
    headers: { Authorization: `Bearer ${seed.publishableKey}` },
  }).then((r) => r.json());
  return {
    url: api.url,
    publishableKey: seed.publishableKey,
    service: services.data[0].id,
    async close() {
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Applies the profile to the tab of a CDP session that has `Network.enable`d. */
export async function slowPhone(cdp) {
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}
