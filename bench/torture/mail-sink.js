/**
 * @module The SMTP server R2's servers send to: the `smtp-server` package on 127.0.0.1 (a random
 * port), accepting every message and counting each Message-ID it receives. After a run,
 * `awaitMail` holds that against the file's `messages` table: every acknowledged booking has its
 * first message planned (`booking_received` or `booking_confirmed`), every message the servers
 * planned to send (any kind: confirmations, changes, cancellations, reservations, owner notices)
 * arrived, and a Message-ID that arrived twice is a duplicate (a process killed between sending
 * and recording the send sends again after the restart: at-least-once, as for webhooks).
 */
import { createRequire } from 'node:module';
import { api } from './cluster.js';

const apiRequire = createRequire(new URL('../../packages/api/package.json', import.meta.url));
const { SMTPServer } = apiRequire('smtp-server');
const { simpleParser } = apiRequire('mailparser');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startMailSink() {
  /** Message-ID → times received. */
  const received = new Map();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            received.set(parsed.messageId, (received.get(parsed.messageId) ?? 0) + 1);
            callback();
          },
          (error) => callback(error),
        );
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  // A server killed mid-conversation resets its connection: expected here, not a failure of the run.
  server.on('error', () => {});
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * The messages planned in the file and due by `now` (reminders and "your reservation expires"
 * notes are planned for later): { messageId, bookingId, kind, status }.
 */
async function plannedMessages(dbUrl, now) {
  const database = await api.openDatabase(dbUrl);
  try {
    const { rows } = await database.client.execute({
      sql: 'SELECT message_id, booking_id, kind, status FROM messages WHERE due_at <= ?',
      args: [now],
    });
    return rows.map((r) => ({
      messageId: r.message_id,
      bookingId: r.booking_id,
      kind: r.kind,
      status: r.status,
    }));
  } finally {
    await database.close();
  }
}

/**
 * Waits until every message due by the end of the run has arrived, or until none has arrived for
 * 60 s (a killed process's claim on a message runs out after 30 s; a backlog still going out is
 * not lost), at most 15 minutes; answers what is missing, the duplicates, and the acknowledged
 * bookings (`bookingIds`) with no first message planned at all.
 */
export async function awaitMail(sink, dbUrl, bookingIds) {
  const started = performance.now();
  const now = Date.now();
  let planned = await plannedMessages(dbUrl, now);
  const waiting = () => planned.filter((m) => m.status !== 'skipped' && !sink.received.has(m.messageId));
  let lastCount = sink.received.size;
  let lastProgress = performance.now();
  while (
    waiting().length > 0 &&
    performance.now() - lastProgress < 60_000 &&
    performance.now() - started < 900_000
  ) {
    await sleep(1000);
    planned = await plannedMessages(dbUrl, now);
    if (sink.received.size !== lastCount) {
      lastCount = sink.received.size;
      lastProgress = performance.now();
    }
  }
  const first = new Set(
    planned
      .filter((m) => m.kind === 'booking_received' || m.kind === 'booking_confirmed')
      .map((m) => m.bookingId),
  );
  let duplicates = 0;
  for (const n of sink.received.values()) duplicates += n - 1;
  return {
    planned: planned.length,
    received: sink.received.size,
    missing: waiting().map((m) => `${m.kind} ${m.messageId} (${m.status})`),
    unplanned: bookingIds.filter((id) => !first.has(id)),
    duplicates,
    drainSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
}
