/**
 * @module Type tests: the client's signatures follow the contract, and wrong calls do not compile.
 * Run by vitest's typecheck (project `sdk`) and by `tsc --noEmit` in the package's typecheck.
 */
import { assertType, describe, expectTypeOf, it } from 'vitest';
import {
  type Availability,
  type Booking,
  type BookingStatus,
  createClient,
  type FieldError,
  type FrontdeskError,
  isApiError,
  isFrontdeskError,
  isRateLimitError,
  isSlotUnavailableError,
  isValidationError,
  type Page,
  type PagePromise,
  type Service,
  type SlotUnavailableError,
} from '../src/index.js';

const client = createClient({ baseUrl: 'https://api.example.com', key: 'fd_pk_x' });
const customer = { name: 'Ana', email: 'ana@example.com' };

describe('createClient', () => {
  it('needs a base URL and a key, and rejects unknown options', () => {
    // @ts-expect-error key is required
    createClient({ baseUrl: 'https://api.example.com' });
    // @ts-expect-error baseUrl is required
    createClient({ key: 'fd_pk_x' });
    // @ts-expect-error timeout is a number of ms or false
    createClient({ baseUrl: 'https://api.example.com', key: 'k', timeout: '10s' });
    createClient({ baseUrl: new URL('https://api.example.com'), key: 'k', timeout: false, retry: false });
    createClient({ baseUrl: 'https://api.example.com', key: 'k', retry: { limit: 5, baseDelay: 100 } });
  });
});

describe('bookings', () => {
  it('create takes the contract input (defaults optional) and answers a Booking', () => {
    expectTypeOf(
      client.bookings.create({ service: 's', start: 'x', customer }),
    ).resolves.toEqualTypeOf<Booking>();
    client.bookings.create(
      { service: 's', start: 'x', customer },
      { idempotencyKey: 'k', signal: AbortSignal.timeout(1) },
    );
    // @ts-expect-error customer is required
    client.bookings.create({ service: 's', start: 'x' });
    // @ts-expect-error customer.email is required
    client.bookings.create({ service: 's', start: 'x', customer: { name: 'Ana' } });
    // @ts-expect-error unknown fields are refused (the API's schema is strict)
    client.bookings.create({ service: 's', start: 'x', customer, extra: true });
    // @ts-expect-error answers are text or booleans
    client.bookings.create({ service: 's', start: 'x', customer, answers: { q: 1 } });
  });

  it('booking fields are typed from the output schema', () => {
    expectTypeOf<Booking['status']>().toEqualTypeOf<BookingStatus>();
    expectTypeOf<BookingStatus>().toEqualTypeOf<
      'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show'
    >();
    expectTypeOf<Booking['manageToken']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Booking['cancelReason']>().toEqualTypeOf<string | null>();
  });

  it('manage calls take the token as an option', () => {
    expectTypeOf(client.bookings.get('b', { token: 't' })).resolves.toEqualTypeOf<Booking>();
    expectTypeOf(client.bookings.ics('b', { token: 't' })).resolves.toEqualTypeOf<string>();
    client.bookings.cancel('b', { reason: 'ill' }, { token: 't' });
    client.bookings.cancel('b');
    client.bookings.reschedule('b', { start: 'x' }, { token: 't' });
    // @ts-expect-error reschedule needs a start
    client.bookings.reschedule('b', {});
    // @ts-expect-error the id is a string
    client.bookings.get(42);
  });

  it('list answers a page and iterates bookings; filters are checked', async () => {
    const list = client.bookings.list({ status: 'pending', limit: 10 });
    expectTypeOf(list).toEqualTypeOf<PagePromise<Booking>>();
    expectTypeOf(list).resolves.toEqualTypeOf<Page<Booking>>();
    for await (const booking of list) expectTypeOf(booking).toEqualTypeOf<Booking>();
    // @ts-expect-error not a booking status
    client.bookings.list({ status: 'done' });
    // @ts-expect-error limit is a number
    client.bookings.list({ limit: '10' });
  });
});

describe('other resources', () => {
  it('availability needs service, from and to', () => {
    expectTypeOf(
      client.availability.get({ service: 's', from: 'a', to: 'b' }),
    ).resolves.toEqualTypeOf<Availability>();
    // @ts-expect-error to is required
    client.availability.get({ service: 's', from: 'a' });
  });

  it('services: create needs name, duration and resources; update is partial', () => {
    expectTypeOf(client.services.get('s')).resolves.toEqualTypeOf<Service>();
    client.services.create({ name: 'Cut', durationMinutes: 30, resourceIds: ['r'] });
    // @ts-expect-error durationMinutes is a number
    client.services.create({ name: 'Cut', durationMinutes: '30', resourceIds: ['r'] });
    // @ts-expect-error resourceIds is required
    client.services.create({ name: 'Cut', durationMinutes: 30 });
    client.services.update('s', { active: false });
    expectTypeOf(client.services.delete('s')).resolves.toEqualTypeOf<void>();
  });

  it('resources: weekly hours are typed by weekday', () => {
    client.resources.hours.set('r', { mon: [{ start: '09:00', end: '17:00' }] });
    // @ts-expect-error not a weekday
    client.resources.hours.set('r', { funday: [] });
    client.resources.overrides.create('r', { date: '2026-03-07', intervals: [] });
    client.resources.timeOff.create('r', { start: 'a', end: 'b' });
    client.closures.create({ startDate: 'a', endDate: 'b' });
    client.keys.create({ kind: 'publishable', allowedOrigins: ['https://shop.example'] });
    // @ts-expect-error kind is publishable or secret
    client.keys.create({ kind: 'admin' });
    client.holds.create({ service: 's', start: 'x' }, { idempotencyKey: 'k' });
  });
});

describe('errors', () => {
  it('guards narrow to the class, with its extra fields', () => {
    const error: unknown = new Error('x');
    if (isFrontdeskError(error)) {
      expectTypeOf(error).toEqualTypeOf<FrontdeskError>();
      expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>();
    }
    if (isApiError(error)) expectTypeOf(error.status).toEqualTypeOf<number>();
    if (isValidationError(error)) expectTypeOf(error.fieldErrors).toEqualTypeOf<readonly FieldError[]>();
    if (isRateLimitError(error)) expectTypeOf(error.retryAfter).toEqualTypeOf<number | undefined>();
    if (isSlotUnavailableError(error)) assertType<SlotUnavailableError>(error);
    expectTypeOf<SlotUnavailableError['name']>().toEqualTypeOf<'SlotUnavailableError'>();
  });
});
