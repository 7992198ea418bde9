/**
 * @module The event log: every change others care about, written in the same transaction as the
 * change (so it is never lost nor recorded for a change that rolled back). Stock events use it too.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import { actorOf } from '../db/actor.js';
import type { Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';
import { businesses, eventNames, eventRows, events, users } from '../db/schema.js';
import { randomBase62 } from '../ids.js';
import { toInstant } from '../time.js';
import { decodeCursor, type Page, pageOf } from './pagination.js';

export interface NewEvent {
  businessId: string;
  /** Dotted name such as `booking.created`, `stock.changed`. */
  type: string;
  subjectId: string;
  payload: unknown;
  now: number;
  /** Who made the change; default: the actor of the transaction (see `db/actor.ts`). */
  actor?: string | null;
}

export interface EventRecord {
  id: number;
  type: string;
  subjectId: string;
  payload: unknown;
  actor: EventActor;
  createdAt: string;
}

export interface EventActor {
  type: 'user' | 'key' | 'system';
  id: string | null;
  name?: string;
}

/** Event types that change what availability is computed from (see `businesses.catalogVersion`). */
const catalogChange = /^(service|resource|closure|business)\./;
/**
 * Event types that change who occupies what (see `businesses.occupancyVersion`). An erased customer
 * is too: a calendar feed's cached copy names the customer of each booking.
 */
const occupancyChange = /^(booking|hold|customer)\./;

/**
 * Appends one event and answers its id; call it with the transaction that makes the change. A
 * catalog change also gives the business a new catalog version, so every process drops its cached
 * copy. Webhook endpoints pick the event up from here (see webhooks/fan-out.ts).
 */
export async function appendEvent(tx: Db, event: NewEvent): Promise<number> {
  // Random, not a counter: a version written by a transaction that rolled back can never be
  // reused by a later one, so a copy cached from uncommitted data can never look current.
  if (catalogChange.test(event.type)) {
    await bumpCatalog(tx).run({ businessId: event.businessId, version: randomBase62(16) });
  } else if (occupancyChange.test(event.type)) {
    await bumpOccupancy(tx).run({ businessId: event.businessId, version: randomBase62(16) });
  }
  const names = {
    businessId: event.businessId,
    type: event.type,
    subjectId: event.subjectId,
    actor: event.actor !== undefined ? event.actor : actorOf(tx),
  };
  await internNames(tx).run(names);
  const inserted = await insertEvent(tx).run({ ...names, payload: event.payload, createdAt: event.now });
  return Number(inserted.lastInsertRowid);
}

// Prepared once per handle: every booking, hold and stock change runs these, and building the
// SQL each time cost more than running it (see docs/benchmarks.md).
const p = (name: string) => sql.placeholder(name);

const bumpCatalog = (tx: Db) =>
  prepared(tx, 'event:catalog-version', (d) =>
    d
      .update(businesses)
      .set({ catalogVersion: sql`${p('version')}` })
      .where(eq(businesses.id, p('businessId')))
      .prepare(),
  );

const bumpOccupancy = (tx: Db) =>
  prepared(tx, 'event:occupancy-version', (d) =>
    d
      .update(businesses)
      .set({ occupancyVersion: sql`${p('version')}` })
      .where(eq(businesses.id, p('businessId')))
      .prepare(),
  );

/**
 * The event's names, each stored once. A null actor is interned as '' (one row, never matched:
 * the actor's number below is looked up by the null itself, which finds none).
 */
const internNames = (tx: Db) =>
  prepared(tx, 'event:names', (d) =>
    d
      .insert(eventNames)
      .values([
        { name: p('businessId') },
        { name: p('type') },
        { name: p('subjectId') },
        { name: sql`coalesce(${p('actor')}, '')` },
      ])
      .onConflictDoNothing()
      .prepare(),
  );

const no = (name: string) => sql`(SELECT no FROM event_names WHERE name = ${p(name)})`;

const insertEvent = (tx: Db) =>
  prepared(tx, 'event:insert', (d) =>
    d
      .insert(eventRows)
      .values({
        business: no('businessId'),
        type: no('type'),
        subject: no('subjectId'),
        payload: p('payload'),
        actor: no('actor'),
        createdAt: p('createdAt'),
      })
      .prepare(),
  );

/** What `listEvents` can narrow to. */
export interface EventFilter {
  cursor?: string | undefined;
  limit?: number | undefined;
  type?: string | undefined;
  /** Only the events about this thing (a booking id, …). */
  subject?: string | undefined;
}

/** Events after `cursor` (oldest first), optionally of one type or about one thing. */
export async function listEvents(
  db: Db,
  businessId: string,
  options: EventFilter,
): Promise<Page<EventRecord>> {
  const limit = options.limit ?? 50;
  const after = Number(decodeCursor(options.cursor) ?? 0) || 0;
  const rows = await db
    .select({
      event: {
        id: events.id,
        type: events.type,
        subjectId: events.subjectId,
        payload: events.payload,
        actor: events.actor,
        createdAt: events.createdAt,
      },
      userName: users.name,
      userEmail: users.email,
    })
    .from(events)
    // Users of this business only: an actor id can never pull in another business's row.
    .leftJoin(users, and(eq(users.id, events.actor), eq(users.businessId, events.businessId)))
    .where(
      and(
        eq(events.businessId, businessId),
        gt(events.id, after),
        options.type ? eq(events.type, options.type) : undefined,
        options.subject ? eq(events.subjectId, options.subject) : undefined,
      ),
    )
    .orderBy(events.id)
    .limit(limit + 1);
  return pageOf(
    rows.map((r) => ({ ...r.event, userName: r.userName || r.userEmail })),
    limit,
    (row) => ({
      id: row.id,
      type: row.type,
      subjectId: row.subjectId,
      payload: row.payload,
      actor: actorToWire(row.actor, row.userName),
      createdAt: toInstant(row.createdAt),
    }),
  );
}

function actorToWire(actor: string | null, userName: string | null): EventActor {
  if (actor === null) return { type: 'system', id: null };
  if (actor.startsWith('usr_')) return { type: 'user', id: actor, ...(userName ? { name: userName } : {}) };
  return { type: 'key', id: actor };
}
