/**
 * @module A message as stored: what it is rendered from (`messages.input`, JSON), not the rendered
 * HTML, text and .ics. A confirmation rendered took ~3.5 KB of a 4 KB page; what it is rendered from
 * takes a few hundred bytes. Rendering is pure (`render.ts`), so the same JSON renders the same bytes
 * on every send attempt and in every preview.
 */
import type { messages } from '../db/schema.js';
import type { MessageInput } from './kinds.js';
import { type RenderedMessage, renderMessage } from './render.js';

type MessageRow = typeof messages.$inferSelect;

/** The parts a message is sent with. */
export type MessageContent = Pick<RenderedMessage, 'locale' | 'subject' | 'html' | 'text' | 'calendar'>;

/** The `input` column's value: `input` rendered as of `at` (the .ics DTSTAMP). */
export function inputJson(input: MessageInput, at: number): string {
  return JSON.stringify({ at, input });
}

/** Renders an `input` column's value; null when it cannot be read (a row damaged outside the app). */
function renderJson(json: string): RenderedMessage | null {
  try {
    const stored = JSON.parse(json) as { at?: unknown; input?: { kind?: unknown; business?: unknown } };
    if (typeof stored?.at !== 'number' || typeof stored.input?.kind !== 'string' || !stored.input.business)
      return null;
    return renderMessage(stored.input as MessageInput, stored.at);
  } catch {
    return null;
  }
}

/**
 * The message's content: rendered from its `input` (null when that cannot be read), or the parts a
 * row written before migration 0018 (or erased) keeps; null too for a reminder not yet due.
 */
export function messageContent(
  row: Pick<MessageRow, 'input' | 'locale' | 'subject' | 'html' | 'text' | 'calendar' | 'calendarMethod'>,
): MessageContent | null {
  if (row.input !== null) return renderJson(row.input);
  if (row.subject === null) return null;
  return {
    locale: row.locale ?? '',
    subject: row.subject,
    html: row.html ?? '',
    text: row.text ?? '',
    calendar:
      row.calendar && row.calendarMethod
        ? {
            method: row.calendarMethod as NonNullable<RenderedMessage['calendar']>['method'],
            content: row.calendar,
          }
        : undefined,
  };
}
