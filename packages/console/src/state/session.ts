/**
 * @module Who is signed in: the session as the API describes it (never the session id, which only
 * the HttpOnly cookie holds). `undefined` while it is being asked, `null` when signed out.
 */

import { isAuthenticationError } from '@frontdesk/sdk';
import type { SessionInfo } from '@frontdesk/sdk/console';
import { computed, signal } from '@preact/signals';
import { desk } from '../api.js';

export const session = signal<SessionInfo | null | undefined>(undefined);

export const isOwner = computed(() => session.value?.user.role === 'owner');

/** The business's zone (the agenda and every time shown are read in it). */
export const zone = computed(() => session.value?.business.timezone ?? 'UTC');

/** Asks the API who is signed in; a network failure is thrown, a signed-out answer is `null`. */
export async function loadSession(): Promise<void> {
  try {
    session.value = await desk.session.current();
  } catch (error) {
    if (isAuthenticationError(error)) session.value = null;
    else throw error;
  }
}

/** Called when any call finds the session gone: back to the sign-in screen. */
export function sessionEnded(): void {
  session.value = null;
}
