/**
 * @module The outbox handler of mail jobs: renders a stored message and sends it over SMTP, or — for
 * a reminder or a reservation's "about to expire" — first checks that it still stands and fixes
 * what it is rendered from as of now.
 * 4xx answers and lost connections are retried for up to a day; a 5xx is final (`failed`), and as
 * each message is its own job, one bad address never holds up other mail.
 */
import { isMailRetryable, nextMailAttempt, reminderFate } from '@frontdesk/core';
import { and, eq } from 'drizzle-orm';
import type { Database, Db } from '../db/open.js';
import { bookingLinkTokens, messages } from '../db/schema.js';
import type { Logger } from '../env.js';
import type { OutboxHandler } from '../outbox/worker.js';
import { getBusinessRow } from '../services/business.js';
import { bookingNames, findBooking, mailBookingFromRow, mailBusiness, mailReservation } from './gather.js';
import type { MessageInput } from './kinds.js';
import { MAIL_JOB, type MailJobPayload, mintManageLink } from './plan.js';
import type { MailSettings } from './settings.js';
import { inputJson, messageContent } from './stored.js';
import { MailSendError } from './transport.js';

type MessageRow = typeof messages.$inferSelect;

/** What to store with the outcome, when this attempt decided what the message is rendered from. */
interface Fresh {
  /** The `input` column's value. */
  input: string;
  linkTokenHash?: string | undefined;
}

/**
 * A reminder or expiry warning at `now`: why it no longer goes out, or what it is rendered from:
 * the booking (or reservation) as it is now.
 */
async function renderLate(
  db: Db,
  row: MessageRow,
  settings: MailSettings,
  now: number,
): Promise<{ skip: string } | Fresh> {
  const business = await getBusinessRow(db, row.businessId);
  if (row.kind === 'reservation_expiring') {
    const found = row.reservationId ? await mailReservation(db, row.reservationId) : undefined;
    if (found?.row.status !== 'active') return { skip: 'closed' };
    if (found.row.expiresAt !== row.plannedFor) return { skip: 'moved' };
    if (now >= found.row.expiresAt) return { skip: 'expired' };
    const input: MessageInput = {
      kind: 'reservation_expiring',
      business: mailBusiness(business),
      reservation: found.reservation,
    };
    return { input: inputJson(input, now) };
  }
  const booking = row.bookingId ? await findBooking(db, row.bookingId) : undefined;
  if (!booking) return { skip: 'cancelled' };
  const fate = reminderFate({ dueAt: row.dueAt, plannedStart: row.plannedFor ?? -1 }, booking, now);
  if (fate !== 'send' && fate !== 'wait') return { skip: fate.replace('skip_', '') };
  const names = await bookingNames(db, booking.serviceId, booking.resourceId);
  const link = mintManageLink(business, settings, booking.id);
  const input: MessageInput = {
    kind: 'booking_reminder',
    business: mailBusiness(business),
    booking: mailBookingFromRow(booking),
    serviceName: names.serviceName,
    resourceName: names.resourceName,
    manageUrl: link.url,
  };
  return { input: inputJson(input, now), linkTokenHash: link.tokenHash };
}

export interface MailHandlerOptions {
  database: Database;
  clock: () => number;
  logger: Logger;
  settings: MailSettings;
}

export function mailHandler(options: MailHandlerOptions): OutboxHandler {
  const { database, clock, settings } = options;
  const update = (row: MessageRow, changes: Partial<MessageRow>, fresh?: Fresh) => async (tx: Db) => {
    // Only while still queued: a customer erased during the attempt had the row tombstoned and
    // skipped, and what this attempt read of her must not be written back.
    await tx
      .update(messages)
      .set({ ...(fresh ? { input: fresh.input } : {}), ...changes, updatedAt: clock() })
      .where(and(eq(messages.id, row.id), eq(messages.status, 'queued')));
    if (fresh?.linkTokenHash && row.bookingId) {
      await tx
        .insert(bookingLinkTokens)
        .values({
          tokenHash: fresh.linkTokenHash,
          businessId: row.businessId,
          bookingId: row.bookingId,
          createdAt: clock(),
        })
        .onConflictDoNothing();
    }
  };

  return {
    kind: MAIL_JOB,
    async run(job) {
      const { messageId } = job.payload as unknown as MailJobPayload;
      const [row] = await database.db.select().from(messages).where(eq(messages.id, messageId));
      // Already settled (a reminder skipped by a reschedule, say): nothing to do.
      if (row?.status !== 'queued') return { next: { status: 'succeeded' } };
      const now = clock();
      let fresh: Fresh | undefined;
      if (row.kind === 'booking_reminder' || row.kind === 'reservation_expiring') {
        const late = await renderLate(database.db, row, settings, now);
        if ('skip' in late) {
          return {
            next: { status: 'succeeded' },
            effects: update(row, { status: 'skipped', statusReason: late.skip }),
          };
        }
        // Decided once, on the first attempt; retries render and send those same bytes (a row from
        // before migration 0018 was rendered on its first attempt, into its columns).
        if (row.input === null && row.subject === null) fresh = late;
      }
      if (!row.deliver || !settings.transport || !settings.from) {
        return {
          next: { status: 'succeeded' },
          effects: update(row, { status: 'not_sent', statusReason: 'no_smtp' }, fresh),
        };
      }
      const content = messageContent(fresh ? { ...row, input: fresh.input } : row);
      if (!content) {
        // Its input was damaged outside the app: nothing sensible to send, and no retry mends it.
        options.logger.error('mail: the message cannot be rendered', { messageId: row.id });
        return {
          next: { status: 'failed' },
          effects: update(row, { status: 'failed', statusReason: 'unrenderable' }, fresh),
        };
      }
      const business = await getBusinessRow(database.db, row.businessId);
      const started = Date.now();
      try {
        const { response } = await settings.transport.send({
          // The business's name as the sender's display name, on the configured address.
          from: { name: business.name, address: settings.from.address },
          to: { name: row.toName, address: row.toEmail },
          replyTo: business.notifyEmail ?? undefined,
          subject: content.subject,
          text: content.text,
          html: content.html,
          messageId: row.messageId,
          calendar: content.calendar,
        });
        return {
          attempt: { at: now, statusCode: 250, error: null, durationMs: Date.now() - started, response },
          next: { status: 'succeeded' },
          effects: update(
            row,
            {
              status: 'sent',
              statusReason: null,
              attempts: row.attempts + 1,
              smtpResponse: response,
              sentAt: clock(),
            },
            fresh,
          ),
        };
      } catch (error) {
        const code = error instanceof MailSendError ? error.responseCode : undefined;
        const answer = error instanceof MailSendError ? error.response : String(error);
        const attempts = row.attempts + 1;
        const retryAt = isMailRetryable(code) ? nextMailAttempt(attempts, row.dueAt, clock()) : null;
        return {
          attempt: {
            at: now,
            statusCode: code ?? null,
            error: answer,
            durationMs: Date.now() - started,
            response: null,
          },
          next: retryAt === null ? { status: 'failed' } : { status: 'pending', dueAt: retryAt },
          effects: update(
            row,
            retryAt === null
              ? {
                  status: 'failed',
                  statusReason: code ? 'rejected' : 'gave_up',
                  attempts,
                  smtpResponse: answer,
                }
              : { attempts, smtpResponse: answer },
            fresh,
          ),
        };
      }
    },
  };
}
