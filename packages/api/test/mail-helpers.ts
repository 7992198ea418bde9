/**
 * @module Mail test kit: a REAL SMTP server (the `smtp-server` package on 127.0.0.1, random port)
 * that records every message, parsed with `mailparser`, and answers as the test scripts it (451,
 * 550, …); and a test app with its outbox worker sending to it, on one database and one test clock.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { MailSettings } from '../src/mail/settings.js';
import { smtpTransport } from '../src/mail/transport.js';
import { createWorker, noMail, type OutboxWorker } from '../src/worker.js';
import { createTestApp, type TestApp, type TestAppOptions } from './helpers.js';

export interface ReceivedMail {
  parsed: ParsedMail;
  raw: string;
  /** The RCPT TO addresses. */
  to: string[];
}

export interface SmtpSink {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** SMTP codes to answer the next messages with (after DATA), in order; then 250. */
  script: number[];
  /** Recipients refused at RCPT TO with 550. */
  refuse: Set<string>;
  /** Waits until at least `n` messages arrived (or fails after `ms`). */
  waitFor(n: number, ms?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

const smtpError = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

/** An SMTP server on 127.0.0.1 without TLS or auth, recording what it accepts. */
export async function startSmtp(port = 0): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const sink = { script: [] as number[], refuse: new Set<string>() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    // No reverse DNS of 127.0.0.1 before each greeting (without a resolver it stalls connections).
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (sink.refuse.has(address.address.toLowerCase())) {
        callback(smtpError(550, `5.1.1 <${address.address}>: Recipient address rejected: no such user`));
      } else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const code = sink.script.shift();
        if (code !== undefined && code !== 250) {
          callback(smtpError(code, code >= 500 ? '5.7.1 Message refused' : '4.7.1 Try again later'));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          received.push({ parsed, raw, to: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    received,
    async waitFor(n: number, ms = 10_000) {
      const until = Date.now() + ms;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} messages, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

export interface MailTestApp extends TestApp {
  worker: OutboxWorker;
  smtp: SmtpSink | undefined;
  settings: MailSettings;
}

/**
 * A test app and its worker: mail over SMTP to a fresh sink (`smtp: true`, the default), or the
 * no-SMTP mode (`smtp: false`). The worker is driven with `drain()` by the test.
 */
export async function createMailTestApp(
  options: TestAppOptions & { smtp?: boolean; smtpUrl?: string } = {},
): Promise<MailTestApp> {
  const t = await createTestApp(options);
  const smtp = options.smtp === false || options.smtpUrl ? undefined : await startSmtp();
  const url = options.smtpUrl ?? smtp?.url;
  const settings: MailSettings = url
    ? {
        transport: smtpTransport(url),
        from: { name: 'Frontdesk', address: 'bookings@frontdesk.example' },
        publicUrl: 'http://localhost',
      }
    : { ...noMail, publicUrl: 'http://localhost' };
  const worker = createWorker({ database: t.db, clock: t.clock, logger: quiet, mail: settings });
  return {
    ...t,
    worker,
    smtp,
    settings,
    close: async () => {
      await worker.stop(1000);
      settings.transport?.close();
      await smtp?.close();
      await t.close();
    },
  };
}

const quiet = { info: () => undefined, error: () => undefined, warn: () => undefined };

/** The first link in a mail's text part that carries a manage fragment. */
export function manageLinkIn(mail: ParsedMail): string | undefined {
  return /https?:\/\/\S+#frontdesk_booking=\S+/.exec(mail.text ?? '')?.[0];
}

/** The .ics sent with a mail (the text/calendar part), if any. */
export function calendarIn(mail: ParsedMail): string | undefined {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  return part?.content.toString('utf8');
}
