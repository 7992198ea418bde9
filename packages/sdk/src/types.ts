/**
 * @module The wire types, derived from the zod schemas of `@frontdesk/core` (the contract) as their
 * input (`z.input`: what a call accepts, defaults optional) and output (`z.output`: what an answer
 * holds). Type-only imports: no zod code reaches a browser bundle. Dates (`YYYY-MM-DD`) and instants
 * (ISO-8601 with `Z`) are strings the API accepts only in the years 1970 to 2100; text fields refuse
 * control characters but tab (line breaks too in notes, answers, descriptions and addresses).
 */
import type * as core from '@frontdesk/core';

/** Any zod schema: zod keeps its input and output types under `_zod` (what `z.input`/`z.output` read). */
type Schema = { _zod: { input: unknown; output: unknown } };
/**
 * What a schema accepts, as `z.input<S>`.
 *
 * @example
 * ```ts
 * type NewService = Input<typeof core.ServiceInput>; // defaults optional
 * ```
 */
export type Input<S extends Schema> = S['_zod']['input'];
/**
 * What a schema yields, as `z.output<S>`.
 *
 * @example
 * ```ts
 * type Service = Output<typeof core.Service>;
 * ```
 */
export type Output<S extends Schema> = S['_zod']['output'];

/**
 * One page of a list: pass `nextCursor` back as `cursor` for the next; `null` on the last page.
 *
 * @example
 * ```ts
 * const { data, nextCursor }: Page<Booking> = await client.bookings.list({ limit: 20 });
 * ```
 */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/**
 * An RFC 9457 problem document, as the API sends on every error.
 *
 * @example
 * ```ts
 * if (isApiError(error)) console.log(error.problem.title, error.problem.detail);
 * ```
 */
export type Problem = Output<typeof core.Problem>;
/**
 * One invalid field of a `validation_failed` problem; `path` is dotted (`customer.email`).
 *
 * @example
 * ```ts
 * if (isValidationError(error)) error.fieldErrors.forEach(({ path, message }) => show(path, message));
 * ```
 */
export type FieldError = Output<typeof core.FieldError>;
/**
 * Stable error codes the API uses (more may be added).
 *
 * @example
 * ```ts
 * const retryable: ErrorCode[] = ['rate_limited'];
 * ```
 */
export type ErrorCode = Output<typeof core.ErrorCode>;

/**
 * The business a key belongs to.
 *
 * @example
 * ```ts
 * const { timezone, currency }: Business = await client.business.get();
 * ```
 */
export type Business = Output<typeof core.Business>;
/**
 * Fields of `business.update`, all optional.
 *
 * @example
 * ```ts
 * const change: BusinessUpdate = { holdMinutes: 10 };
 * ```
 */
export type BusinessUpdate = Input<typeof core.BusinessUpdate>;

/**
 * A bookable service.
 *
 * @example
 * ```ts
 * const service: Service = await client.services.get('svc_1');
 * ```
 */
export type Service = Output<typeof core.Service>;
/**
 * What `services.create` accepts: `name`, `durationMinutes`, `resourceIds`; the rest default.
 *
 * @example
 * ```ts
 * const input: ServiceInput = { name: 'Haircut', durationMinutes: 30, resourceIds: ['res_1'] };
 * ```
 */
export type ServiceInput = Input<typeof core.ServiceInput>;
/**
 * Fields of `services.update`, all optional.
 *
 * @example
 * ```ts
 * const change: ServiceUpdate = { active: false };
 * ```
 */
export type ServiceUpdate = Input<typeof core.ServiceUpdate>;
/**
 * A custom question of a service; answers are keyed by its `id`.
 *
 * @example
 * ```ts
 * const q: Question = { id: 'allergies', label: 'Allergies?', type: 'text', required: false };
 * ```
 */
export type Question = Output<typeof core.Question>;
/**
 * Money in minor units (cents).
 *
 * @example
 * ```ts
 * const price: Money = { amount: 2500, currency: 'EUR' }; // €25.00
 * ```
 */
export type Money = Output<typeof core.Money>;

/**
 * A person, room or piece of equipment.
 *
 * @example
 * ```ts
 * const { hours }: Resource = await client.resources.get('res_1');
 * ```
 */
export type Resource = Output<typeof core.Resource>;
/**
 * What `resources.create` accepts.
 *
 * @example
 * ```ts
 * const input: ResourceInput = { name: 'Ana', hours: { mon: [{ start: '09:00', end: '17:00' }] } };
 * ```
 */
export type ResourceInput = Input<typeof core.ResourceInput>;
/**
 * Fields of `resources.update`, all optional.
 *
 * @example
 * ```ts
 * const change: ResourceUpdate = { active: false };
 * ```
 */
