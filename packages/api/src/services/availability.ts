/**
 * @module Availability answers (`GET /availability`, with a short answer cache validated by version
 * stamps) and the authoritative start check that bookings, holds and reschedules run inside their
 * write transaction. The data comes from `slot-context.ts`.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  type Availability,
  type ComputedSlot,
  checkStart,
  computeSlots,
  type ResourceOpening,
} from '@frontdesk/core';
import type { Db } from '../db/open.js';
import { toInstant } from '../time.js';
import { availabilityJson, slotToWire } from './availability-json.js';
import type { ServiceRow } from './catalog.js';
import { type BusinessRow, readBusiness } from './catalog-cache.js';
import type { RowLogger } from './catalog-rows.js';
import { loadSlotContext, type OccupancyExclusions } from './slot-context.js';

export type { OccupancyExclusions } from './slot-context.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * Answers reused for a moment when nothing changed. Keyed by the question; valid while the
 * business's catalog and occupancy versions (read fresh, so a booking made through ANY process
 * invalidates at once) are the same and for at most `ANSWER_TTL_MS`, since time alone also changes
 * the answer (notice window, holds expiring). A start offered a moment too long is still re-checked
 * when booked; this only spares identical widget loads from recomputing.
 */
const ANSWER_TTL_MS = 2000;
const MAX_ANSWERS = 1000;
interface CachedAnswer {
  catalog: string;
  occupancy: string;
  at: number;
  timezone: string;
  /** The engine's slots; the wire objects are built only if asked for (`getAvailability`). */
  slots: ComputedSlot[];
  /** The question (the cache key): part of the tag, so equal bytes of two questions differ. */
  key: string;
  /** The answer encoded once: repeated identical requests skip writing the JSON and hashing it. */
  encoded?: EncodedAvailability;
}
/** Per database handle, like the catalog and key caches. */
const caches = new WeakMap<Db, Map<string, CachedAnswer>>();
/**
 * Questions asked once (the question → when), per database handle: an answer is kept only when
 * its question comes a second time within `ANSWER_TTL_MS`. Most questions are asked once (a
 * visitor's week); keeping each of their answers for two seconds made the garbage collector copy
 * and promote ~13 KB and ~200 objects per request, for nothing.
 */
const askedOnce = new WeakMap<Db, Map<string, number>>();
const MAX_ASKED = 10_000;

/** Whether `key` was asked within the answer's lifetime before; remembers this ask if not. */
function askedBefore(db: Db, key: string, now: number): boolean {
  let asked = askedOnce.get(db);
  if (!asked) {
    asked = new Map();
    askedOnce.set(db, asked);
  }
  const at = asked.get(key);
  if (at !== undefined && now >= at && now - at < ANSWER_TTL_MS) return true;
  if (asked.size >= MAX_ASKED) asked.clear();
  asked.set(key, now);
  return false;
}

/** An answer as sent: its JSON, and a tag naming exactly these bytes for this question. */
export interface EncodedAvailability {
  /**
   * The JSON as text the first time (Node encodes it while writing: a `Buffer` of it cost ~70 µs
   * of an uncached answer, most of it the allocator and the garbage collector), then, from the
   * first time the cache answers it again, its UTF-8 bytes, encoded once for all the repeats.
   */
  body: string | Uint8Array<ArrayBuffer>;
  /** base64url of SHA-256 over the question and the body's UTF-8: changes whenever either does. */
  tag: string;
  /** The body gzipped, made the first time a client that accepts gzip asks (`gzippedBody`). */
  gzip?: Uint8Array<ArrayBuffer>;
}

/**
 * The answer's body gzipped, kept with it: a cached answer is compressed once for every browser
 * that asks again. The demo's haircut (its slots repeat one shape): a week's 10.8 KB answer is
 * 783 B gzipped, a month's 60.5 KB is 3.5 KB, which on a slow phone link is most of its transfer
 * time. Level 1: on 55 KB of slot JSON it took ~150 µs against ~190 µs at the default level.
 */
export function gzippedBody(encoded: EncodedAvailability): Uint8Array<ArrayBuffer> {
  encoded.gzip ??= new Uint8Array(gzipSync(encoded.body, { level: 1 }));
  return encoded.gzip;
}

