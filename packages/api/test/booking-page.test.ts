/**
 * @module The hosted booking page `/book/{slug}`: found by slug, the business's name and address,
 * the widget with a publishable key that only this server's origin may use, strict CSP with
 * nothing inline. (Its behaviour in a browser is tested in the widget package.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { call, customer, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

const keyIn = (html: string) => /<frontdesk-booking key="(fd_pk_[A-Za-z0-9]+)"/.exec(html)?.[1];

describe('GET /book/{slug}', () => {
  it('serves the business page with the widget, under a strict CSP and with nothing inline', async () => {
    t = await createTestApp();
    await call(t, 'PATCH', '/v1/business', {
      body: {
        name: 'Salão <Lisboa> & "Co"',
        slug: 'salao-lisboa',
        address: 'Rua Augusta 1\n1100 Lisboa',
        locale: 'pt-PT',
      },
    });
    const res = await t.app.request('/book/salao-lisboa');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('<html lang="pt-PT">');
    expect(html).toContain('<h1>Salão &#60;Lisboa&#62; &#38; &#34;Co&#34;</h1>');
    expect(html).toContain('<address>Rua Augusta 1\n1100 Lisboa</address>');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script>|<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=/i);
    expect(keyIn(html)).toBeDefined();
    const css = await t.app.request('/widget/page.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('embeds one key, reused by later visits and replaced once revoked, usable only from this server', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    await call(t, 'PATCH', '/v1/business', { body: { slug: 'bike-shop' } });
    const key = keyIn(await (await t.app.request('/book/bike-shop')).text())!;
    expect(keyIn(await (await t.app.request('/book/bike-shop')).text())).toBe(key);

    const booking = (origin: string, host = 'http://localhost') =>
      t.app.request(`${host}/v1/bookings`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify({ service: salon.serviceId, start: '2026-03-03T09:00:00Z', customer }),
      });
    expect((await booking('http://localhost')).status).toBe(201);
    // Behind a proxy ending TLS, the page's https origin still counts as ours.
    expect((await booking('https://localhost')).status).not.toBe(403);
    expect((await booking('https://evil.example')).status).toBe(403);

    const keys = await call<{ data: { id: string; label: string; revokedAt: string | null }[] }>(
      t,
      'GET',
      '/v1/keys',
    );
    const pageKey = keys.body.data.find((k) => k.label === 'hosted booking page')!;
    await call(t, 'DELETE', `/v1/keys/${pageKey.id}`);
    const replaced = keyIn(await (await t.app.request('/book/bike-shop')).text());
    expect(replaced).toBeDefined();
    expect(replaced).not.toBe(key);
  });

  it('accepts the configured public URL as its origin', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    await call(t, 'PATCH', '/v1/business', { body: { slug: 'bike-shop' } });
    const app = createApp({
      database: t.db,
      clock: t.clock,
      rateLimit: false,
      publicUrl: 'https://book.example.com/',
    });
    const key = keyIn(await (await app.request('/book/bike-shop')).text())!;
    const res = await app.request('http://127.0.0.1:8787/v1/bookings', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${key}`,
        'Content-Type': 'application/json',
        Origin: 'https://book.example.com',
      },
      body: JSON.stringify({ service: salon.serviceId, start: '2026-03-03T09:00:00Z', customer }),
    });
    expect(res.status).toBe(201);
  });

  it('is 404 for unknown or malformed slugs, and for the old slug once it is changed', async () => {
    t = await createTestApp();
    await call(t, 'PATCH', '/v1/business', { body: { slug: 'bike-shop' } });
    for (const path of ['/book/nope', '/book/Bike-Shop', '/book/%00', `/book/${'a'.repeat(300)}`]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    await call(t, 'PATCH', '/v1/business', { body: { slug: 'cycle-shop' } });
    expect((await t.app.request('/book/bike-shop')).status).toBe(404);
    expect((await t.app.request('/book/cycle-shop')).status).toBe(200);
  });
});
