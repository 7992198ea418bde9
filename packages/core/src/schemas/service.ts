/**
 * @module Services: what a customer can book, with its duration, buffers, rules and questions.
 */
import * as z from 'zod/mini';
import { Id, Instant, Money, multilineText, requiredText } from './common.js';
import { Reminders } from './reminder.js';

const reservedQuestionIds = ['__proto__', 'constructor', 'prototype'];

/** A custom question asked when booking; answers are keyed by the question's `id`. */
export const Question = z.object({
  id: z.string().check(
    z.regex(/^[a-z0-9_-]{1,40}$/, 'Expected a short slug such as "allergies"'),
    // Answers are a JSON object keyed by these ids; `__proto__` could never be answered (parsing
    // sets the prototype instead) and the others shadow members of every JS object.
    z.refine((id) => !reservedQuestionIds.includes(id), 'Reserved word; choose another id'),
  ),
  label: requiredText(200),
  type: z.enum(['text', 'textarea', 'select', 'checkbox']),
  required: z._default(z.boolean(), false),
  options: z.optional(z.array(requiredText(100)).check(z.maxLength(50))),
});
export type Question = z.infer<typeof Question>;

const minutes = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

export const Service = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  durationMinutes: z.int(),
  bufferBeforeMinutes: z.int(),
  bufferAfterMinutes: z.int(),
  /** Step between offered start times. */
  slotIntervalMinutes: z.int(),
  /** No start sooner than this after now. */
  minNoticeMinutes: z.int(),
  /** No start later than this many days after now. */
  horizonDays: z.int(),
  /** Seats per start time on one resource; 1 = a private appointment. */
  capacity: z.int(),
  /** The booking takes any one of these resources. */
  resourceIds: z.array(Id),
  price: z.nullable(Money),
  requiresConfirmation: z.boolean(),
  /** Customers may cancel up to this many minutes before the start. */
  cancellationCutoffMinutes: z.int(),
  /** Customers may reschedule up to this many minutes before the start. */
  rescheduleCutoffMinutes: z.int(),
  questions: z.array(Question),
  /** Reminders for this service; null = the business's default list, `[]` = none. */
  reminders: z.nullable(Reminders),
  active: z.boolean(),
  createdAt: Instant,
});
export type Service = z.infer<typeof Service>;

/** The longest a service (so a booking) lasts: the API relies on it to find bookings still running. */
export const longestServiceMinutes = 24 * 60;

const serviceFields = {
  name: requiredText(200),
  description: multilineText(2000),
  durationMinutes: minutes(5, longestServiceMinutes),
  bufferBeforeMinutes: minutes(0, 24 * 60),
  bufferAfterMinutes: minutes(0, 24 * 60),
  slotIntervalMinutes: minutes(5, 24 * 60),
  minNoticeMinutes: minutes(0, 365 * 24 * 60),
  horizonDays: minutes(1, 730),
  capacity: minutes(1, 1000),
  resourceIds: z.array(Id).check(z.minLength(1), z.maxLength(100)),
  price: z.nullable(Money),
  requiresConfirmation: z.boolean(),
  cancellationCutoffMinutes: minutes(0, 365 * 24 * 60),
  rescheduleCutoffMinutes: minutes(0, 365 * 24 * 60),
  questions: z.array(Question).check(z.maxLength(20)),
  reminders: z.nullable(Reminders),
  active: z.boolean(),
};

/** Creating a service: `name`, `durationMinutes` and `resourceIds` are required; the rest default. */
export const ServiceInput = z.strictObject({
  ...serviceFields,
  description: z._default(serviceFields.description, ''),
  bufferBeforeMinutes: z._default(serviceFields.bufferBeforeMinutes, 0),
  bufferAfterMinutes: z._default(serviceFields.bufferAfterMinutes, 0),
  /** Defaults to the duration. */
  slotIntervalMinutes: z.optional(serviceFields.slotIntervalMinutes),
  minNoticeMinutes: z._default(serviceFields.minNoticeMinutes, 60),
  horizonDays: z._default(serviceFields.horizonDays, 60),
  capacity: z._default(serviceFields.capacity, 1),
  price: z._default(serviceFields.price, null),
  requiresConfirmation: z._default(serviceFields.requiresConfirmation, false),
  cancellationCutoffMinutes: z._default(serviceFields.cancellationCutoffMinutes, 0),
  rescheduleCutoffMinutes: z._default(serviceFields.rescheduleCutoffMinutes, 0),
  questions: z._default(serviceFields.questions, []),
  reminders: z._default(serviceFields.reminders, null),
  active: z._default(serviceFields.active, true),
});
export type ServiceInput = z.input<typeof ServiceInput>;

export const ServiceUpdate = z.partial(z.strictObject(serviceFields));
export type ServiceUpdate = z.infer<typeof ServiceUpdate>;
