/**
 * @module The event log on the wire (`GET /v1/events`): what changed, when, and who did it.
 */
import * as z from 'zod/mini';
import { Id, Instant, ListQuery } from './common.js';

/**
 * Who made a change: a person signed in to the console (`user`, with their name at read time), an
 * API key (`key`: an integration, or a customer through the widget's publishable key), or the
 * server itself (`system`: the CLI, expiries).
 */
export const Actor = z.object({
  type: z.enum(['user', 'key', 'system']),
  id: z.nullable(z.string()),
  name: z.optional(z.string()),
});
export type Actor = z.infer<typeof Actor>;

export const Event = z.object({
  id: z.int(),
  type: z.string(),
  subjectId: z.string(),
  payload: z.unknown(),
  actor: Actor,
  createdAt: Instant,
});
export type Event = z.infer<typeof Event>;

export const EventListQuery = z.extend(ListQuery, {
  type: z.optional(z.string().check(z.maxLength(100))),
  /** Only the events of one thing (a booking id, a service id, …). */
  subject: z.optional(Id),
});
export type EventListQuery = z.infer<typeof EventListQuery>;
