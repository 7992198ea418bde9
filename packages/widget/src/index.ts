/**
 * @module The public surface of @frontdesk/widget for bundlers: register the elements, or mount
 * one into a container. The script-tag build (`widget.js`) is `loader.ts`.
 */
export { type BookingOptions, defineElements, type MountedBooking, mountBooking } from './elements/define.js';
export type { MountedApp, UiModule } from './elements/lazy-element.js';
