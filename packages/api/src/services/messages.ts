/**
 * @module Messages as the business reads them (`GET /v1/messages`, a booking's messages): what was
 * sent, queued, failed, skipped or — without SMTP — kept unsent, each with its preview, rendered
 * from what the message was made from (`mail/stored.ts`).
 */
import type { Message, MessageListQuery } from '@frontdesk/core';
import { and, desc, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { messages } from '../db/schema.js';
import { messageContent } from '../mail/stored.js';
import { toInstant } from '../time.js';
import { getBookingRow } from './bookings.js';
import { decodeCursor, type Page, pageOf } from './pagination.js';

type MessageRow = typeof messages.$inferSelect;

/** A message on the wire, its preview rendered from what the row keeps (`messageContent`). */
export function messageToWire(row: MessageRow): Message {
  const content = messageContent(row);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    statusReason: row.statusReason,
    bookingId: row.bookingId,
    reservationId: row.reservationId,
    to: { name: row.toName, email: row.toEmail },
    locale: content?.locale || null,
    subject: content?.subject ?? null,
    text: content?.text ?? null,
    html: content?.html ?? null,
    calendarMethod: row.input === null ? row.calendarMethod : (content?.calendar?.method ?? null),
    messageId: row.messageId,
    attempts: row.attempts,
    smtpResponse: row.smtpResponse,
    dueAt: toInstant(row.dueAt),
    sentAt: row.sentAt === null ? null : toInstant(row.sentAt),
    createdAt: toInstant(row.createdAt),
    updatedAt: toInstant(row.updatedAt),
  };
}

/** The business's messages, oldest (or with `order: 'newest'`, newest) first, optionally of one status, kind or booking. */
export async function listMessages(db: Db, businessId: string, q: MessageListQuery): Promise<Page<Message>> {
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor);
  const newest = q.order === 'newest';
  const rows = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.businessId, businessId),
        q.status ? eq(messages.status, q.status) : undefined,
        q.kind ? eq(messages.kind, q.kind) : undefined,
        q.booking ? eq(messages.bookingId, q.booking) : undefined,
        after ? (newest ? lt(messages.id, after) : gt(messages.id, after)) : undefined,
      ),
    )
    .orderBy(newest ? desc(messages.id) : messages.id)
    .limit(limit + 1);
  return pageOf(rows, limit, messageToWire);
}

/** The messages about one booking of the business (404 for another business's booking). */
export async function bookingMessages(
  db: Db,
  businessId: string,
  bookingId: string,
  q: MessageListQuery,
): Promise<Page<Message>> {
  await getBookingRow(db, businessId, bookingId, { secret: true });
  return listMessages(db, businessId, { ...q, booking: bookingId });
}
