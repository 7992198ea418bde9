/**
 * @module Real server processes: two on one file, kill -9 durability, caches across processes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/open.js';
import { createBooking } from '../src/services/bookings.js';
import { getService } from '../src/services/catalog.js';
import { revokeKey } from '../src/services/keys.js';
import { updateResource } from '../src/services/resources.js';
import {
  book,
  removeSeededFiles,
  type ServerProcess,
  seedFile,
  startServer,
  tomorrowAt,
} from './process-helpers.js';

const running: ServerProcess[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await server.exited;
  }
  removeSeededFiles();
});

async function start(dbUrl: string) {
  const server = await startServer(dbUrl);
  running.push(server);
  return server;
}

describe('two API processes on one database file', () => {
  it.each([
    [1, 'serviceId'],
    [3, 'classId'],
  ] as const)(
    '50 concurrent bookings split over both processes: exactly %i × 201',
    async (capacity, which) => {
      const seed = await seedFile(3);
      const [a, b] = await Promise.all([start(seed.dbUrl), start(seed.dbUrl)]);
      const start_ = tomorrowAt(10);
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          book(i % 2 ? a!.url : b!.url, seed.publishableKey, seed[which], start_),
        ),
      );
      const statuses = answers.map((x) => x.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(capacity);
      expect(statuses.filter((s) => s === 409)).toHaveLength(50 - capacity);
      expect(answers.filter((x) => x.status === 409).every((x) => x.body.code === 'slot_unavailable')).toBe(
        true,
      );
      const list = await fetch(`${a!.url}/v1/bookings?service=${seed[which]}`, {
        headers: { Authorization: `Bearer ${seed.secretKey}` },
      });
      expect(((await list.json()) as { data: unknown[] }).data).toHaveLength(capacity);
    },
    60_000,
  );
});

describe('durability', () => {
  it('every booking answered 201 survives kill -9 of the server at a random moment', async () => {
    const seed = await seedFile(1000);
    const confirmed: string[] = [];
    for (let round = 0; round < 3; round++) {
      const server = await start(seed.dbUrl);
      let stop = false;
      const clients = Array.from({ length: 8 }, async () => {
        while (!stop) {
          try {
            const answer = await book(server.url, seed.publishableKey, seed.classId, tomorrowAt(12));
            if (answer.status === 201 && answer.body.id) confirmed.push(answer.body.id);
            else if (answer.status >= 500) throw new Error(`server error ${answer.status}`);
          } catch (error) {
            if (error instanceof Error && error.message.startsWith('server error')) throw error;
            return; // connection refused or reset: the process is gone
          }
        }
      });
      // The random moment is counted from the first answered booking of the round, not from start:
      // on a loaded machine a fresh process can take longer than the whole window to warm up.
      const before = confirmed.length;
      const warm = Date.now() + 20_000;
      while (confirmed.length === before && Date.now() < warm) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 600));
      server.child.kill('SIGKILL');
      stop = true;
      await Promise.all(clients);
      await server.exited;
    }
    expect(confirmed.length).toBeGreaterThan(10);
    const after = await start(seed.dbUrl);
    const missing: string[] = [];
    for (const id of confirmed) {
      const res = await fetch(`${after.url}/v1/bookings/${id}`, {
        headers: { Authorization: `Bearer ${seed.secretKey}` },
      });
      if (res.status !== 200) missing.push(id);
    }
    expect(missing).toEqual([]);
  }, 90_000);
});

describe('caches across processes', () => {
  it('a change written by another process shows in availability at once', async () => {
    const seed = await seedFile(3);
    const server = await start(seed.dbUrl);
    const date = tomorrowAt(0).slice(0, 10);
    const slots = async () => {
      const res = await fetch(
        `${server.url}/v1/availability?service=${seed.serviceId}&from=${date}&to=${date}`,
        {
          headers: { Authorization: `Bearer ${seed.publishableKey}` },
        },
      );
      return ((await res.json()) as { slots: { start: string }[] }).slots.map((s) => s.start);
    };
    expect(await slots()).toContain(tomorrowAt(10));
    // Another writer (this test process) books 10:00 and narrows the hours: the server's schedule
    // cache and its 2-second answer cache must both notice on the very next request.
    const other = await openDatabase(seed.dbUrl);
    const now = Date.now();
    const businessId = (await other.client.execute('SELECT id FROM businesses')).rows[0]!.id as string;
    await other.write((tx) =>
      createBooking(
        tx,
        businessId,
        {
          service: seed.serviceId,
          start: tomorrowAt(10),
          customer: { name: 'Other', email: 'o@example.com' },
          answers: {},
          notes: '',
        },
        now,
        false,
        { warn: () => undefined },
      ),
    );
    expect(await slots()).not.toContain(tomorrowAt(10));
    const { wire } = await getService(other.db, businessId, seed.serviceId);
    const day = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date(tomorrowAt(0)).getUTCDay()]!;
    await other.write((tx) =>
      updateResource(
        tx,
        businessId,
        wire.resourceIds[0]!,
        { hours: { [day]: [{ start: '14:00', end: '15:00' }] } },
        now,
      ),
    );
    await other.close();
    expect(await slots()).toEqual([tomorrowAt(14), `${date}T14:30:00Z`]);
  }, 60_000);

  it('a key revoked by another process is refused by the next request', async () => {
    const seed = await seedFile(3);
    const server = await start(seed.dbUrl);
    const date = tomorrowAt(0).slice(0, 10);
    const ask = () =>
      fetch(`${server.url}/v1/availability?service=${seed.serviceId}&from=${date}&to=${date}`, {
        headers: { Authorization: `Bearer ${seed.publishableKey}` },
      });
    // Asked twice: the server now knows the key (its key cache is warm).
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    const other = await openDatabase(seed.dbUrl);
    const [key] = (
      await other.client.execute("SELECT id, business_id FROM api_keys WHERE kind = 'publishable'")
    ).rows;
    await other.write((tx) => revokeKey(tx, key!.business_id as string, key!.id as string, Date.now()));
    await other.close();
    const refused = await ask();
    expect(refused.status).toBe(401);
  }, 60_000);
});
