/**
 * @module Booking widget, cold start on a slow phone: time from the script tag starting to load to
 * free days showing in the calendar (an element with `service`), and to the list of services (one
 * without), under Lighthouse's slow-4G profile (150 ms RTT, 1.6 Mbps down, 750 Kbps up, CPU slowed
 * 4×), cold cache each run, against the BUILT API and widget on 127.0.0.1 with the page on another
 * origin (as on a real site). Aim: ≤ 1.0 s median.
 *
 *   pnpm build && node bench/widget.bench.js [runs]
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test-support/chromium.js';
import { slowPhone, startDemoApi } from './widget-bench-kit.js';

const runs = Number(process.argv[2] ?? 7);

// The built API on a fresh file with the demo seeded; it serves the built widget from
// packages/widget/dist (its default when @frontdesk/widget is not installed beside it).
const api = await startDemoApi(fileURLToPath(new URL('..', import.meta.url)));
const service = api.service;

/** The host page: with `service`, the calendar comes first; without, the list of services. */
const pageFor = (attrs) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title>
<script src="${api.url}/widget.js" async></script></head><body><main><h1>Book</h1>
<frontdesk-booking api="${api.url}" key="${api.publishableKey}"${attrs}></frontdesk-booking>
</main></body></html>`;
const pages = { '/': pageFor(` service="${service}"`), '/list': pageFor('') };
const host = createServer((req, res) => {
  res.writeHead(pages[req.url] ? 200 : 404, { 'Content-Type': 'text/html' }).end(pages[req.url] ?? '');
});
await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
const hostUrl = `http://127.0.0.1:${host.address().port}/`;

const browser = await launchChromium();

/**
 * One cold load; returns ms from the loader's request start (and from navigation) until the visitor
 * can act: free days in the calendar (`/`), or the services to pick from (`/list`).
 */
async function once(throttled, path = '/') {
  const context = await browser.newContext({ timezoneId: 'Europe/Lisbon' });
  const tab = await context.newPage();
  if (throttled) {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await slowPhone(cdp);
  }
  await tab.goto(new URL(path, hostUrl).href, { waitUntil: 'commit' });
  const shown = await tab.waitForFunction(
    (ready) => {
      const root = document.querySelector('frontdesk-booking')?.shadowRoot;
      if (!root?.querySelector(ready)) return false;
      const loader = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/widget.js'));
      return { fromScript: performance.now() - (loader?.startTime ?? 0), fromNavigation: performance.now() };
    },
    path === '/' ? 'button.day.free' : 'ul.list button',
    { polling: 'raf', timeout: 30_000 },
  );
  const result = await shown.jsonValue();
  const bytes = await tab.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.js'))
      .reduce((sum, e) => sum + e.transferSize, 0),
  );
  await context.close();
  return { ...result, bytes };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s.at(-1) };
};
const fmt = (ms) => `${Math.round(ms)} ms`;

await once(false); // warm the server (not the browser: every run has a fresh context and cache)
await once(false, '/list');
for (const [path, what] of [
  ['/', 'free days'],
  ['/list', 'the services'],
]) {
  for (const throttled of [true, false]) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await once(throttled, path));
    const script = stats(results.map((r) => r.fromScript));
    const nav = stats(results.map((r) => r.fromNavigation));
    console.log(
      `${throttled ? 'slow 4G + 4x CPU' : 'unthrottled     '}  script start → ${what}: median ${fmt(script.median)} ` +
        `(min ${fmt(script.min)}, max ${fmt(script.max)}); from navigation: median ${fmt(nav.median)}; ` +
        `JS transferred ${(results[0].bytes / 1024).toFixed(1)} KB; ${runs} cold runs`,
    );
  }
}

await browser.close();
host.close();
await api.close();
