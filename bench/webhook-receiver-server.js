/**
 * @module The receiving end of bench/webhooks.bench.js, in its own process: node:http on
 * 127.0.0.1 answering every POST with 204 at once and counting them (and distinct `webhook-id`s);
 * `GET /stats` answers the counts, `POST /reset` clears them. Prints its URL once it listens.
 */
import { createServer } from 'node:http';

let count = 0;
const ids = new Set();
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ count, distinct: ids.size }));
    return;
  }
  if (req.url === '/reset') {
    count = 0;
    ids.clear();
    res.writeHead(204).end();
    return;
  }
  req.resume();
  req.on('end', () => {
    count++;
    const id = req.headers['webhook-id'];
    if (typeof id === 'string') ids.add(id);
    res.writeHead(204).end();
  });
});
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