/** `GET /availability`: offered starts between two dates of the business's zone. */
export async function getAvailability(
  db: Db,
  q: AvailabilityRequest,
  fresh?: BusinessRow,
): Promise<Availability> {
  const answer = await answerFor(db, q, fresh);
  return { timezone: answer.timezone, slots: answer.slots.map(slotToWire) };
}

/** The same answer as bytes with their tag, built once per cached answer. */
export async function getEncodedAvailability(
  db: Db,
  q: AvailabilityRequest,
  fresh?: BusinessRow,
): Promise<EncodedAvailability> {
  const answer = await answerFor(db, q, fresh);
  const encoded = answer.encoded;
  if (encoded === undefined) {
    const body = availabilityJson(answer.timezone, answer.slots);
    const tag = createHash('sha256').update(answer.key).update('\n').update(body).digest('base64url');
    answer.encoded = { body, tag: tag.slice(0, 27) };
    return answer.encoded;
  }
  if (typeof encoded.body === 'string') encoded.body = Buffer.from(encoded.body);
  return encoded;
}

export interface AvailabilityRequest {
  businessId: string;
  serviceId: string;
  resourceId?: string | undefined;
  from: string;
  to: string;
  now: number;
  includeInactive: boolean;
  /** Business only: ignore the service's minimum notice and horizon. */
  ignoreBookingWindow?: boolean | undefined;
  /** Where stored rows the engine cannot use are reported. */
  logger: RowLogger;
}

async function answerFor(db: Db, q: AvailabilityRequest, fresh?: BusinessRow): Promise<CachedAnswer> {
  const business = fresh?.id === q.businessId ? fresh : await readBusiness(db, q.businessId);
  const key = `${q.businessId}|${q.serviceId}|${q.resourceId ?? ''}|${q.from}|${q.to}|${q.includeInactive}|${q.ignoreBookingWindow === true}`;
  let answers = caches.get(db);
  if (!answers) {
    answers = new Map();
    caches.set(db, answers);
  }
  const hit = answers.get(key);
  if (
    hit &&
    hit.catalog === business.catalogVersion &&
    hit.occupancy === business.occupancyVersion &&
    q.now >= hit.at &&
    q.now - hit.at < ANSWER_TTL_MS
  ) {
    return hit;
  }
  const context = await loadSlotContext(
    db,
    // Local dates span UTC-12 to UTC+14: the starts of `from..to` lie within these instants.
    { ...q, windowStart: Date.parse(q.from) - 14 * HOUR, windowEnd: Date.parse(q.to) + DAY + 12 * HOUR },
    business,
  );
  const answer: CachedAnswer = {
    catalog: business.catalogVersion,
    occupancy: business.occupancyVersion,
    at: q.now,
    key,
    timezone: context.request.timezone,
    slots: computeSlots(context.request),
  };
  if (hit !== undefined || askedBefore(db, key, q.now)) {
    if (answers.size >= MAX_ANSWERS) answers.delete(answers.keys().next().value as string);
    answers.set(key, answer);
  }
  return answer;
}

export interface StartCheck {
  service: ServiceRow;
  openings: ResourceOpening[];
  /** The occupied block a booking at this start would have. */
  block: { start: number; end: number; blockStart: number; blockEnd: number };
}

/** Whether `start` can be booked now (inside a write transaction, this is the authoritative check). */
export async function checkBookableStart(
  db: Db,
  q: {
    businessId: string;
    serviceId: string;
    resourceId?: string | undefined;
    start: number;
    now: number;
    exclude?: OccupancyExclusions;
    includeInactive: boolean;
    ignoreBookingWindow?: boolean | undefined;
    logger: RowLogger;
  },
): Promise<StartCheck> {
  const date = toInstant(q.start).slice(0, 10);
  const context = await loadSlotContext(db, {
    ...q,
    windowStart: q.start,
    windowEnd: q.start,
    from: date,
    to: date,
  });
  const { service } = context;
  const openings = checkStart(context.request, q.start, q.resourceId).filter((o) => o.remaining > 0);
  const end = q.start + service.durationMinutes * 60_000;
  return {
    service,
    openings,
    block: {
      start: q.start,
      end,
      blockStart: q.start - service.bufferBeforeMinutes * 60_000,
      blockEnd: end + service.bufferAfterMinutes * 60_000,
    },
  };
}