export type ResourceUpdate = Input<typeof core.ResourceUpdate>;
/**
 * Working intervals per weekday in the business's zone; a missing day is closed.
 *
 * @example
 * ```ts
 * const hours: WeeklyHours = { sat: [{ start: '10:00', end: '14:00' }] };
 * ```
 */
export type WeeklyHours = Input<typeof core.WeeklyHours>;
/**
 * Special hours of a resource on one date.
 *
 * @example
 * ```ts
 * const { date, intervals }: DateOverride = await client.resources.overrides.create('res_1', { date: '2026-03-07', intervals: [] });
 * ```
 */
export type DateOverride = Output<typeof core.DateOverride>;
/**
 * What `resources.overrides.create` accepts; empty `intervals` = closed.
 *
 * @example
 * ```ts
 * const closed: DateOverrideInput = { date: '2026-03-07', intervals: [] };
 * ```
 */
export type DateOverrideInput = Input<typeof core.DateOverrideInput>;
/**
 * A resource away between two instants.
 *
 * @example
 * ```ts
 * const off: TimeOff = await client.resources.timeOff.create('res_1', { start, end });
 * ```
 */
export type TimeOff = Output<typeof core.TimeOff>;
/**
 * What `resources.timeOff.create` accepts.
 *
 * @example
 * ```ts
 * const off: TimeOffInput = { start: '2026-08-01T00:00:00Z', end: '2026-08-15T00:00:00Z', reason: 'Holiday' };
 * ```
 */
export type TimeOffInput = Input<typeof core.TimeOffInput>;
/**
 * A business-wide closure over whole dates.
 *
 * @example
 * ```ts
 * const { data }: Page<Closure> = await client.closures.list();
 * ```
 */
export type Closure = Output<typeof core.Closure>;
/**
 * What `closures.create` accepts (dates inclusive, from 1970-01-01 to 2100-12-31).
 *
 * @example
 * ```ts
 * const xmas: ClosureInput = { startDate: '2026-12-25', endDate: '2026-12-26' };
 * ```
 */
export type ClosureInput = Input<typeof core.ClosureInput>;

/**
 * What `availability.get` accepts: dates in the business's zone, at most 92 days, from 1970-01-01 to
 * 2100-12-31. `ignoreBookingWindow` (business only) also offers starts inside the notice and past
 * the horizon.
 *
 * @example
 * ```ts
 * const query: AvailabilityQuery = { service: 'svc_1', from: '2026-03-02', to: '2026-03-08' };
 * ```
 */
export type AvailabilityQuery = Omit<Input<typeof core.AvailabilityQuery>, 'ignoreBookingWindow'> & {
  ignoreBookingWindow?: boolean | undefined;
};
/**
 * Free start times of a service.
 *
 * @example
 * ```ts
 * const { timezone, slots }: Availability = await client.availability.get(query);
 * ```
 */
export type Availability = Output<typeof core.Availability>;
/**
 * One bookable start: UTC `start`/`end`, `remaining` seats, the resources offering it.
 *
 * @example
 * ```ts
 * const slot: Slot | undefined = (await client.availability.get(query)).slots[0];
 * ```
 */
export type Slot = Output<typeof core.Slot>;

/**
 * What `holds.create` accepts.
 *
 * @example
 * ```ts
 * const input: HoldInput = { service: 'svc_1', start: slot.start };
 * ```
 */
export type HoldInput = Input<typeof core.HoldInput>;
/**
 * A slot kept until `expiresAt`.
 *
 * @example
 * ```ts
 * const { id, expiresAt }: Hold = await client.holds.create({ service: 'svc_1', start: slot.start });
 * ```
 */
export type Hold = Output<typeof core.Hold>;
/**
 * Who books: name and email required, phone optional.
 *
 * @example
 * ```ts
 * const customer: Customer = { name: 'Ana Silva', email: 'ana@example.com' };
 * ```
 */
export type Customer = Input<typeof core.Customer>;
/**
 * What `bookings.create` accepts.
 *
 * @example
 * ```ts
 * const input: BookingInput = { service: 'svc_1', start: slot.start, customer };
 * ```
 */
export type BookingInput = Input<typeof core.BookingInput>;
/**
 * A booking as the API answers it (`manageToken` only on creation and to secret keys).
 *
 * @example
 * ```ts
 * const booking: Booking = await client.bookings.get(id, { token });
 * ```
 */
export type Booking = Output<typeof core.Booking>;
/**
 * `pending` (awaits confirmation), `confirmed` or `cancelled`.
 *
 * @example
 * ```ts
 * const open: BookingStatus[] = ['pending', 'confirmed'];
 * ```
 */
