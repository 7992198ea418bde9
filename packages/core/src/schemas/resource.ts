/**
 * @module Resources: the people, rooms and equipment that a booking occupies.
 */
import * as z from 'zod/mini';
import { Id, Instant, multilineText, requiredText } from './common.js';
import { WeeklyHours } from './schedule.js';

export const ResourceKind = z.enum(['person', 'room', 'equipment']);

/** What anyone (publishable key) sees of a resource. */
export const Resource = z.object({
  id: Id,
  name: z.string(),
  kind: ResourceKind,
  description: z.string(),
  hours: WeeklyHours,
  active: z.boolean(),
  createdAt: Instant,
});
export type Resource = z.infer<typeof Resource>;

export const ResourceInput = z.strictObject({
  name: requiredText(200),
  kind: z._default(ResourceKind, 'person'),
  description: z._default(multilineText(2000), ''),
  hours: z._default(WeeklyHours, {}),
  active: z._default(z.boolean(), true),
});
export type ResourceInput = z.input<typeof ResourceInput>;

export const ResourceUpdate = z.partial(
  z.strictObject({
    name: requiredText(200),
    kind: ResourceKind,
    description: multilineText(2000),
    hours: WeeklyHours,
    active: z.boolean(),
  }),
);
export type ResourceUpdate = z.infer<typeof ResourceUpdate>;
