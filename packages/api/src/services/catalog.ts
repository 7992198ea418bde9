/**
 * @module Services (what customers book): create, read, update, delete, with their eligible
 * resources kept in `service_resources`. Deleting one with upcoming bookings is a 409.
 */
import {
  longestServiceMinutes,
  type Question,
  type Service,
  type ServiceInput,
  type ServiceUpdate,
} from '@frontdesk/core';
import { and, asc, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import type * as z from 'zod/mini';
import type { Db } from '../db/open.js';
import { bookings, serviceResources, services } from '../db/schema.js';
import { invalidState, notFound, validationFailed } from '../errors.js';
import { newId } from '../ids.js';
import { toInstant } from '../time.js';
import { appendEvent } from './events.js';
import { decodeCursor, type Page, pageOf } from './pagination.js';
import { unknownResourceIds } from './resources.js';

export type ServiceRow = typeof services.$inferSelect;

export function serviceToWire(row: ServiceRow, resourceIds: string[]): Service {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    durationMinutes: row.durationMinutes,
    bufferBeforeMinutes: row.bufferBeforeMinutes,
    bufferAfterMinutes: row.bufferAfterMinutes,
    slotIntervalMinutes: row.slotIntervalMinutes,
    minNoticeMinutes: row.minNoticeMinutes,
    horizonDays: row.horizonDays,
    capacity: row.capacity,
    resourceIds,
    price:
      row.priceAmount !== null && row.priceCurrency !== null
        ? { amount: row.priceAmount, currency: row.priceCurrency }
        : null,
    requiresConfirmation: row.requiresConfirmation,
    cancellationCutoffMinutes: row.cancellationCutoffMinutes,
    rescheduleCutoffMinutes: row.rescheduleCutoffMinutes,
    questions: row.questions as Question[],
    reminders: row.reminders,
    active: row.active,
    createdAt: toInstant(row.createdAt),
  };
}

/** Eligible resource ids per service, in their given order: one query for any number of services. */
async function resourceIdsOf(db: Db, serviceIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(serviceIds.map((id) => [id, []]));
  if (serviceIds.length === 0) return map;
  const rows = await db
    .select()
    .from(serviceResources)
    .where(inArray(serviceResources.serviceId, serviceIds))
    .orderBy(asc(serviceResources.serviceId), asc(serviceResources.position));
  for (const row of rows) map.get(row.serviceId)?.push(row.resourceId);
  return map;
}

/** A live (not deleted) service of this business with its resources, or 404. */
export async function getService(
  db: Db,
  businessId: string,
  id: string,
): Promise<{ row: ServiceRow; wire: Service }> {
  const [row] = await db
    .select()
    .from(services)
    .where(and(eq(services.businessId, businessId), eq(services.id, id), isNull(services.deletedAt)));
  if (!row) throw notFound('Service');
  const ids = (await resourceIdsOf(db, [id])).get(id) ?? [];
  return { row, wire: serviceToWire(row, ids) };
}

export async function listServices(
  db: Db,
  businessId: string,
  options: { cursor?: string | undefined; limit?: number | undefined; activeOnly: boolean },
): Promise<Page<Service>> {
  const limit = options.limit ?? 50;
  const after = decodeCursor(options.cursor);
  const rows = await db
    .select()
    .from(services)
    .where(
      and(
        eq(services.businessId, businessId),
        isNull(services.deletedAt),
        options.activeOnly ? eq(services.active, true) : undefined,
        after ? gt(services.id, after) : undefined,
      ),
    )
    .orderBy(services.id)
    .limit(limit + 1);
  const ids = await resourceIdsOf(
    db,
    rows.slice(0, limit).map((r) => r.id),
  );
  return pageOf(rows, limit, (row) => serviceToWire(row, ids.get(row.id) ?? []));
}

async function checkResources(db: Db, businessId: string, resourceIds: string[]): Promise<void> {
  const unknown = await unknownResourceIds(db, businessId, resourceIds);
  if (unknown.length > 0) {
    throw validationFailed(
      unknown.map((id) => ({
        path: `resourceIds.${resourceIds.indexOf(id)}`,
        message: `Unknown resource ${id}`,
        code: 'unknown_resource',
      })),
    );
  }
}

function checkQuestions(questions: readonly Question[]): void {
  const errors = questions.flatMap((q, i) => {
    const out = [];
    if (q.type === 'select' && (!q.options || q.options.length === 0)) {
      out.push({
        path: `questions.${i}.options`,
        message: 'A select question needs options',
        code: 'required',
      });
    }
    if (questions.findIndex((other) => other.id === q.id) !== i) {
      out.push({ path: `questions.${i}.id`, message: 'Question ids must be unique', code: 'duplicate' });
    }
    return out;
  });
  if (errors.length > 0) throw validationFailed(errors);
}

