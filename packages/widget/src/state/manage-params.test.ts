import { describe, expect, it } from 'vitest';
import { manageLink } from './manage-link.js';
import { manageParams } from './manage-params.js';

describe('manage links', () => {
  it('carries the booking in the fragment, keeping the page and its parameters', () => {
    const link = manageLink('bk_1', 'a/b+c', null, 'https://shop.example/book?x=1#top');
    expect(link).toBe('https://shop.example/book?x=1#frontdesk_booking=bk_1&frontdesk_token=a%2Fb%2Bc');
    expect(new URL(link).search).toBe('?x=1');
    expect(manageParams(link)).toEqual([
      { booking: 'bk_1', token: 'a/b+c' },
      'https://shop.example/book?x=1',
    ]);
    expect(manageParams('https://shop.example/book#frontdesk_booking=bk_1')).toEqual([
      null,
      'https://shop.example/book',
    ]);
  });

  it('still opens links in the older query form, and cleans them out of the URL', () => {
    expect(
      manageParams('https://shop.example/book?x=1&frontdesk_booking=bk_1&frontdesk_token=tok#top'),
    ).toEqual([{ booking: 'bk_1', token: 'tok' }, 'https://shop.example/book?x=1#top']);
    expect(manageParams('https://shop.example/book?x=1')).toEqual([null, 'https://shop.example/book?x=1']);
  });

  it('fills a site-given template', () => {
    expect(
      manageLink('bk 1', 't&k', 'https://x.example/m/{booking}?t={token}', 'https://ignored.example'),
    ).toBe('https://x.example/m/bk%201?t=t%26k');
  });
});