export type BookingStatus = Output<typeof core.BookingStatus>;
/**
 * What `bookings.cancel`/`decline` accept.
 *
 * @example
 * ```ts
 * const input: CancelInput = { reason: 'Cannot make it' };
 * ```
 */
export type CancelInput = Input<typeof core.CancelInput>;
/**
 * What `bookings.reschedule` accepts.
 *
 * @example
 * ```ts
 * const input: RescheduleInput = { start: otherSlot.start };
 * ```
 */
export type RescheduleInput = Input<typeof core.RescheduleInput>;
/**
 * Filters of `bookings.list` (the output type: `limit` is a number, not the coerced query string);
 * `from`/`to` are dates from 1970-01-01 to 2100-12-31.
 *
 * @example
 * ```ts
 * const filters: BookingListQuery = { status: 'pending', from: '2026-03-01', limit: 50 };
 * ```
 */
export type BookingListQuery = Output<typeof core.BookingListQuery>;
/**
 * `cursor` and `limit`, accepted by every list.
 *
 * @example
 * ```ts
 * const query: ListQuery = { limit: 100 };
 * ```
 */
export type ListQuery = Output<typeof core.ListQuery>;

/**
 * An API key as listed (never its secret).
 *
 * @example
 * ```ts
 * const keys: ApiKey[] = (await client.keys.list()).data;
 * ```
 */
export type ApiKey = Output<typeof core.ApiKey>;
/**
 * A new key: `secret` is the key itself, shown only in this answer.
 *
 * @example
 * ```ts
 * const { secret }: CreatedApiKey = await client.keys.create({ kind: 'secret' });
 * ```
 */
export type CreatedApiKey = Output<typeof core.CreatedApiKey>;
/**
 * What `keys.create` accepts.
 *
 * @example
 * ```ts
 * const input: ApiKeyInput = { kind: 'publishable', allowedOrigins: ['https://shop.example'] };
 * ```
 */
export type ApiKeyInput = Input<typeof core.ApiKeyInput>;

/**
 * Who made a change: a console user (with their name), an API key, or the server itself.
 *
 * @example
 * ```ts
 * const who = event.actor.type === 'user' ? event.actor.name : event.actor.type;
 * ```
 */
export type Actor = Output<typeof core.Actor>;

/**
 * One entry of the business's event log (`GET /v1/events`), oldest first. `type` is dotted
 * (`booking.created`, `key.revoked`, `stock.changed`); `payload` is the event's JSON; `actor` says
 * who made the change.
 *
 * @example
 * ```ts
 * for await (const event of client.events.list()) if (event.type === 'booking.created') sync(event.subjectId);
 * ```
 */
export type FrontdeskEvent = Output<typeof core.Event>;

/**
 * Filters of `events.list`: one event `type`, one `subject` (a booking id, …), and the usual
 * `cursor`/`limit`.
 *
 * @example
 * ```ts
 * const query: EventListQuery = { type: 'booking.cancelled', limit: 100 };
 * ```
 */
export type EventListQuery = ListQuery & { type?: string | undefined; subject?: string | undefined };

/**
 * A calendar feed just issued: its `url` holds the secret token and is answered this once only.
 *
 * @example
 * ```ts
 * const { url }: CalendarFeed = await client.feeds.issue('res_1');
 * ```
 */
export type CalendarFeed = Output<typeof core.CalendarFeed>;
/**
 * A calendar feed as `feeds.list` shows it: scope, when issued, when revoked; never its URL.
 *
 * @example
 * ```ts
 * const live = (await client.feeds.list()).data.filter((f: CalendarFeedSummary) => !f.revokedAt);
 * ```
 */
export type CalendarFeedSummary = Output<typeof core.CalendarFeedSummary>;
/**
 * A message (mail) with its status and rendered preview (`subject`, `text`, `html`).
 *
 * @example
 * ```ts
 * const failed = (await client.messages.list({ status: 'failed' })).data.map((m: Message) => m.to.email);
 * ```
 */
export type Message = Output<typeof core.Message>;
/**
 * Filters of `messages.list`: `status`, `kind`, `booking`, `order` and the usual `cursor`/`limit`.
 *
 * @example
 * ```ts
 * const query: MessageListQuery = { status: 'not_sent', order: 'newest', limit: 20 };
 * ```
 */
export type MessageListQuery = Output<typeof core.MessageListQuery>;

/**
 * A person who signs in to the console: `owner` or `staff` (linked to resources).
 *
 * @example
 * ```ts
 * const staff = (await console.users.list()).data.filter((u: User) => u.role === 'staff');
 * ```
 */
export type User = Output<typeof core.User>;
/**
 * Inviting someone: `email`, and optionally `name`, `role` (default staff), `resourceIds`.
 *
 * @example
 * ```ts
 * const input: UserInput = { email: 'ana@salon.example', role: 'staff', resourceIds: ['res_1'] };
 * ```
 */
