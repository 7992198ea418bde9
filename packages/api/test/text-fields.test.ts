/**
 * @module Text fields refuse C0 control characters (tab everywhere; line feed and carriage return
 * in multi-line fields only) and unpaired surrogates, so that what is stored reads back
 * byte-identical: a NUL once came back in the 201 but cut the stored name short on every read.
 */
import type { Booking, Problem } from '@frontdesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjustmentFromRow, productFromRow } from '../src/import/rows.js';
import { call, customer, type Salon, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
let salon: Salon;
beforeAll(async () => {
  t = await createTestApp();
  salon = await setupSalon(t, { questions: [{ id: 'allergies', label: 'Allergies', type: 'textarea' }] });
});
afterAll(async () => t?.close());

function expectFieldError(res: { status: number; body: unknown }, field: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect((res.body as Problem).errors?.map((e) => e.path)).toContain(field);
}

let taken = 0;
/** A free start, a new one each call: the half hours of 09:00-17:00 (UTC) from Wednesday 2026-03-04. */
function nextStart(): string {
  const day = Math.floor(taken / 16);
  const slot = taken++ % 16;
  return new Date(Date.parse('2026-03-04T09:00:00Z') + day * 86_400_000 + slot * 30 * 60_000).toISOString();
}

describe('control characters', () => {
  it('a NUL in customer.name is a 422, not a 201 that reads back cut short', async () => {
    const res = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: {
        service: salon.serviceId,
        start: nextStart(),
        customer: { ...customer, name: 'Ana\u0000HIDDEN' },
      },
    });
    expectFieldError(res, 'customer.name');
  });

  it('is refused in every kind of text field, including PATCH /business', async () => {
    const nul = 'x\u0000y';
    const cases: [string, string, unknown, string][] = [
      ['PATCH', '/v1/business', { name: nul }, 'name'],
      ['POST', '/v1/resources', { name: nul }, 'name'],
      ['POST', '/v1/resources', { name: 'R', description: nul }, 'description'],
      ['POST', '/v1/services', { name: nul, durationMinutes: 30, resourceIds: [salon.resourceId] }, 'name'],
      [
        'POST',
        '/v1/services',
        {
          name: 'S',
          durationMinutes: 30,
          resourceIds: [salon.resourceId],
          questions: [{ id: 'q', label: 'Q', type: 'select', options: [nul] }],
        },
        'questions.0.options.0',
      ],
      ['POST', '/v1/closures', { startDate: '2026-04-01', endDate: '2026-04-01', reason: nul }, 'reason'],
      ['POST', '/v1/keys', { kind: 'secret', label: nul }, 'label'],
      [
        'POST',
        '/v1/keys',
        { kind: 'publishable', allowedOrigins: ['https://a\u0000b.example'] },
        'allowedOrigins.0',
      ],
      ['POST', '/v1/locations', { name: 'L', address: nul }, 'address'],
      ['POST', '/v1/products', { sku: 'P-1', name: nul }, 'name'],
      [
        'POST',
        '/v1/products',
        { sku: 'P-1', name: 'P', imageUrl: `https://img.example/a${nul}` },
        'imageUrl',
      ],
      [
        'POST',
        '/v1/bookings',
        { service: salon.serviceId, start: nextStart(), customer, notes: `line\u0007bell` },
        'notes',
      ],
      [
        'POST',
        `/v1/resources/${salon.resourceId}/time-off`,
        { start: '2026-04-01T00:00:00Z', end: '2026-04-02T00:00:00Z', reason: '\u001b[31mred' },
        'reason',
      ],
    ];
    for (const [method, path, body, field] of cases) {
      expectFieldError(await call(t, method, path, { body }), field);
    }
  });

  it('line breaks are refused in one-line fields and kept in multi-line ones', async () => {
    expectFieldError(
      await call(t, 'POST', '/v1/bookings', {
        body: { service: salon.serviceId, start: nextStart(), customer: { ...customer, name: 'Ana\nBob' } },
      }),
      'customer.name',
    );
    const notes = 'Line one\r\nLine two\n\tindented';
    const created = await call<Booking>(t, 'POST', '/v1/bookings', {
      body: { service: salon.serviceId, start: nextStart(), customer, notes },
    });
    expect(created.status).toBe(201);
    const read = await call<Booking>(t, 'GET', `/v1/bookings/${created.body.id}`);
    expect(read.body.notes).toBe(notes);
  });

  it('an unpaired surrogate is refused (it would be stored as U+FFFD)', async () => {
    expectFieldError(
      await call(t, 'POST', '/v1/resources', { body: '{"name":"broken \\ud800 pair"}' }),
      'name',
    );
  });

  it('CSV import rows go through the same rules', () => {
    const product = productFromRow({ sku: 'NUL-1', name: 'Ana\u0000HIDDEN', active: '' }, 'EUR');
    expect(product.ok).toBe(false);
    if (!product.ok) expect(product.errors.map((e) => e.path)).toEqual(['name']);
    const stock = adjustmentFromRow(
      { sku: 'NUL-1', location: 'lisbon', delta: '1', reason: 'a\u0000b' },
      'e1',
    );
    expect(stock.ok).toBe(false);
  });
});

describe('text reads back byte-identical', () => {
  const exotic = [
    'Zoë Ångström-Nuñez',
    '👩🏽‍🔬 Dr. 🇵🇹 Ana',
    'مرحبا بالعالم',
    'שלום\u200f עולם',
    'e\u0301 Ame\u0301lie (NFD) and Amélie (NFC)',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛',
    'Z\u0351\u0352a\u0353\u0354l\u0355g\u0356o',
    '\ufeffBOM and zero\u200bwidth',
    'tab\there',
  ];

  it('names, notes and answers keep every code point', async () => {
    for (const name of exotic) {
      const notes = `${name}\r\n${name}`;
      const created = await call<Booking>(t, 'POST', '/v1/bookings', {
        key: t.publishableKey,
        body: {
          service: salon.serviceId,
          start: nextStart(),
          customer: { ...customer, name },
          notes,
          answers: { allergies: notes },
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      // One-line required fields are trimmed (String.prototype.trim, which counts a BOM as space).
      expect(created.body.customer.name).toBe(name.trim());
      const read = await call<Booking>(t, 'GET', `/v1/bookings/${created.body.id}`);
      expect(read.body.customer.name).toBe(name.trim());
      expect(read.body.notes).toBe(notes);
      expect(read.body.answers).toEqual({ allergies: notes });
      const resource = await call<{ id: string }>(t, 'POST', '/v1/resources', {
        body: { name, description: notes },
      });
      const again = await call<{ name: string; description: string }>(
        t,
        'GET',
        `/v1/resources/${resource.body.id}`,
      );
      expect([again.body.name, again.body.description]).toEqual([name.trim(), notes]);
    }
  });

  it('PATCH /business keeps the name as sent', async () => {
    const name = exotic[1]!;
    expect((await call(t, 'PATCH', '/v1/business', { body: { name } })).status).toBe(200);
    expect((await call<{ name: string }>(t, 'GET', '/v1/business')).body.name).toBe(name);
  });
});
