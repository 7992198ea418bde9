/**
 * @module Small helpers for the API's own tests: JSON requests with a key, and a salon catalog
 * (one resource with split weekday hours, a private service, a class) created through the API.
 */
import type { TestApp } from './helpers.js';

export interface JsonAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** Sends a JSON request with a bearer key; parses JSON and problem+json answers. */
export async function call<T = Record<string, unknown>>(
  t: TestApp,
  method: string,
  path: string,
  options: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? t.secretKey : options.key;
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const res = await t.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed as T };
}

export const weekdayHours = {
  mon: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
  tue: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
  wed: [{ start: '09:00', end: '17:00' }],
  thu: [{ start: '09:00', end: '17:00' }],
  fri: [{ start: '09:00', end: '17:00' }],
};

export interface Salon {
  resourceId: string;
  serviceId: string;
  classId: string;
}

/** A resource with weekday hours, a 30-minute private service and a 60-minute class of 3 seats. */
export async function setupSalon(t: TestApp, serviceExtra: Record<string, unknown> = {}): Promise<Salon> {
  const resource = await call<{ id: string }>(t, 'POST', '/v1/resources', {
    body: { name: 'Ana', hours: weekdayHours },
  });
  if (resource.status !== 201) throw new Error(`resource: ${JSON.stringify(resource.body)}`);
  const service = await call<{ id: string }>(t, 'POST', '/v1/services', {
    body: { name: 'Haircut', durationMinutes: 30, resourceIds: [resource.body.id], ...serviceExtra },
  });
  if (service.status !== 201) throw new Error(`service: ${JSON.stringify(service.body)}`);
  const klass = await call<{ id: string }>(t, 'POST', '/v1/services', {
    body: { name: 'Yoga class', durationMinutes: 60, capacity: 3, resourceIds: [resource.body.id] },
  });
  if (klass.status !== 201) throw new Error(`class: ${JSON.stringify(klass.body)}`);
  return { resourceId: resource.body.id, serviceId: service.body.id, classId: klass.body.id };
}

export const customer = { name: 'Maria Silva', email: 'maria@example.com' };
