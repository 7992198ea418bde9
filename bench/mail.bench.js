/**
 * @module Bookings per second with mail on: `POST /v1/bookings` (50 clients) against `frontdesk
 * serve` without SMTP (every message still rendered and stored, as `not_sent`) and with SMTP (the
 * same, plus the worker sending each confirmation to an SMTP server), in the same run, alternating
 * (without, with, without, with) on fresh databases. The SMTP server (smtp-server, accepting every
 * message) runs in its own process on 127.0.0.1, like the API. Needs the built packages.
 *
 *   npx -y pnpm@10.34.8 --filter @frontdesk/core --filter @frontdesk/api build
 *   node bench/mail.bench.js            # BENCH_SECONDS=10 per phase by default
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { startApi } from './api-server.js';
import { sizeOf } from './scale/size.js';

const here = fileURLToPath(import.meta.url);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const apiRequire = createRequire(new URL('../packages/api/package.json', import.meta.url));

/** Child mode: an SMTP server that accepts and counts every message; prints its URL, then counts. */
async function smtpChild() {
  const { SMTPServer } = await import(pathToFileURL(apiRequire.resolve('smtp-server')).href);
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    // No reverse DNS of 127.0.0.1 before each greeting (without a resolver it stalls connections).
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        count++;
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1', () => console.log(`smtp://127.0.0.1:${server.server.address().port}`));
  process.on('message', () => process.send?.(count));
}

function startSmtp() {
  const child = spawn(process.execPath, [here, '--child'], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) =>
      resolve({
        url: chunk.toString().trim(),
        count: () =>
          new Promise((done) => {
            child.once('message', done);
            child.send('count');
          }),
        close: () => child.kill(),
      }),
    );
    child.once('exit', (code) => reject(new Error(`smtp server exited with ${code}`)));
  });
}

/** One phase: a fresh API (with `env`), a class of 1000 seats, 50 clients booking for `seconds`. */
async function bookingsPerSecond(env) {
  const server = await startApi({ env });
  const headers = { Authorization: `Bearer ${server.seed.secretKey}`, 'Content-Type': 'application/json' };
  const resource = await fetch(`${server.url}/v1/resources`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      name: 'Bench hall',
      hours: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '24:00' }]]),
      ),
    }),
  }).then((r) => r.json());
  const service = await fetch(`${server.url}/v1/services`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      name: 'Bench class',
      durationMinutes: 30,
      capacity: 1000,
      minNoticeMinutes: 0,
      resourceIds: [resource.id],
    }),
  }).then((r) => r.json());
  const base = Math.ceil(Date.now() / 1_800_000) * 1_800_000 + 2 * 86_400_000;
  const starts = Array.from({ length: 48 * 20 }, (_, i) =>
    new Date(base + i * 1_800_000).toISOString().replace('.000Z', 'Z'),
  );
  let n = 0;
  let created = 0;
  const result = await autocannon({
    url: `${server.url}/v1/bookings`,
    connections: 50,
    duration: seconds,
    headers: { Authorization: `Bearer ${server.seed.publishableKey}`, 'Content-Type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({
            service: service.id,
            start: starts[n++ % starts.length],
            customer: { name: 'Conceição Gonçalves', email: `c${n}@example.com` },
          }),
        }),
        onResponse: (status) => {
          if (status === 201) created++;
        },
      },
    ],
  });
  const count = async (status) => {
    let cursor = '';
    let total = 0;
    do {
      const page = await fetch(
        `${server.url}/v1/messages?status=${status}&kind=booking_confirmed&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        { headers },
      ).then((r) => r.json());
      total += page.data.length;
      cursor = page.nextCursor ?? '';
    } while (cursor);
    return total;
  };
  // How far mail kept up: confirmations by status when the load stopped, then (with SMTP) how long
  // the worker took to send the rest once the bookings stopped (at most 30 s is waited).
  const byStatus = {};
  for (const status of ['sent', 'queued', 'not_sent']) byStatus[status] = await count(status);
  const stopped = Date.now();
  let caughtUp = null;
  if (env.FRONTDESK_SMTP_URL) {
    while (Date.now() - stopped < 30_000) {
      if ((await count('queued')) === 0) {
        caughtUp = (Date.now() - stopped) / 1000;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  // What the mail of these bookings keeps on disk (the messages and outbox tables with their
  // indexes, from dbstat), per booking, next to the bookings and events themselves.
  const size = await sizeOf(fileURLToPath(server.dbUrl));
  const bytesOf = (...names) =>
    size.tables.filter((t) => names.includes(t.table)).reduce((sum, t) => sum + t.bytes, 0) / size.bookings;
  const perBooking = {
    mail: bytesOf('messages', 'outbox_jobs', 'outbox_attempts', 'booking_link_tokens'),
    bookingAndEvents: bytesOf('bookings', 'event_rows', 'event_names'),
  };
  await server.close();
  return {
    perSecond: created / seconds,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    byStatus,
    caughtUp,
    perBooking,
  };
}

async function main() {
  const smtp = await startSmtp();
  const mailEnv = { FRONTDESK_SMTP_URL: smtp.url, FRONTDESK_MAIL_FROM: 'Bench <bookings@bench.example>' };
  const runs = [];
  try {
    for (const withSmtp of [false, true, false, true]) {
      runs.push({ withSmtp, ...(await bookingsPerSecond(withSmtp ? mailEnv : {})) });
    }
    runs.at(-1).received = await smtp.count();
  } finally {
    smtp.close();
  }
  console.log(`Bookings with mail — Node ${process.version}, ${seconds} s per phase, 50 clients, 127.0.0.1`);
  console.log(
    '| phase | bookings/s | p99 | non-2xx | confirmations at the end: sent / queued / not_sent | rest sent within | bytes per booking: mail / booking and events |',
  );
  console.log('| --- | ---: | ---: | ---: | --- | ---: | ---: |');
  for (const r of runs) {
    const s = r.byStatus;
    const rest = r.withSmtp ? (r.caughtUp === null ? '> 30 s' : `${r.caughtUp.toFixed(1)} s`) : '—';
    console.log(
      `| ${r.withSmtp ? 'SMTP configured' : 'no SMTP'} | ${r.perSecond.toFixed(1)} | ${r.p99} ms | ${r.non2xx} | ${s.sent} / ${s.queued} / ${s.not_sent} | ${rest} | ${Math.round(r.perBooking.mail)} / ${Math.round(r.perBooking.bookingAndEvents)} |`,
    );
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const without = mean(runs.filter((r) => !r.withSmtp).map((r) => r.perSecond));
  const withMail = mean(runs.filter((r) => r.withSmtp).map((r) => r.perSecond));
  console.log(
    `SMTP configured / no SMTP: ${((100 * withMail) / without).toFixed(1)} % (means of two phases each)`,
  );
  console.log(`messages the SMTP server accepted over all phases: ${runs.at(-1).received ?? '?'}`);
}

if (process.argv[2] === '--child') await smtpChild();
else await main();
