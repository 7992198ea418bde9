/**
 * @module A report period on the wire: its dates, their number and the instants they span.
 */
import type { ReportPeriod, ReportSpan } from '@frontdesk/core';
import { toInstant } from '../../time.js';

export const periodToWire = (span: ReportSpan): ReportPeriod => ({
  from: span.from,
  to: span.to,
  days: span.days,
  start: toInstant(span.start),
  end: toInstant(span.end),
});
