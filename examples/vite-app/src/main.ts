/**
 * @module Mounts the booking widget into `#booking` and reacts to its events. The API URL and the
 * publishable key come from Vite env variables (`VITE_FRONTDESK_API_URL`, `VITE_FRONTDESK_KEY`).
 */
import { mountBooking } from '@frontdesk/widget';

const container = document.querySelector<HTMLElement>('#booking');
const status = document.querySelector<HTMLElement>('#last-booking');
if (!container || !status) throw new Error('index.html must have #booking and #last-booking');

const widget = mountBooking(container, {
  api: import.meta.env.VITE_FRONTDESK_API_URL ?? 'http://localhost:8787',
  key: import.meta.env.VITE_FRONTDESK_KEY ?? 'fd_pk_replace_me',
  theme: 'auto',
});

// Events bubble out of the shadow root: the app can track conversions, update its own UI, etc.
widget.element.addEventListener('frontdesk:booked', (event) => {
  const booking = (event as CustomEvent<{ id: string; start: string }>).detail;
  status.textContent = `Booked ${booking.id} for ${new Date(booking.start).toLocaleString()}`;
});
