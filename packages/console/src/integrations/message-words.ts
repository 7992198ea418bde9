/**
 * @module A message's status in words, with why it was skipped or kept unsent when the API says.
 */
import type { Message } from '@frontdesk/sdk/console';
import { t } from '../i18n/index.js';

export function statusText(message: Pick<Message, 'status' | 'statusReason'>): string {
  const status = t.messages.statuses[message.status] ?? message.status;
  if (!message.statusReason) return status;
  return `${status} (${t.messages.reasons[message.statusReason] ?? message.statusReason})`;
}

/**
 * Whether the server that writes mail has no SMTP, as its latest decision shows: the newest
 * message it sent, failed or kept unsent (queued and skipped ones do not tell) was kept for
 * `no_smtp`. Messages are decided by the worker, which may run apart from the API.
 */
export function mailIsOff(newestFirst: Pick<Message, 'status' | 'statusReason'>[]): boolean {
  const decided = newestFirst.find(
    (m) => m.status === 'sent' || m.status === 'failed' || m.status === 'not_sent',
  );
  return decided?.status === 'not_sent' && decided.statusReason === 'no_smtp';
}
