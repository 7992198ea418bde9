/**
 * @module What a database file spends its bytes on: pages per table with its indexes (SQLite's
 * `dbstat` virtual table, which libSQL has), as MiB, bytes per booking and MiB per 100,000
 * bookings. `node bench/scale/size.js FILE [FILE…]` prints one table per file; `sizeOf(url)` answers
 * the same figures to other benches.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const apiRequire = createRequire(new URL('../../packages/api/package.json', import.meta.url));
const { createClient } = await import(pathToFileURL(apiRequire.resolve('@libsql/client')).href);

/** `{ file, bookings, total, tables: [{ table, bytes, rows }] }`, largest table first. */
export async function sizeOf(file) {
  const client = createClient({ url: pathToFileURL(file).href });
  try {
    const pages = (
      await client.execute(`SELECT coalesce(m.tbl_name, d.name) AS owner, sum(d.pgsize) AS bytes
        FROM dbstat d LEFT JOIN sqlite_master m ON m.name = d.name GROUP BY owner ORDER BY bytes DESC`)
    ).rows;
    const bookings = Number((await client.execute('SELECT count(*) AS n FROM bookings')).rows[0].n);
    const tables = [];
    for (const row of pages) {
      const table = String(row.owner);
      let rows = null;
      if (!table.startsWith('sqlite_')) {
        rows = Number((await client.execute(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
      }
      tables.push({ table, bytes: Number(row.bytes), rows });
    }
    const total = tables.reduce((sum, t) => sum + t.bytes, 0);
    return { file, fileBytes: statSync(file).size, bookings, total, tables };
  } finally {
    client.close();
  }
}

const mib = (bytes) => (bytes / 1_048_576).toFixed(1);

/** The figures as a Markdown table (tables of at least 0.1 % of the file, the rest summed). */
export function formatSize({ file, fileBytes, bookings, total, tables }) {
  const lines = [
    `${file}: ${mib(fileBytes)} MiB on disk, ${mib(total)} MiB in pages, ${bookings} bookings → ` +
      `${Math.round(total / bookings)} bytes per booking, ${mib((total / bookings) * 100_000)} MiB per 100,000 bookings`,
    '',
    '| table (with its indexes) | rows | MiB | share | bytes per booking |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  let rest = 0;
  for (const t of tables) {
    if (t.bytes < total / 1000) {
      rest += t.bytes;
      continue;
    }
    lines.push(
      `| ${t.table} | ${t.rows ?? ''} | ${mib(t.bytes)} | ${((t.bytes / total) * 100).toFixed(1)} % | ${Math.round(t.bytes / bookings)} |`,
    );
  }
  if (rest)
    lines.push(
      `| (the others) | | ${mib(rest)} | ${((rest / total) * 100).toFixed(1)} % | ${Math.round(rest / bookings)} |`,
    );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of process.argv.slice(2)) console.log(`${formatSize(await sizeOf(file))}\n`);
}
