/**
 * @module The npm entry points: `defineElements()` registers the elements (the UI still loads
 * lazily, as a chunk of the host app's bundle), `mountBooking()` puts a booking widget into any
 * container — for React, Vue or plain code that would rather call a function than write a tag.
 */
import { prefetchBooking } from './booking-prefetch.js';
import { defineLazyElement } from './lazy-element.js';

/** Options of `mountBooking`; each is the attribute of the same (dash-cased) name. */
export interface BookingOptions {
  /** API origin, e.g. `https://book.example.com`. */
  api: string;
  /** Publishable key `fd_pk_…`. */
  key: string;
  /** Fix the service (skips the service list). */
  service?: string;
  mode?: 'inline' | 'popup';
  theme?: 'light' | 'dark' | 'auto';
  /** Language tag; defaults to the page's `<html lang>`. */
  lang?: string;
  /** Prefill the customer's name and email. */
  name?: string;
  email?: string;
  /** Show this booking's manage view instead of the booking flow (needs `token`). */
  booking?: string;
  token?: string;
  /** Template of the manage link, with `{booking}` and `{token}`; default: this page + params. */
  manageUrl?: string;
}

export interface MountedBooking {
  /** The `<frontdesk-booking>` element: listen to its `frontdesk:*` events. */
  element: HTMLElement;
  /** Changes options in place (only the given ones). */
  update(options: Partial<BookingOptions>): void;
  /** Removes the widget. */
  unmount(): void;
}

/**
 * Registers `<frontdesk-booking>` (idempotent). Its UI is fetched on first use.
 *
 * @example
 * import { defineElements } from '@frontdesk/widget';
 * defineElements();
 * // <frontdesk-booking api="https://book.example.com" key="fd_pk_…"></frontdesk-booking>
 */
export function defineElements(): void {
  defineLazyElement('frontdesk-booking', () => import('./booking-mount.js'), prefetchBooking);
  defineLazyElement('frontdesk-stock', () => import('./stock-mount.js'));
}

const attributeName = (option: string) => option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function apply(element: HTMLElement, options: Partial<BookingOptions>): void {
  for (const [option, value] of Object.entries(options)) {
    if (value === undefined || value === null) element.removeAttribute(attributeName(option));
    else element.setAttribute(attributeName(option), String(value));
  }
}

/**
 * Mounts a booking widget into `container`.
 *
 * @example
 * import { mountBooking } from '@frontdesk/widget';
 * const widget = mountBooking(document.querySelector('#book')!, { api: 'https://book.example.com', key: 'fd_pk_…' });
 * widget.element.addEventListener('frontdesk:booked', (e) => console.log(e.detail));
 */
export function mountBooking(container: Element, options: BookingOptions): MountedBooking {
  defineElements();
  const element = container.ownerDocument.createElement('frontdesk-booking');
  apply(element, options);
  container.append(element);
  return {
    element,
    update: (changes) => apply(element, changes),
    unmount: () => element.remove(),
  };
}
