// @ts-check
/**
 * @module The SDK smoke run, the same in every runtime (Node, Deno, Bun, workerd): list services,
 * read availability, book, get the typed 409 for the same seat again, and — where the runtime has a
 * streaming `fetch` — see a stock change arrive on the live stream. The SDK modules are passed in,
 * so this file imports nothing and runs wherever it is loaded from (a bundle, an installed package).
 *
 * Expects a `frontdesk seed --demo` business: services with capacity 1 and products `OIL-50` at
 * location `chiado`.
 */

/**
 * @typedef {object} SmokeInput
 * @property {typeof import('../../packages/sdk/src/index.js')} sdk `@frontdesk/sdk`
 * @property {typeof import('../../packages/sdk/src/resources/stock.js')} stock `@frontdesk/sdk/stock`
 * @property {string} baseUrl
 * @property {string} publishableKey
 * @property {string} secretKey
 * @property {boolean} [stream] read the live stock stream (default true)
 */

const addDays = (/** @type {string} */ date, /** @type {number} */ days) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** @param {SmokeInput} input */
export async function sdkSmoke({ sdk, stock, baseUrl, publishableKey, secretKey, stream = true }) {
  const client = sdk.createClient({ baseUrl, key: publishableKey });
  const business = await client.business.get();
  const { data: services } = await client.services.list();
  const service = services.find((s) => s.capacity === 1 && !s.requiresConfirmation);
  if (!service) throw new Error('no bookable private service');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: business.timezone }).format(new Date());
  const customer = { name: 'Smoke Test', email: 'smoke@example.com' };

  // Other runs may book the same server at once: take the first free slot, again if it went.
  let booking;
  let slotCount = 0;
  for (let attempt = 0; attempt < 5 && !booking; attempt++) {
    const { slots } = await client.availability.get({
      service: service.id,
      from: addDays(today, 1),
      to: addDays(today, 7),
    });
    slotCount = slots.length;
    const slot = slots[0];
    if (!slot) throw new Error('no free slot in the coming week');
    try {
      booking = await client.bookings.create({ service: service.id, start: slot.start, customer });
    } catch (error) {
      if (!sdk.isSlotUnavailableError(error)) throw error;
    }
  }
  if (!booking) throw new Error('could not book any slot');

  /** @type {Record<string, unknown> | undefined} */
  let conflict;
  try {
    await client.bookings.create({
      service: service.id,
      start: booking.start,
      resource: booking.resourceId,
      customer: { name: 'Second', email: 'second@example.com' },
    });
  } catch (error) {
    const e = /** @type {import('../../packages/sdk/src/index.js').SlotUnavailableError} */ (error);
    conflict = {
      name: e.name,
      status: e.status,
      code: e.code,
      guard: sdk.isSlotUnavailableError(error),
      instanceOf: error instanceof sdk.SlotUnavailableError,
    };
  }

  /** @type {number[] | undefined} */
  let streamed;
  if (stream) streamed = await stockChangeOnStream(stock, baseUrl, publishableKey, secretKey);

  return {
    services: services.length,
    slots: slotCount,
    booking: { status: booking.status, hasManageToken: typeof booking.manageToken === 'string' },
    conflict,
    streamed,
  };
}

/**
 * Subscribes to `OIL-50`, sells one unit through the secret key once the first (connect) message
 * arrived, and resolves with the availability of the first two messages.
 * @param {SmokeInput['stock']} stock
 * @param {string} baseUrl
 * @param {string} publishableKey
 * @param {string} secretKey
 * @returns {Promise<number[]>}
 */
function stockChangeOnStream(stock, baseUrl, publishableKey, secretKey) {
  const shop = stock.createStockClient({ baseUrl, key: publishableKey });
  const backOffice = stock.createStockClient({ baseUrl, key: secretKey });
  /** @type {number[]} */
  const seen = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.close();
      reject(new Error(`stock stream: ${seen.length} message(s) in 15 s`));
    }, 15_000);
    const subscription = shop.stock.subscribe(
      ['OIL-50'],
      (level) => {
        seen.push(level.available);
        if (seen.length === 1) {
          const eventId = `smoke-${Date.now()}-${Math.random().toString(36).slice(2)}`;
          backOffice.stock.adjust({ eventId, sku: 'OIL-50', locationId: 'chiado', delta: -1 }).catch(reject);
        }
        if (seen.length === 2) {
          clearTimeout(timer);
          subscription.close();
          resolve(seen);
        }
      },
      { onError: (error) => console.error('stock stream error', error) },
    );
  });
}
