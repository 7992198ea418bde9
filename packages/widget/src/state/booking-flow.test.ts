/**
 * The booking flow's state machine against the REAL API app (a temp libSQL file), with `fetch`
 * routed into `app.fetch`: what the visitor would see after each action, without a browser.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../api/test/helpers.js';
import { en } from '../i18n/en.js';
import { createApiClient } from './api-client.js';
import { createBookingFlow } from './booking-flow.js';

let t: TestApp;
let serviceId: string;
/** How many answers to POST /v1/bookings to lose on the way back (the booking is still made). */
let loseBookingAnswers = 0;
const emitted: { type: string; detail: unknown }[] = [];

async function admin(method: string, path: string, body: unknown) {
  const res = await t.app.request(path, {
    method,
    headers: { Authorization: `Bearer ${t.secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { id: string };
}

beforeAll(async () => {
  t = await createTestApp({ catalog: false, now: '2026-03-02T08:00:00Z' });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const response = await t.app.fetch(request);
    if (request.method === 'POST' && request.url.endsWith('/v1/bookings') && loseBookingAnswers > 0) {
      loseBookingAnswers--;
      throw new TypeError('Failed to fetch'); // the 201 never reaches the browser
    }
    return response;
  });
  const resource = await admin('POST', '/v1/resources', {
    name: 'Ana',
    hours: { mon: [{ start: '09:00', end: '12:00' }], tue: [{ start: '09:00', end: '12:00' }] },
  });
  const service = await admin('POST', '/v1/services', {
    name: 'Fitting',
    durationMinutes: 60,
    minNoticeMinutes: 0,
    resourceIds: [resource.id],
    questions: [{ id: 'size', label: 'Size', type: 'select', required: true, options: ['S', 'M', 'L'] }],
  });
  serviceId = service.id;
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await t?.close();
});

function newFlow() {
  const api = createApiClient({ api: 'http://api.test', key: t.publishableKey, backoffMs: 1 });
  return createBookingFlow({
    api,
    service: serviceId,
    t: () => en,
    emit: (type, detail) => emitted.push({ type, detail }),
    now: t.clock,
  });
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('booking flow state', () => {
  it('offers the month, holds a time, rejects bad details locally, maps server field errors, books', async () => {
    const flow = newFlow();
    await flow.start();
    await until(() => flow.picker.availability.value.status === 'ready');
    const days = [...flow.picker.slotsByDate.value.keys()];
    expect(days[0]).toBe('2026-03-02');
    flow.picker.choose(days[0]!);
    const slot = flow.picker.timesOfSelected.value[0]!;
    await flow.chooseSlot(slot);
    expect(flow.step.value).toBe('details');
    expect(flow.secondsLeft.value).toBeGreaterThan(60);

    flow.setValue('name', 'Ana');
    flow.setValue('email', 'not-an-email');
    await flow.submit();
    expect(flow.fieldErrors.value).toEqual({ email: en.badEmail, 'answers.size': en.required });
    expect(flow.submission.value.status).toBe('idle'); // nothing was sent

    flow.setValue('email', 'ana@example.com');
    flow.setAnswer('size', 'XXL'); // not an option: only the server knows
    await flow.submit();
    expect(Object.keys(flow.fieldErrors.value)).toEqual(['answers.size']);
    expect(flow.notice.value).toEqual({ tone: 'error', text: en.fixErrors });

    flow.setAnswer('size', 'M');
    await flow.submit();
    expect(flow.step.value).toBe('done');
    const done = flow.submission.value;
    expect(done.status === 'ready' && done.value.start).toBe(slot.start);
    expect(emitted.map((e) => e.type)).toEqual(['slot-selected', 'booked']);
    flow.dispose();
  });

  it('after a 409, says the time was taken and no longer offers it', async () => {
    const flow = newFlow();
    await flow.start();
    await until(() => flow.picker.availability.value.status === 'ready');
    const day = [...flow.picker.slotsByDate.value.keys()][0]!;
    flow.picker.choose(day);
    const slot = flow.picker.timesOfSelected.value[0]!;
    // Someone else books it first (the business, through its secret key).
    await admin('POST', '/v1/bookings', {
      service: serviceId,
      start: slot.start,
      customer: { name: 'Other', email: 'other@example.com' },
      answers: { size: 'S' },
    });
    await flow.chooseSlot(slot); // the hold is refused
    expect(flow.step.value).toBe('slot');
    expect(flow.notice.value).toEqual({ tone: 'error', text: en.slotTaken });
    await until(() => flow.picker.availability.value.status === 'ready');
    expect(flow.picker.timesOfSelected.value.map((s) => s.start)).not.toContain(slot.start);
    flow.dispose();
  });

  it('books once when answers are lost: automatic retries and the visitor pressing Book again', async () => {
    const flow = newFlow();
    await flow.start();
    await until(() => flow.picker.availability.value.status === 'ready');
    flow.picker.choose([...flow.picker.slotsByDate.value.keys()][0]!);
    await flow.chooseSlot(flow.picker.timesOfSelected.value.at(-1)!);
    flow.setValue('name', 'Lost Answer');
    flow.setValue('email', 'lost@example.com');
    flow.setAnswer('size', 'L');
    loseBookingAnswers = 4; // the first try and all three retries
    await flow.submit();
    expect(flow.step.value).toBe('details');
    expect(flow.notice.value).toEqual({ tone: 'error', text: en.offline });
    await flow.submit(); // the visitor tries again: same key, the API replays the booking
    expect(flow.step.value).toBe('done');
    const list = await t.app.request('/v1/bookings?email=lost@example.com', {
      headers: { Authorization: `Bearer ${t.secretKey}` },
    });
    expect(((await list.json()) as { data: unknown[] }).data).toHaveLength(1);
    flow.dispose();
  });

  it('keeps the visitor on the form when the hold runs out, and still books a free time', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const flow = newFlow();
      await flow.start();
      await until(() => flow.picker.availability.value.status === 'ready');
      flow.picker.choose([...flow.picker.slotsByDate.value.keys()][0]!);
      await flow.chooseSlot(flow.picker.timesOfSelected.value.at(-1)!);
      expect(flow.step.value).toBe('details');
      t.clock.advance(30 * 60_000); // past the hold, still before the start
      vi.advanceTimersByTime(1000);
      expect(flow.secondsLeft.value).toBe(0);
      expect(flow.step.value).toBe('details');
      expect(flow.notice.value).toEqual({ tone: 'info', text: en.holdExpired });
      flow.setValue('name', 'Slow Typist');
      flow.setValue('email', 'slow@example.com');
      flow.setAnswer('size', 'S');
      await flow.submit();
      expect(flow.step.value).toBe('done');
      flow.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});
