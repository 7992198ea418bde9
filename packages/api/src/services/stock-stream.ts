/**
 * @module The live stock feed of one process: ONE polling loop over the `events` table serves every
 * stream subscriber of the process. Polling the table (rather than an in-memory bus) is what lets a
 * change written by ANOTHER API process reach this process's streams; the event id is the SSE id,
 * so a client resumes with `Last-Event-ID`. While it runs, the loop also records expired
 * reservations now and then (bookkeeping only: their units were free at `expiresAt` already).
 * A stream shows what the REST read shows: an event of a product the subscriber's key may not see
 * (inactive for a publishable key, deleted for any) is not delivered, on replay or live; the
 * product's visibility is read when the event is handed out, so hiding it stops its news at once.
 */
import type { ProductStock, StockEvent } from '@frontdesk/core';
import { sql } from 'drizzle-orm';
import { decodeEventPayload } from '../db/event-payload.js';
import type { Database, Db } from '../db/open.js';
import { toInstant } from '../time.js';
import { expireDueReservations } from './reservations.js';
import { visibleProducts } from './stock-snapshot.js';

/** Event types a stock stream carries. */
const streamedTypes = ['stock.changed', 'stock.low'] as const;

interface EventRow {
  id: number;
  business_id: string;
  type: string;
  subject_id: string;
  /** JSON text, or the compact form of a settled event (db/event-payload.ts). */
  payload: unknown;
  created_at: number;
}

export interface StockSubscriber {
  businessId: string;
  skus: ReadonlySet<string>;
  /** Secret keys see inactive products (as in `GET /v1/products/{sku}/stock`); publishable keys do not. */
  includeInactive: boolean;
  /** Receives each matching event once, in id order. */
  deliver(event: StockEvent): void;
}

export interface StockStreamOptions {
  /** How often the one loop reads new events. Default 300 ms. */
  pollMs?: number;
  /** How often the loop records expired reservations. Default 30 s. */
  expireEveryMs?: number;
  clock: () => number;
}

function toStockEvent(row: EventRow): StockEvent | undefined {
  try {
    const payload = decodeEventPayload(row.payload) as { sku: string; stock: ProductStock };
    return {
      id: String(row.id),
      type: row.type as StockEvent['type'],
      sku: payload.sku,
      stock: payload.stock,
      at: toInstant(row.created_at),
    };
  } catch {
    return undefined;
  }
}

const typeList = sql.join(
  streamedTypes.map((t) => sql`${t}`),
  sql`, `,
);

/**
 * Stock events after `afterId`, oldest first: all of them (the feed), or those of one business's
 * SKUs that are visible now (a replay; see `visibleProducts`).
 */
export async function stockEventsAfter(
  db: Db,
  afterId: number,
  filter?: { businessId: string; skus: readonly string[]; includeInactive: boolean },
  limit = 500,
): Promise<EventRow[]> {
  const scope = filter
    ? sql`AND business_id = ${filter.businessId} AND subject_id IN (
        SELECT sku FROM products
        WHERE business_id = ${filter.businessId} AND ${visibleProducts(filter.includeInactive)}
          AND sku IN (${sql.join(
            filter.skus.map((s) => sql`${s}`),
            sql`, `,
          )}))`
    : sql``;
  return db.all<EventRow>(sql`
    SELECT id, business_id, type, subject_id, payload, created_at FROM events
    WHERE id > ${afterId} AND type IN (${typeList}) ${scope}
    ORDER BY id LIMIT ${limit}`);
}

/** Whether each product is visible, keyed `business\nsku`: `active`, or absent when deleted. */
async function productStates(
  db: Db,
  wanted: ReadonlyArray<{ businessId: string; sku: string }>,
): Promise<Map<string, { active: boolean }>> {
  const states = new Map<string, { active: boolean }>();
  if (wanted.length === 0) return states;
  const businesses = [...new Set(wanted.map((w) => w.businessId))];
  const skus = [...new Set(wanted.map((w) => w.sku))];
  const rows = await db.all<{ business_id: string; sku: string; active: number }>(sql`
    SELECT business_id, sku, active FROM products
    WHERE deleted_at IS NULL
      AND business_id IN (${sql.join(
        businesses.map((b) => sql`${b}`),
        sql`, `,
      )})
      AND sku IN (${sql.join(
        skus.map((sku) => sql`${sku}`),
        sql`, `,
      )})`);
  for (const row of rows) states.set(`${row.business_id}\n${row.sku}`, { active: Boolean(row.active) });
  return states;
}

