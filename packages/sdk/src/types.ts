/**
 * @module The wire types, derived from the zod schemas of `@frontdesk/core` (the contract) as their
 * input (`z.input`: what a call accepts, defaults optional) and output (`z.output`: what an answer
 * holds). Type-only imports: no zod code reaches a browser bundle.
 */
import type * as core from '@frontdesk/core';

/** Any zod schema: zod keeps its input and output types under `_zod` (what `z.input`/`z.output` read). */
type Schema = { _zod: { input: unknown; output: unknown } };
/** What a schema accepts, as `z.input<S>`. */
export type Input<S extends Schema> = S['_zod']['input'];
/** What a schema yields, as `z.output<S>`. */
export type Output<S extends Schema> = S['_zod']['output'];

/** One page of a list: pass `nextCursor` back as `cursor` for the next; `null` on the last page. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** An RFC 9457 problem document, as the API sends on every error. */
export type Problem = Output<typeof core.Problem>;
/** One invalid field of a `validation_failed` problem; `path` is dotted (`customer.email`). */
export type FieldError = Output<typeof core.FieldError>;
/** Stable error codes the API uses (more may be added). */
export type ErrorCode = Output<typeof core.ErrorCode>;

export type Business = Output<typeof core.Business>;
export type BusinessUpdate = Input<typeof core.BusinessUpdate>;

export type Service = Output<typeof core.Service>;
export type ServiceInput = Input<typeof core.ServiceInput>;
export type ServiceUpdate = Input<typeof core.ServiceUpdate>;
export type Question = Output<typeof core.Question>;
export type Money = Output<typeof core.Money>;

export type Resource = Output<typeof core.Resource>;
export type ResourceInput = Input<typeof core.ResourceInput>;
export type ResourceUpdate = Input<typeof core.ResourceUpdate>;
export type WeeklyHours = Input<typeof core.WeeklyHours>;
export type DateOverride = Output<typeof core.DateOverride>;
export type DateOverrideInput = Input<typeof core.DateOverrideInput>;
export type TimeOff = Output<typeof core.TimeOff>;
export type TimeOffInput = Input<typeof core.TimeOffInput>;
export type Closure = Output<typeof core.Closure>;
export type ClosureInput = Input<typeof core.ClosureInput>;

export type AvailabilityQuery = Input<typeof core.AvailabilityQuery>;
export type Availability = Output<typeof core.Availability>;
export type Slot = Output<typeof core.Slot>;

export type HoldInput = Input<typeof core.HoldInput>;
export type Hold = Output<typeof core.Hold>;
export type Customer = Input<typeof core.Customer>;
export type BookingInput = Input<typeof core.BookingInput>;
export type Booking = Output<typeof core.Booking>;
export type BookingStatus = Output<typeof core.BookingStatus>;
export type CancelInput = Input<typeof core.CancelInput>;
export type RescheduleInput = Input<typeof core.RescheduleInput>;
/** Filters of `bookings.list` (the output type: `limit` is a number, not the coerced query string). */
export type BookingListQuery = Output<typeof core.BookingListQuery>;
/** `cursor` and `limit`, accepted by every list. */
export type ListQuery = Output<typeof core.ListQuery>;

export type ApiKey = Output<typeof core.ApiKey>;
export type CreatedApiKey = Output<typeof core.CreatedApiKey>;
export type ApiKeyInput = Input<typeof core.ApiKeyInput>;

/**
 * One entry of the business's event log (`GET /v1/events`), oldest first. The contract has no
 * schema for it yet; this mirrors the API's answer. `type` is dotted (`booking.created`,
 * `key.revoked`, `stock.changed`); `payload` is the event's JSON.
 */
export interface FrontdeskEvent {
  /** Increasing number: events are ordered by it. */
  id: number;
  type: string;
  subjectId: string;
  payload: unknown;
  createdAt: string;
}

/** Filters of `events.list`: one event `type` and the usual `cursor`/`limit`. */
export type EventListQuery = ListQuery & { type?: string | undefined };
