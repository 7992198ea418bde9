/**
 * @module Reminders: how long before a booking's start the customer is reminded. The business sets
 * a default list; a service may override it (`[]` = no reminders for that service).
 */
import * as z from 'zod/mini';

/** Reminders are sent at least 5 minutes and at most 30 days before the start. */
export const reminderOffsetRange = { min: 5, max: 30 * 24 * 60 } as const;

export const Reminder = z.strictObject({
  /** Minutes before the start, e.g. 1440 for "a day before". */
  offsetMinutes: z.int().check(z.gte(reminderOffsetRange.min), z.lte(reminderOffsetRange.max)),
});
export type Reminder = z.infer<typeof Reminder>;

/** Up to 3 reminders, each at a different offset. */
export const Reminders = z.array(Reminder).check(
  z.maxLength(3),
  z.refine(
    (list) => new Set(list.map((r) => r.offsetMinutes)).size === list.length,
    'Each reminder needs a different offsetMinutes',
  ),
);
export type Reminders = z.infer<typeof Reminders>;

/** What a business starts with: one reminder a day before. */
export const defaultReminders: Reminders = [{ offsetMinutes: 24 * 60 }];
