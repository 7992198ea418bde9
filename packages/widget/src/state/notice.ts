/**
 * @module What the widget says about a request's outcome: the notice type of the live regions,
 * and the sentence, in the visitor's language, that a failed call deserves.
 */
import type { Messages } from '../i18n/en.js';
import type { ApiFailure } from './api-client.js';

/** A message for the live region; `error` ones are also shown as alerts. */
export type Notice = { tone: 'info' | 'error'; text: string } | null;

/** The notice a failed call deserves. */
export function failureText(error: ApiFailure, t: Messages): string {
  if (error.kind === 'network') return t.offline;
  if (error.code === 'rate_limited') return t.tooMany;
  if (error.code === 'cutoff_passed') return t.cutoff;
  if (error.code === 'not_found') return t.notFound;
  if (error.code === 'invalid_state') return t.invalidState;
  if (error.code === 'slot_unavailable') return t.slotTaken;
  // Anything else: the server's `detail` is English and meant for developers (it travels in the
  // `frontdesk:error` event); the visitor gets a sentence in their language.
  return t.failed;
}
