/**
 * @module `@frontdesk/core/time`: the zone math alone, without the zod contract, for browser code
 * that only needs dates and wall-clock times (the console). Re-exports only.
 */
export { addDays, eachDate, weekdayOf } from './local-date.js';
export { offsetMinutes } from './zone-offsets.js';
export { instantToZoned, startOfZonedDate, type ZonedTime, zonedToInstant } from './zoned-time.js';
