/**
 * @module The public surface of @frontdesk/core: the wire contract and the pure engines.
 */

export * from './availability/check-start.js';
export * from './availability/compute-slots.js';
export * from './availability/types.js';
export * from './notify/mail-retry.js';
export * from './notify/reminders.js';
export * from './reports/index.js';
export * from './schemas/account.js';
export * from './schemas/agenda.js';
export * from './schemas/availability.js';
export * from './schemas/booking.js';
export * from './schemas/business.js';
export * from './schemas/common.js';
export * from './schemas/customer.js';
export * from './schemas/event.js';
export * from './schemas/event-catalogue.js';
export * from './schemas/feed.js';
export * from './schemas/key.js';
export * from './schemas/message.js';
export * from './schemas/problem.js';
export * from './schemas/reminder.js';
export * from './schemas/report.js';
export * from './schemas/resource.js';
export * from './schemas/schedule.js';
export * from './schemas/service.js';
export * from './schemas/stock.js';
export * from './schemas/stock-import.js';
export * from './schemas/webhook.js';
export * from './stock.js';
export { addDays, eachDate, weekdayOf } from './time/local-date.js';
export { offsetMinutes } from './time/zone-offsets.js';
export { instantToZoned, startOfZonedDate, type ZonedTime, zonedToInstant } from './time/zoned-time.js';
export * from './webhooks/retry-schedule.js';
