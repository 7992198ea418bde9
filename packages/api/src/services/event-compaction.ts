/**
 * @module Compaction of the event log: settled events (older than an hour by default) whose payload
 * holds no free text are rewritten in the compact form of db/event-payload.ts — a booking's event
 * from about 330 bytes of JSON to about 100. Every reader decodes both forms, so nothing a client
 * sees changes; new events are still written as JSON text, so no request pays for compression.
 *
 * Like retention, it walks the log by id from where it stopped (`producer_cursors` row
 * `event-compaction`) in short write transactions and stops at the first event too young.
 */
import { sql } from 'drizzle-orm';
import { compactEventPayload } from '../db/event-payload.js';
import type { Database, Db } from '../db/open.js';

const CURSOR = 'event-compaction';
/** Default age before an event is compacted: its webhooks and streams have read it by then. */
export const defaultCompactAfterMs = 3_600_000;

export interface CompactionPass {
  /** Events rewritten compactly. */
  compacted: number;
  /** Payload bytes saved (text length minus compact length). */
  savedBytes: number;
  /** The id the walk has reached. */
  upTo: number;
  /** Whether it stopped at `maxBatches` with settled events left to look at. */
  more: boolean;
}

async function compactedUpTo(tx: Db): Promise<number> {
  const [row] = await tx.all<{ id: number }>(
    sql`SELECT event_id AS id FROM producer_cursors WHERE name = ${CURSOR}`,
  );
  return Number(row?.id ?? 0);
}

/**
 * Compacts every settled event not compacted yet, `batch` events looked at per write transaction,
 * until none is left or after `maxBatches`.
 */
export async function compactSettledEvents(
  database: Database,
  options: { now: number; compactAfterMs?: number; batch?: number; maxBatches?: number },
): Promise<CompactionPass> {
  const batch = options.batch ?? 1000;
  const settled = options.now - (options.compactAfterMs ?? defaultCompactAfterMs);
  let compacted = 0;
  let savedBytes = 0;
  for (let batches = 1; ; batches++) {
    const step = await database.write(
      async (tx) => {
        const from = await compactedUpTo(tx);
        // The stored value as it is (text or BLOB): not through the column, which would decode it.
        const rows = await tx.all<{
          id: number;
          subject_id: string;
          created_at: number;
          payload: unknown;
        }>(sql`
          SELECT id, subject_id, created_at, payload FROM events WHERE id > ${from} ORDER BY id LIMIT ${batch}`);
        let reached = from;
        let done = 0;
        let saved = 0;
        for (const row of rows) {
          if (row.created_at >= settled) break;
          reached = row.id;
          if (typeof row.payload !== 'string') continue;
          const compact = compactEventPayload(JSON.parse(row.payload), row.subject_id);
          if (!compact || compact.length >= Buffer.byteLength(row.payload)) continue;
          await tx.run(sql`UPDATE event_rows SET payload = ${compact} WHERE id = ${row.id}`);
          done++;
          saved += Buffer.byteLength(row.payload) - compact.length;
        }
        if (reached > from) {
          await tx.run(sql`
            INSERT INTO producer_cursors (name, event_id) VALUES (${CURSOR}, ${reached})
            ON CONFLICT (name) DO UPDATE SET event_id = excluded.event_id`);
        }
        return { done, saved, reached, more: rows.length === batch && reached === rows.at(-1)?.id };
      },
      // Safe to redo: a pass lost to a power cut compacts the same events again.
      { durable: false },
    );
    compacted += step.done;
    savedBytes += step.saved;
    if (!step.more || batches >= (options.maxBatches ?? Number.POSITIVE_INFINITY)) {
      return { compacted, savedBytes, upTo: step.reached, more: step.more };
    }
  }
}