async function setResources(tx: Db, serviceId: string, resourceIds: string[]): Promise<void> {
  await tx.delete(serviceResources).where(eq(serviceResources.serviceId, serviceId));
  const unique = [...new Set(resourceIds)];
  if (unique.length > 0) {
    await tx
      .insert(serviceResources)
      .values(unique.map((resourceId, position) => ({ serviceId, resourceId, position })));
  }
}

/** A parsed `ServiceInput`; `reminders` may be left out (the business's default applies). */
export type ServiceInputData = Omit<z.output<typeof ServiceInput>, 'reminders'> & {
  reminders?: z.output<typeof ServiceInput>['reminders'];
};

export async function createService(
  tx: Db,
  businessId: string,
  input: ServiceInputData,
  now: number,
): Promise<Service> {
  await checkResources(tx, businessId, input.resourceIds);
  checkQuestions(input.questions);
  const row: ServiceRow = {
    id: newId('svc', now),
    businessId,
    name: input.name,
    description: input.description,
    durationMinutes: input.durationMinutes,
    bufferBeforeMinutes: input.bufferBeforeMinutes,
    bufferAfterMinutes: input.bufferAfterMinutes,
    slotIntervalMinutes: input.slotIntervalMinutes ?? input.durationMinutes,
    minNoticeMinutes: input.minNoticeMinutes,
    horizonDays: input.horizonDays,
    capacity: input.capacity,
    priceAmount: input.price?.amount ?? null,
    priceCurrency: input.price?.currency ?? null,
    requiresConfirmation: input.requiresConfirmation,
    cancellationCutoffMinutes: input.cancellationCutoffMinutes,
    rescheduleCutoffMinutes: input.rescheduleCutoffMinutes,
    questions: input.questions,
    reminders: input.reminders ?? null,
    active: input.active,
    deletedAt: null,
    createdAt: now,
  };
  await tx.insert(services).values(row);
  await setResources(tx, row.id, input.resourceIds);
  const wire = serviceToWire(row, [...new Set(input.resourceIds)]);
  await appendEvent(tx, { businessId, type: 'service.created', subjectId: row.id, payload: wire, now });
  return wire;
}

export async function updateService(
  tx: Db,
  businessId: string,
  id: string,
  patch: ServiceUpdate,
  now: number,
): Promise<Service> {
  const { row, wire: before } = await getService(tx, businessId, id);
  if (patch.resourceIds) await checkResources(tx, businessId, patch.resourceIds);
  if (patch.questions) checkQuestions(patch.questions);
  const { resourceIds, price, ...fields } = patch;
  const next: ServiceRow = {
    ...row,
    ...fields,
    ...(price !== undefined
      ? { priceAmount: price?.amount ?? null, priceCurrency: price?.currency ?? null }
      : {}),
  };
  const { id: _id, businessId: _b, createdAt: _c, deletedAt: _d, ...columns } = next;
  await tx.update(services).set(columns).where(eq(services.id, id));
  if (resourceIds) await setResources(tx, id, resourceIds);
  const wire = serviceToWire(next, resourceIds ? [...new Set(resourceIds)] : before.resourceIds);
  await appendEvent(tx, { businessId, type: 'service.updated', subjectId: id, payload: wire, now });
  return wire;
}

export async function deleteService(tx: Db, businessId: string, id: string, now: number): Promise<void> {
  await getService(tx, businessId, id);
  // Through the business's bookings by start (bookings_business_report, which holds the service,
  // end and status too): one still running began at most the longest service ago. A rare call
  // reads the business's upcoming bookings, and no index by service is kept for it on every booking.
  const [upcoming] = await tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.businessId, businessId),
        gt(bookings.start, now - longestServiceMinutes * 60_000),
        eq(bookings.serviceId, id),
        gt(bookings.end, now),
        ne(bookings.status, 'cancelled'),
      ),
    )
    .limit(1);
  if (upcoming) {
    throw invalidState(
      'This service has upcoming bookings: deactivate it (active: false) or cancel them first',
    );
  }
  await tx.update(services).set({ deletedAt: now, active: false }).where(eq(services.id, id));
  await appendEvent(tx, { businessId, type: 'service.deleted', subjectId: id, payload: { id }, now });
}
