/**
 * @module The business's wall clock inside SQL. SQLite knows no time zones, so the few runs of
 * constant UTC offset that a report's span falls into (`offsetSegments` from core, exact across DST
 * changes) become one `CASE`; integer arithmetic on the result gives the local day, weekday and hour.
 */
import type { OffsetSegment } from '@frontdesk/core';
import { type SQL, sql } from 'drizzle-orm';

const MS_PER_MINUTE = 60_000;

/** A whole number written into the statement: offsets are few and come from zone rules, never from input. */
const literal = (n: number) => sql.raw(String(Math.trunc(n)));

/** `column` (epoch ms) moved to the wall clock: epoch ms as if the local time were UTC. */
export function wallClock(column: SQL, segments: readonly OffsetSegment[]): SQL {
  const first = segments[0];
  if (!first) throw new RangeError('offsetSegments answers at least one segment');
  if (segments.length === 1) return sql`(${column} + ${literal(first.offsetMinutes * MS_PER_MINUTE)})`;
  const cases: SQL[] = [];
  for (let i = 1; i < segments.length; i++) {
    const before = segments[i - 1]!.offsetMinutes * MS_PER_MINUTE;
    cases.push(sql`WHEN ${column} < ${literal(segments[i]!.start)} THEN ${literal(before)}`);
  }
  const last = segments[segments.length - 1]!.offsetMinutes * MS_PER_MINUTE;
  return sql`(${column} + CASE ${sql.join(cases, sql` `)} ELSE ${literal(last)} END)`;
}

/** Local hour number (hours since 1970-01-01T00:00) of a wall-clock expression: the day is `÷ 24`. */
export const localHourNumber = (wall: SQL) => sql`(${wall} / 3600000)`;
