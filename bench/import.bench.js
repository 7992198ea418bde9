/**
 * @module A catalogue import (`POST /v1/stock/imports`, `frontdesk import`): milliseconds per CSV row
 * of a products file, in process (`importCsv` on a real libSQL file, as the route and the CLI call
 * it), for a file of new SKUs and the same file again (every row then updates a product), then a
 * stock count of those SKUs at one location (every row a POS adjustment: ledger, level, event). Given
 * several checkouts (each built), it alternates between them in one process, so an old and a new
 * build see the same machine load: `node bench/import.bench.js [checkout…]` (default: this one).
 * `BENCH_ROWS` (default 5,000) rows per file, `BENCH_ROUNDS` (default 3) files per checkout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const checkouts = process.argv.slice(2);
if (checkouts.length === 0) checkouts.push(fileURLToPath(new URL('..', import.meta.url)));
const rows = Number(process.env.BENCH_ROWS ?? 5000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const setups = [];
for (const checkout of checkouts) {
  const dist = join(resolve(checkout), 'packages/api/dist');
  const api = await import(pathToFileURL(join(dist, 'index.js')).href);
  const { importCsv } = await import(pathToFileURL(join(dist, 'import/run.js')).href);
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-import-'));
  const database = await api.openDatabase(pathToFileURL(join(dir, 'bench.db')).href);
  await api.migrate(database);
  const seed = await api.seedDemo(database);
  const app = api.createApp({ database, rateLimit: false, secretRateLimit: false, logger: quiet });
  const shop = await app.request('/v1/locations', {
    method: 'POST',
    headers: { Authorization: `Bearer ${seed.secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 'bench-shop', name: 'Bench shop' }),
  });
  if (shop.status !== 201) throw new Error(`${checkout}: location ${shop.status}`);
  const businessId = String((await database.client.execute('SELECT id FROM businesses LIMIT 1')).rows[0].id);
  setups.push({ checkout, importCsv, database, businessId, dir, created: [], updated: [], counted: [] });
}

/** A products file of `rows` SKUs of round `round` (prices and names as a shop's export has them). */
const fileOf = (round) => {
  let csv = 'sku,name,price,low_stock_threshold\n';
  for (let i = 0; i < rows; i++) csv += `R${round}-${i},Product ${i} of the shelf,${(i % 97) + 1}.50,3\n`;
  return csv;
};

/** A stock count of round `round`'s SKUs at the bench's shop. */
const countOf = (round) => {
  let csv = 'sku,location,quantity\n';
  for (let i = 0; i < rows; i++) csv += `R${round}-${i},bench-shop,${(i % 40) + 1}\n`;
  return csv;
};

/** CPU and wall milliseconds per row of one import; throws unless every row was imported. */
async function timeImport(setup, csv, kind = 'products') {
  const cpu = cpuNow();
  const wall = performance.now();
  const report = await setup.importCsv(setup.database, csv, { businessId: setup.businessId, kind });
  const perRow = { cpu: (cpuNow() - cpu) / 1000 / rows, wall: (performance.now() - wall) / rows };
  if (report.imported !== rows) throw new Error(`${setup.checkout}: imported ${report.imported} of ${rows}`);
  return perRow;
}

console.log(`a products CSV of ${rows} rows, ${rounds} rounds, checkouts alternating`);
for (let round = 0; round < rounds; round++) {
  const csv = fileOf(round);
  for (const setup of setups) {
    setup.created.push(await timeImport(setup, csv));
    setup.updated.push(await timeImport(setup, csv));
    setup.counted.push(await timeImport(setup, countOf(round), 'stock'));
  }
}
const fmt = (list, key) => `${median(list.map((x) => x[key])).toFixed(3)} ms`;
for (const setup of setups) {
  console.log(
    `${setup.checkout}: new SKUs ${fmt(setup.created, 'cpu')} CPU/row (wall ${fmt(setup.created, 'wall')}), ` +
      `the same file again ${fmt(setup.updated, 'cpu')} CPU/row (wall ${fmt(setup.updated, 'wall')}), ` +
      `stock counts ${fmt(setup.counted, 'cpu')} CPU/row (wall ${fmt(setup.counted, 'wall')}); medians of ${rounds}`,
  );
  await setup.database.close();
  rmSync(setup.dir, { recursive: true, force: true });
}
