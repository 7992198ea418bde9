/**
 * The day picker against the REAL API app (a temp libSQL file): which month a visitor sees first.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../api/test/helpers.js';
import { createApiClient } from './api-client.js';
import { createSlotPicker } from './slot-picker.js';

let t: TestApp;
let serviceId: string;

beforeAll(async () => {
  // Tuesday 31 March, 14:00 in Lisbon: the shop's last hours of the month (09–12) are over.
  t = await createTestApp({ catalog: false, now: '2026-03-31T13:00:00Z' });
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    t.app.fetch(new Request(input, init)),
  );
  const call = async (path: string, body: unknown) =>
    (await (
      await t.app.request(path, {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.secretKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json()) as { id: string };
  const resource = await call('/v1/resources', {
    name: 'Ana',
    hours: { mon: [{ start: '09:00', end: '12:00' }], tue: [{ start: '09:00', end: '12:00' }] },
  });
  serviceId = (
    await call('/v1/services', {
      name: 'Fitting',
      durationMinutes: 60,
      minNoticeMinutes: 0,
      resourceIds: [resource.id],
    })
  ).id;
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await t?.close();
});

const picker = () =>
  createSlotPicker(createApiClient({ api: 'http://api.test', key: t.publishableKey }), t.clock);

describe('slot picker', () => {
  it('opens on the next month, on its first free day, when nothing is left of this one', async () => {
    const p = picker();
    expect(p.month.value).toBe('2026-03-01');
    await p.open(serviceId);
    expect(p.month.value).toBe('2026-04-01');
    expect(p.focusDate.value).toBe('2026-04-06'); // the first Monday of April
    expect(p.freeDates.value?.has('2026-04-06')).toBe(true);
  });

  it('leaves the calendar where the visitor moved it while the month loaded', async () => {
    const p = picker();
    const opening = p.open(serviceId);
    p.moveFocus('2026-03-10'); // still March, and March has nothing free
    await opening;
    expect(p.month.value).toBe('2026-03-01');
    expect(p.focusDate.value).toBe('2026-03-10');
  });
});
