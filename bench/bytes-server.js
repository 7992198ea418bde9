/**
 * @module The same-bytes baseline for bench/http.bench.js: Hono on @hono/node-server with one route,
 * `GET /bytes`, answering the file named by `BENCH_BYTES_FILE` (the exact JSON the API answered) as
 * a string with the headers in `BENCH_BYTES_HEADERS` (the API's own: content type, ETag, …) and a
 * request-id header of the API's length, so that both servers put the same bytes on the wire and
 * the ratio measures the API's own work. Prints its URL once it listens.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// hono and @hono/node-server are dependencies of the api package, not of the workspace root.
const apiRequire = createRequire(new URL('../packages/api/package.json', import.meta.url));
const load = (name) => import(pathToFileURL(apiRequire.resolve(name)).href);
const { Hono } = await load('hono');
const { serve } = await load('@hono/node-server');

const body = readFileSync(process.env.BENCH_BYTES_FILE, 'utf8');
const headers = {
  ...JSON.parse(process.env.BENCH_BYTES_HEADERS ?? '{"content-type":"application/json"}'),
  'x-request-id': 'req_0000000000000000',
};
const app = new Hono();
app.get('/bytes', (c) => c.body(body, 200, headers));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`http://127.0.0.1:${info.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
