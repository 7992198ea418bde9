#!/usr/bin/env node
// @ts-check
/**
 * @module Books the first free slot of a Frontdesk business and prints the manage link: the whole
 * customer journey with `@frontdesk/sdk`, in plain Node (>= 20).
 *
 *   FRONTDESK_API_URL=http://127.0.0.1:8787 FRONTDESK_KEY=fd_pk_… node index.js
 *
 * Optional: FRONTDESK_SERVICE (a service id; default the first that needs no confirmation),
 * FRONTDESK_CUSTOMER_NAME / FRONTDESK_CUSTOMER_EMAIL, and FRONTDESK_MANAGE_URL, a template with
 * `{booking}` and `{token}` for the page where customers manage bookings (default: the API's demo
 * page, which hosts the booking widget's manage view).
 */
import { createClient, isFrontdeskError, isSlotUnavailableError } from '@frontdesk/sdk';

const apiUrl = process.env.FRONTDESK_API_URL ?? 'http://127.0.0.1:8787';
const key = process.env.FRONTDESK_KEY;
if (!key) {
  console.error('Set FRONTDESK_KEY to a publishable (fd_pk_…) or secret (fd_sk_…) key.');
  process.exit(2);
}
const manageTemplate =
  process.env.FRONTDESK_MANAGE_URL ?? `${apiUrl}/demo#frontdesk_booking={booking}&frontdesk_token={token}`;
const customer = {
  name: process.env.FRONTDESK_CUSTOMER_NAME ?? 'Ana Silva',
  email: process.env.FRONTDESK_CUSTOMER_EMAIL ?? 'ana.silva@example.com',
};

const frontdesk = createClient({ baseUrl: apiUrl, key });

/** A date `days` after `date` (both `YYYY-MM-DD`). */
const addDays = (/** @type {string} */ date, /** @type {number} */ days) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The first free slot of `service`, looking ahead week by week up to its booking horizon. */
async function firstFreeSlot(
  /** @type {import('@frontdesk/sdk').Service} */ service,
  /** @type {string} */ today,
) {
  for (let from = today; from <= addDays(today, service.horizonDays); from = addDays(from, 7)) {
    const { slots } = await frontdesk.availability.get({ service: service.id, from, to: addDays(from, 6) });
    if (slots[0]) return slots[0];
  }
  return undefined;
}

async function main() {
  const business = await frontdesk.business.get();
  const { data: services } = await frontdesk.services.list();
  const service = process.env.FRONTDESK_SERVICE
    ? services.find((s) => s.id === process.env.FRONTDESK_SERVICE)
    : (services.find((s) => !s.requiresConfirmation) ?? services[0]);
  if (!service) throw new Error('This business offers no bookable service.');
  // Availability dates are read in the business's zone, so "today" is its today, not ours.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: business.timezone }).format(new Date());

  // Someone may book the same slot between our look and our booking: then look again.
  for (let attempt = 1; attempt <= 3; attempt++) {
    const slot = await firstFreeSlot(service, today);
    if (!slot) throw new Error(`"${service.name}" has no free slot in the next ${service.horizonDays} days.`);
    try {
      const booking = await frontdesk.bookings.create({ service: service.id, start: slot.start, customer });
      const when = new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: business.timezone,
      }).format(new Date(booking.start));
      const manageLink = manageTemplate
        .replaceAll('{booking}', encodeURIComponent(booking.id))
        .replaceAll('{token}', encodeURIComponent(booking.manageToken ?? ''));
      console.log(`Booked "${service.name}" at ${business.name} for ${when} (${business.timezone}).`);
      console.log(`Booking ${booking.id} is ${booking.status}.`);
      console.log(`Manage link: ${manageLink}`);
      return;
    } catch (error) {
      if (isSlotUnavailableError(error) && attempt < 3) continue;
      throw error;
    }
  }
}

main().catch((error) => {
  // SDK errors carry a stable code and the API's request id: print them for support.
  if (isFrontdeskError(error))
    console.error(`${error.name} (${error.code}): ${error.message}`, error.requestId ?? '');
  else console.error(error);
  process.exit(1);
});
