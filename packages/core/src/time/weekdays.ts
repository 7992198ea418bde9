/**
 * @module The days of the week as the contract names them. A module of its own, free of zod, so
 * the time math (and `@frontdesk/core/time` in a browser) does not pull in the schemas.
 */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
