import { describe, expect, it } from 'vitest';
import { manageLink, manageParams } from './manage-link.js';

describe('manage links', () => {
  it('round-trips through the host page URL, keeping its own parameters', () => {
    const link = manageLink('bk_1', 'a/b+c', null, 'https://shop.example/book?x=1#top');
    expect(link).toBe('https://shop.example/book?x=1&frontdesk_booking=bk_1&frontdesk_token=a%2Fb%2Bc');
    expect(manageParams(link)).toEqual({ booking: 'bk_1', token: 'a/b+c' });
    expect(manageParams('https://shop.example/book?frontdesk_booking=bk_1')).toBeNull();
  });

  it('fills a site-given template', () => {
    expect(
      manageLink('bk 1', 't&k', 'https://x.example/m/{booking}?t={token}', 'https://ignored.example'),
    ).toBe('https://x.example/m/bk%201?t=t%26k');
  });
});
