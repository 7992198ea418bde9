/**
 * @module What the event log's upkeep (retention of stream-only events, compaction of settled ones:
 * `frontdesk compact-events`, the worker's hourly step) does to a file's size, in one run: bytes per
 * table and per booking before, then the upkeep as of the file's "today", then `VACUUM` (so that the
 * pages it freed leave the file) and the same figures after.
 *
 *   node bench/scale/upkeep.js /tmp/scale-1m.db [--now ISO] [--days 30]
 *
 * It changes the file: run it on a copy to keep the original. Needs the built packages.
 */

import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatSize, sizeOf } from './size.js';

const dist = new URL('../../packages/api/dist/', import.meta.url);
const api = await import(new URL('index.js', dist).href);
const { pruneStreamOnlyEvents } = await import(new URL('services/event-retention.js', dist).href);
const { compactSettledEvents } = await import(new URL('services/event-compaction.js', dist).href);

const DAY = 86_400_000;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { now: { type: 'string' }, days: { type: 'string', default: '30' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: upkeep.js FILE [--now ISO] [--days 30]');
// generate.js writes history up to today at noon UTC (and 60 days of bookings ahead).
const now = values.now ? Date.parse(values.now) : Math.floor(Date.now() / DAY) * DAY + DAY / 2;

const before = await sizeOf(file);
console.log(`before:\n${formatSize(before)}\n`);
const database = await api.openDatabase(pathToFileURL(file).href);
let started = performance.now();
const pruned = await pruneStreamOnlyEvents(database, {
  now,
  retentionDays: Number(values.days),
  batch: 5000,
});
console.log(
  `retention (${values.days} days): ${pruned.deleted} events deleted in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
started = performance.now();
const compacted = await compactSettledEvents(database, { now, batch: 5000 });
const seconds = (performance.now() - started) / 1000;
console.log(
  `compaction: ${compacted.compacted} events in ${seconds.toFixed(1)} s (${Math.round(compacted.compacted / seconds)}/s), ${(compacted.savedBytes / 1_048_576).toFixed(1)} MiB of payload saved`,
);
started = performance.now();
await database.client.execute('VACUUM');
console.log(`VACUUM: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
await database.close();
const after = await sizeOf(file);
console.log(`after:\n${formatSize(after)}\n`);
console.log(
  `bytes per booking: ${Math.round(before.total / before.bookings)} -> ${Math.round(after.total / after.bookings)}; ` +
    `MiB per 100,000 bookings: ${(((before.total / before.bookings) * 100_000) / 1_048_576).toFixed(1)} -> ${(((after.total / after.bookings) * 100_000) / 1_048_576).toFixed(1)}`,
);
