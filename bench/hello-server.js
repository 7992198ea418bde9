/**
 * @module The baseline server for bench/http.bench.js: Hono on @hono/node-server with one route,
 * `GET /hello`. Prints its URL once it listens.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// hono and @hono/node-server are dependencies of the api package, not of the workspace root.
const apiRequire = createRequire(new URL('../packages/api/package.json', import.meta.url));
const load = (name) => import(pathToFileURL(apiRequire.resolve(name)).href);
const { Hono } = await load('hono');
const { serve } = await load('@hono/node-server');

const app = new Hono();
app.get('/hello', (c) => c.text('hello'));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`http://127.0.0.1:${info.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