/** The newest event id: where a new subscriber without `Last-Event-ID` starts. */
export async function latestEventId(db: Db): Promise<number> {
  const [row] = await db.all<{ id: number | null }>(sql`SELECT MAX(id) AS id FROM event_rows`);
  return Number(row?.id ?? 0);
}

export class StockStreamHub {
  readonly #database: Database;
  readonly #options: Required<StockStreamOptions>;
  readonly #subscribers = new Set<StockSubscriber>();
  #position = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastExpiry = 0;
  #starting: Promise<void> | undefined;

  constructor(database: Database, options: StockStreamOptions) {
    this.#database = database;
    this.#options = { pollMs: 300, expireEveryMs: 30_000, ...options };
  }

  /** Where the feed is: the id of the newest event already handed out. */
  get position(): number {
    return this.#position;
  }

  /** Adds a subscriber; the loop runs while there is at least one. Returns the unsubscribe. */
  async subscribe(subscriber: StockSubscriber): Promise<() => void> {
    if (this.#subscribers.size === 0 && this.#timer === undefined) {
      this.#starting ??= latestEventId(this.#database.db).then((id) => {
        this.#position = Math.max(this.#position, id);
        this.#schedule();
      });
      await this.#starting;
      this.#starting = undefined;
    }
    this.#subscribers.add(subscriber);
    return () => {
      this.#subscribers.delete(subscriber);
    };
  }

  #schedule(): void {
    this.#timer = setTimeout(() => void this.#tick(), this.#options.pollMs);
    // The feed never keeps a process alive by itself (shutdown, tests).
    this.#timer.unref?.();
  }

  async #tick(): Promise<void> {
    if (this.#subscribers.size === 0) {
      this.#timer = undefined;
      return;
    }
    try {
      const rows = await stockEventsAfter(this.#database.db, this.#position);
      const batch = rows.map((row) => {
        const event = toStockEvent(row);
        const to = event
          ? [...this.#subscribers].filter((s) => s.businessId === row.business_id && s.skus.has(event.sku))
          : [];
        return { row, event, to };
      });
      // One query for the visibility of every product someone waits news of, read before anything
      // is handed out (a failure here is retried whole on the next tick). Who subscribes meanwhile
      // has these changes in its connect snapshot or replay already.
      const states = await productStates(
        this.#database.db,
        batch.flatMap(({ row, event, to }) =>
          event && to.length > 0 ? [{ businessId: row.business_id, sku: event.sku }] : [],
        ),
      );
      for (const { row, event, to } of batch) {
        this.#position = row.id;
        if (!event) continue;
        const state = states.get(`${row.business_id}\n${event.sku}`);
        if (!state) continue;
        for (const s of to) {
          if ((state.active || s.includeInactive) && this.#subscribers.has(s)) s.deliver(event);
        }
      }
      const now = this.#options.clock();
      if (now - this.#lastExpiry >= this.#options.expireEveryMs) {
        this.#lastExpiry = now;
        await this.#database.write((tx) => expireDueReservations(tx, now));
      }
    } catch {
      // A failed poll (database busy, closing) is retried on the next tick; nothing is skipped,
      // because the position only moves past events that were handed out.
    }
    this.#schedule();
  }
}

const hubs = new WeakMap<Database, StockStreamHub>();

/** The one hub of a database handle (so of a process, for the app built on it). */
export function stockStreamHub(database: Database, clock: () => number): StockStreamHub {
  let hub = hubs.get(database);
  if (!hub) {
    hub = new StockStreamHub(database, { clock });
    hubs.set(database, hub);
  }
  return hub;
}

export { toStockEvent };
