/**
 * @module API failures in plain words, next to what caused them: field errors by field path, one
 * message for the rest. Components keep the result in a signal; nothing throws into the UI.
 */
import {
  isAuthenticationError,
  isFrontdeskError,
  isNetworkError,
  isNotFoundError,
  isPermissionError,
  isRateLimitError,
  isSlotUnavailableError,
  isTimeoutError,
  isValidationError,
} from '@frontdesk/sdk';
import { t } from './i18n/index.js';
import { sessionEnded } from './state/session.js';

export interface Described {
  /** The message for the form or screen as a whole. */
  message: string;
  /** Messages by field path (`customer.email`, `hours.mon.0.end`). */
  fields: Record<string, string>;
}

/** Turns anything a call threw into words; an ended session also returns the app to sign-in. */
export function describeError(error: unknown): Described {
  if (isValidationError(error)) {
    const fields: Record<string, string> = {};
    for (const { path, message } of error.fieldErrors) fields[path] ??= message;
    return { message: Object.keys(fields).length ? t.errors.checkFields : error.message, fields };
  }
  if (isRateLimitError(error)) {
    return {
      message: error.problem?.detail ?? t.errors.rateLimited(Math.ceil(error.retryAfter ?? 60)),
      fields: {},
    };
  }
  if (isAuthenticationError(error)) {
    const detail = error.problem?.detail;
    // A wrong password says so; an ended session sends the person back to sign in.
    if (detail !== 'The email or the password is not right.') sessionEnded();
    return { message: detail ?? t.errors.signedOut, fields: {} };
  }
  if (isSlotUnavailableError(error)) return { message: t.errors.slotTaken, fields: {} };
  if (isNotFoundError(error)) return { message: error.problem?.detail ?? t.errors.notFound, fields: {} };
  if (isPermissionError(error)) return { message: error.problem?.detail ?? t.errors.forbidden, fields: {} };
  if (isTimeoutError(error)) return { message: t.errors.timeout, fields: {} };
  if (isNetworkError(error)) return { message: t.errors.network, fields: {} };
  if (isFrontdeskError(error)) return { message: error.problem?.detail ?? error.message, fields: {} };
  return { message: t.errors.unexpected, fields: {} };
}
