/**
 * @module The one client of the console: the SDK's console client on this page's own origin. It
 * authenticates with the HttpOnly session cookie; the page never holds a key or the session id.
 */
import { type ConsoleClient, createConsoleClient } from '@frontdesk/sdk/console';

export const desk: ConsoleClient = createConsoleClient({
  baseUrl: window.location.origin,
  retry: { limit: 1 },
});
