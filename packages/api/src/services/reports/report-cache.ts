/**
 * @module The last bookings reports this process answered, kept while nothing they are computed from
 * has changed: every booking, hold or customer change gives the business a new `occupancyVersion`
 * and every catalogue change (services, resources, hours, closures, the business's zone) a new
 * `catalogVersion` (services/events.ts), both read fresh on every request — so a cached report is
 * served only when a fresh one would be the same, whichever process made the change. An owner who
 * looks at a year, then at it by service, then back, waits for SQLite once per view.
 */
import type { BookingReport } from '@frontdesk/core';

interface Entry {
  catalog: string;
  occupancy: string;
  report: BookingReport;
}

/** Reports kept per process (a year's report of 100 resources is a few hundred KB at most). */
const maxEntries = 64;

export interface ReportVersions {
  catalogVersion: string;
  occupancyVersion: string;
}

export class ReportCache {
  readonly #entries = new Map<string, Entry>();

  /** The cached report of `key`, if made from the same versions. */
  get(key: string, versions: ReportVersions): BookingReport | undefined {
    const hit = this.#entries.get(key);
    if (!hit || hit.catalog !== versions.catalogVersion || hit.occupancy !== versions.occupancyVersion) {
      return undefined;
    }
    // Most recently used last: the first entry is the one to drop.
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit.report;
  }

  /** Keeps `report`, made from data read after `versions` were (a later change re-labels nothing). */
  set(key: string, versions: ReportVersions, report: BookingReport): void {
    this.#entries.delete(key);
    this.#entries.set(key, {
      catalog: versions.catalogVersion,
      occupancy: versions.occupancyVersion,
      report,
    });
    if (this.#entries.size > maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
  }
}
