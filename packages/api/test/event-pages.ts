/**
 * @module Reading the whole event log through `GET /v1/events`, page after page, as a client does:
 * shared by the tests that change how the log is stored (compaction) or how long it keeps what
 * (retention) and must show the client reads the same.
 */
import { call } from './fixtures.js';
import type { TestApp } from './helpers.js';

/** An event as the API answers it (the fields these tests look at, and every other one). */
export type ListedEvent = { id: number; type: string; subjectId: string } & Record<string, unknown>;

interface EventPage {
  data: ListedEvent[];
  nextCursor: string | null;
}

/** Every event of the business, oldest first, read `limit` at a time. */
export async function allEvents(app: TestApp, limit: number): Promise<ListedEvent[]> {
  const out: ListedEvent[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `/v1/events?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const page: EventPage = (await call<EventPage>(app, 'GET', query)).body;
    out.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
