/**
 * @module Sending one message over SMTP with nodemailer, behind a small interface the worker (and
 * tests, and benchmarks) can replace. Errors come back as the SMTP status code and answer, which is
 * all the retry rule needs: 4xx or no answer is tried again, 5xx is final.
 */
import { EmailAddress } from '@frontdesk/core';
import nodemailer from 'nodemailer';

export interface MailAddress {
  name: string | null;
  address: string;
}

export interface OutgoingMail {
  from: MailAddress;
  to: MailAddress;
  replyTo?: string | undefined;
  subject: string;
  text: string;
  html: string;
  /** The `Message-ID` header, `<…@…>`. */
  messageId: string;
  /** An .ics sent as `text/calendar; method=…` (what mail clients show as an invitation). */
  calendar?: { method: string; content: string } | undefined;
}

export interface MailTransport {
  /** Resolves with the server's answer (`250 …`); rejects with a `MailSendError`. */
  send(mail: OutgoingMail): Promise<{ response: string }>;
  close(): void;
}

/** A refused or failed send: the SMTP status code when the server answered, and what it said. */
export class MailSendError extends Error {
  override readonly name = 'MailSendError';
  constructor(
    readonly response: string,
    readonly responseCode: number | undefined,
  ) {
    super(response);
  }
}

/**
 * The transport for `FRONTDESK_SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…:465`). Pooled
 * connections; timeouts well inside the worker's 30 s lease, so a hung server cannot make two
 * processes send the same message.
 */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url, {
    pool: true,
    maxConnections: 4,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as never);
  return {
    async send(mail) {
      try {
        const info = await transporter.sendMail({
          from: { name: mail.from.name ?? '', address: mail.from.address },
          to: { name: mail.to.name ?? '', address: mail.to.address },
          ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          ...(mail.calendar
            ? {
                icalEvent: {
                  method: mail.calendar.method,
                  content: mail.calendar.content,
                  filename: 'booking.ics',
                },
              }
            : {}),
        });
        return { response: String(info.response ?? '') };
      } catch (error) {
        const e = error as { responseCode?: unknown; response?: unknown; message?: unknown; code?: unknown };
        const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
        const text =
          typeof e.response === 'string' && e.response
            ? e.response
            : `${typeof e.code === 'string' ? `${e.code}: ` : ''}${String(e.message ?? error)}`;
        throw new MailSendError(text.slice(0, 1000), code);
      }
    },
    close: () => transporter.close(),
  };
}

/**
 * `FRONTDESK_MAIL_FROM`: `bookings@salon.example` or `Salão Lisboa <bookings@salon.example>`.
 * Throws on anything else.
 */
export function parseMailFrom(value: string): MailAddress {
  const match =
    /^\s*(?:"?([^"<>]*?)"?\s*)?<([^<>\s]+)>\s*$/.exec(value) ?? /^\s*()([^<>\s]+)\s*$/.exec(value);
  const address = match?.[2] ?? '';
  if (!match || !EmailAddress.safeParse(address).success || /[\r\n]/.test(value)) {
    throw new Error(
      `Not a mail address: "${value}" (expected bookings@example.com or Name <bookings@example.com>)`,
    );
  }
  const name = match[1]?.trim();
  return { name: name ? name : null, address };
}
