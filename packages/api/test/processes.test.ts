import { afterEach, describe, expect, it } from 'vitest';
import { book, type ServerProcess, seedFile, startServer, tomorrowAt } from './process-helpers.js';

const running: ServerProcess[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await server.exited;
  }
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
