/**
 * @module Booking widget cold start, PAIRED: another tree's build (A, e.g. main built in a side
 * directory) against this tree's (B), each its own built API on 127.0.0.1 serving its own built
 * widget to a host page on another port, alternating throttled cold runs (slow 4G: 150 ms, 1.6 Mbps
 * down, 750 Kbps up; CPU 4x) of the `/` page (`service` set → free days), as `widget.bench.js`
 * measures them. Prints each pair (time to free days, when the availability answer and the UI
 * chunk arrived, the CORS preflights Chromium sent) and B/A per pair.
 *
 *   node bench/widget-paired.bench.js <pairs> <tree A>          # both trees built
 *
 * CDP's network emulation does not delay CORS preflights (they answer in ~20 ms under 150 ms
 * latency), while on a real network each costs a round trip: `PREFLIGHT_RTT=150` puts a proxy in
 * front of each API that holds every OPTIONS that long. `PROXY_GZIP=1` makes the proxy gzip the
 * API's JSON answers (which the API sends uncompressed), to see what compression would change.
 */
import { createServer } from 'node:http';

import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test-support/chromium.js';
import { slowPhone, startDemoApi } from './widget-bench-kit.js';

const pairs = Number(process.argv[2] ?? 10);
const rootA = process.argv[3];
if (!rootA) throw new Error('Usage: node bench/widget-paired.bench.js <pairs> <tree A>');
const rootB = fileURLToPath(new URL('..', import.meta.url));

async function start(root, label) {
  const api = await startDemoApi(root);
  // PREFLIGHT_RTT / PROXY_GZIP: see the header.
  const rtt = Number(process.env.PREFLIGHT_RTT ?? 0);
  // PROXY_GZIP=1: the proxy also gzips the API's JSON answers (which the API sends uncompressed).
  const gzipJson = process.env.PROXY_GZIP === '1';
  let base = api.url;
  if (rtt > 0 || gzipJson) {
    const { createGzip } = await import('node:zlib');
    const { request } = await import('node:http');
    const target = new URL(api.url);
    const proxy = createServer((req, res) => {
      const forward = () => {
        const out = request(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          (answer) => {
            const json =
              /json/.test(answer.headers['content-type'] ?? '') && !answer.headers['content-encoding'];
            if (gzipJson && json && /gzip/.test(req.headers['accept-encoding'] ?? '')) {
              const headers = { ...answer.headers, 'content-encoding': 'gzip' };
              delete headers['content-length'];
              res.writeHead(answer.statusCode, headers);
              answer.pipe(createGzip()).pipe(res);
              return;
            }
            res.writeHead(answer.statusCode, answer.headers);
            answer.pipe(res);
          },
        );
        // A preflight has no body, and its stream has ended by the time it is forwarded.
        if (req.method === 'OPTIONS') out.end();
        else req.pipe(out);
      };
      if (req.method === 'OPTIONS') setTimeout(forward, rtt);
      else forward();
    });
    await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${proxy.address().port}`;
  }
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title>
<script src="${base}/widget.js" async></script></head><body><main><h1>Book</h1>
<frontdesk-booking api="${base}" key="${api.publishableKey}" service="${api.service}"></frontdesk-booking>
</main></body></html>`;
  const host = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page));
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  return {
    label,
    url: `http://127.0.0.1:${host.address().port}/`,
    async close() {
      host.close();
      await api.close();
    },
  };
}

const A = await start(rootA, 'A');
const B = await start(rootB, 'B');
const browser = await launchChromium();

async function once(side, throttled = true) {
  const context = await browser.newContext({ timezoneId: 'Europe/Lisbon' });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  let preflights = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.method === 'OPTIONS') preflights++;
  });
  if (throttled) await slowPhone(cdp);
  await tab.goto(side.url, { waitUntil: 'commit' });
  const shown = await tab.waitForFunction(
    () => {
      const root = document.querySelector('frontdesk-booking')?.shadowRoot;
      if (!root?.querySelector('button.day.free')) return false;
      const entries = performance.getEntriesByType('resource');
      const loader = entries.find((e) => e.name.endsWith('/widget.js'));
      const t0 = loader?.startTime ?? 0;
      const chunk = entries.find((e) => e.name.includes('/chunks/booking-mount.'));
      const avail = entries.find((e) => e.name.includes('/v1/availability'));
      return {
        ready: performance.now() - t0,
        chunkEnd: (chunk?.responseEnd ?? 0) - t0,
        availStart: (avail?.startTime ?? 0) - t0,
        availEnd: (avail?.responseEnd ?? 0) - t0,
      };
    },
    null,
    { polling: 'raf', timeout: 30_000 },
  );
  const result = await shown.jsonValue();
  await context.close();
  return { ...result, preflights };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
await once(A, false);
await once(B, false);
const runs = { A: [], B: [] };
for (let i = 0; i < pairs; i++) {
  const order = i % 2 ? [B, A] : [A, B];
  for (const side of order) runs[side.label].push(await once(side));
  const a = runs.A.at(-1),
    b = runs.B.at(-1);
  console.log(
    `pair ${i + 1}: A ${Math.round(a.ready)} ms (avail ${Math.round(a.availStart)}-${Math.round(a.availEnd)}, chunk ${Math.round(a.chunkEnd)}, ${a.preflights} OPTIONS)  ` +
      `B ${Math.round(b.ready)} ms (avail ${Math.round(b.availStart)}-${Math.round(b.availEnd)}, chunk ${Math.round(b.chunkEnd)}, ${b.preflights} OPTIONS)  B/A ${(b.ready / a.ready).toFixed(2)}`,
  );
}
for (const k of ['A', 'B']) {
  const r = runs[k];
  console.log(
    `${k}: median ${Math.round(median(r.map((x) => x.ready)))} ms (min ${Math.round(Math.min(...r.map((x) => x.ready)))}, max ${Math.round(Math.max(...r.map((x) => x.ready)))}); ` +
      `availability answered at ${Math.round(median(r.map((x) => x.availEnd)))} ms, UI chunk at ${Math.round(median(r.map((x) => x.chunkEnd)))} ms (medians)`,
  );
}
const ratios = runs.B.map((b, i) => b.ready / runs.A[i].ready);
console.log(
  `B/A per pair: median ${median(ratios).toFixed(2)}; B faster in ${ratios.filter((r) => r < 1).length} of ${ratios.length}`,
);
await browser.close();
process.exit(0); // the servers' keep-alive connections from the proxy would hold the process open
