/**
 * @module Calendar feeds: a subscription URL for a resource's (or the whole business's) bookings.
 */
import * as z from 'zod/mini';
import { Id, Instant } from './common.js';

/** A feed just issued: `url` holds its secret token and is shown only now. */
export const CalendarFeed = z.object({
  /** `https://…/feeds/{token}.ics`: subscribe to it in Google, Apple or Outlook calendar. */
  url: z.string(),
  /** The resource whose bookings it lists; null for every booking of the business. */
  resourceId: z.nullable(Id),
  createdAt: Instant,
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;
