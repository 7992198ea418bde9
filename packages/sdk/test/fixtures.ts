/**
 * @module A small salon built through the SDK itself (secret key): one person working weekdays
 * 09:00–17:00 in Lisbon, and services to book. The bench's clock starts Monday 2026-03-02 08:00Z.
 */
import type { FrontdeskClient, Service, ServiceInput } from '../src/index.js';

export const weekdays = { start: '09:00', end: '17:00' };
/** Tuesday after the bench's "now": far enough for any notice period used here. */
export const day = '2026-03-03';

export async function createSalon(admin: FrontdeskClient) {
  const ana = await admin.resources.create({
    name: 'Ana',
    hours: { mon: [weekdays], tue: [weekdays], wed: [weekdays], thu: [weekdays], fri: [weekdays] },
  });
  const service = (input: Partial<ServiceInput> = {}): Promise<Service> =>
    admin.services.create({ name: 'Haircut', durationMinutes: 30, resourceIds: [ana.id], ...input });
  return { ana, service };
}

export const customer = { name: 'Ana Silva', email: 'ana.silva@example.com' };
