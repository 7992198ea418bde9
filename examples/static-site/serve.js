/**
 * @module A tiny static server for the example page: `node serve.js` (PORT, default 3000; 0 picks
 * a free one). It sends the same strict Content-Security-Policy a careful site would, allowing
 * scripts and calls only to the Frontdesk API — the widget needs nothing more.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { renderPage } from './render.js';

const api = new URL(process.env.FRONTDESK_API_URL || 'http://localhost:8787').origin;
const css = readFileSync(new URL('./site.css', import.meta.url));

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/' || path === '/index.html') {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'self'; script-src ${api}; connect-src ${api}; style-src 'self'`,
    });
    res.end(renderPage());
  } else if (path === '/site.css') {
    res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8' });
    res.end(css);
  } else {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found');
  }
});

server.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`Static site on http://127.0.0.1:${port}/ (widget from ${api})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
