/**
 * @module The script-tag entry, built to `widget.js`: defines the Frontdesk elements and fetches
 * the UI chunks only when such an element is on the page. `import()` in this classic script
 * resolves against the script's own URL, so the chunks come from the API origin, cross-origin.
 */
import { prefetchBooking } from './elements/booking-prefetch.js';
import { defineLazyElement } from './elements/lazy-element.js';

defineLazyElement('frontdesk-booking', () => import('./elements/booking-mount.js'), prefetchBooking);
defineLazyElement('frontdesk-stock', () => import('./elements/stock-mount.js'));