export type UserInput = Input<typeof core.UserInput>;
/**
 * Fields of `users.update`, all optional.
 *
 * @example
 * ```ts
 * const change: UserUpdate = { role: 'owner' };
 * ```
 */
export type UserUpdate = Input<typeof core.UserUpdate>;
/**
 * An invited person with their one-time link (`invitation.url`), to hand over when no mail is set up.
 *
 * @example
 * ```ts
 * const { invitation }: InvitedUser = await console.users.invite({ email: 'ana@salon.example' });
 * ```
 */
export type InvitedUser = Output<typeof core.InvitedUser>;
/**
 * What a set-up link or invitation is for.
 *
 * @example
 * ```ts
 * const { email, businessName }: InvitationInfo = await console.invitations.lookup(token);
 * ```
 */
export type InvitationInfo = Output<typeof core.InvitationInfo>;
/**
 * The signed-in person, their business, and when the session ends.
 *
 * @example
 * ```ts
 * const { user, business }: SessionInfo = await console.session.current();
 * ```
 */
export type SessionInfo = Output<typeof core.SessionInfo>;
/**
 * Changing one's password: the current one and the new one (10 characters or more).
 *
 * @example
 * ```ts
 * const input: PasswordChangeInput = { currentPassword: old, newPassword: fresh };
 * ```
 */
export type PasswordChangeInput = Input<typeof core.PasswordChangeInput>;
/**
 * The agenda between two dates: resources (columns), bookings, holds, time off, overrides, closures.
 *
 * @example
 * ```ts
 * const { bookings }: Agenda = await console.agenda.get({ from: '2026-03-02', to: '2026-03-08' });
 * ```
 */
export type Agenda = Output<typeof core.Agenda>;
/**
 * The agenda's range (dates in the business's zone, at most 31 days) and an optional resource.
 *
 * @example
 * ```ts
 * const query: AgendaQuery = { from: '2026-03-02', to: '2026-03-02', resource: 'res_1' };
 * ```
 */
export type AgendaQuery = Input<typeof core.AgendaQuery>;

/**
 * A webhook endpoint as listed and read (never its secret).
 *
 * @example
 * ```ts
 * const endpoints: WebhookEndpoint[] = (await hooks.webhookEndpoints.list()).data;
 * ```
 */
export type WebhookEndpoint = Output<typeof core.WebhookEndpoint>;
/**
 * An endpoint with its signing `secret` (`whsec_…`): the answer of `create` and `rotateSecret` only.
 *
 * @example
 * ```ts
 * const { secret }: WebhookEndpointWithSecret = await hooks.webhookEndpoints.create({ url });
 * ```
 */
export type WebhookEndpointWithSecret = Output<typeof core.WebhookEndpointWithSecret>;
/**
 * What `webhookEndpoints.create` accepts.
 *
 * @example
 * ```ts
 * const input: WebhookEndpointInput = { url: 'https://crm.example/hooks', events: ['booking.*'] };
 * ```
 */
export type WebhookEndpointInput = Input<typeof core.WebhookEndpointInput>;
/**
 * What `webhookEndpoints.update` accepts.
 *
 * @example
 * ```ts
 * const change: WebhookEndpointUpdate = { active: true };
 * ```
 */
export type WebhookEndpointUpdate = Input<typeof core.WebhookEndpointUpdate>;
/**
 * One event on its way to one endpoint, with every attempt.
 *
 * @example
 * ```ts
 * const failed: WebhookDelivery[] = (await hooks.webhookEndpoints.deliveries(id, { status: 'failed' })).data;
 * ```
 */
export type WebhookDelivery = Output<typeof core.WebhookDelivery>;
/**
 * Filters of `webhookEndpoints.deliveries`.
 *
 * @example
 * ```ts
 * const query: WebhookDeliveryListQuery = { status: 'pending' };
 * ```
 */
export type WebhookDeliveryListQuery = Output<typeof core.WebhookDeliveryListQuery>;
/**
 * What `webhookEndpoints.replay` accepts: an instant or an event id (`evt_…`), inclusive.
 *
 * @example
 * ```ts
 * const since: WebhookReplayInput = { since: '2026-03-02T08:00:00Z' };
 * ```
 */
export type WebhookReplayInput = Input<typeof core.WebhookReplayInput>;
/**
 * How many deliveries a replay queued (and where to go on if it stopped at its cap).
 *
 * @example
 * ```ts
 * const { queued }: WebhookReplayResult = await hooks.webhookEndpoints.replay(id, { since });
 * ```
 */
export type WebhookReplayResult = Output<typeof core.WebhookReplayResult>;
