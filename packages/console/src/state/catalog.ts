/**
 * @module Services and resources by id, for naming things on the agenda and in lists. Loaded once
 * per page and refreshed after catalogue changes (`refreshCatalog`).
 */
import type { Resource, Service } from '@frontdesk/sdk/console';
import { signal } from '@preact/signals';
import { desk } from '../api.js';

export interface Catalog {
  services: Service[];
  resources: Resource[];
  serviceName: (id: string) => string;
  resourceName: (id: string) => string;
}

export const catalog = signal<Catalog | null>(null);
let pending: Promise<Catalog> | null = null;

async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of pages) out.push(item);
  return out;
}

/** The catalogue, loaded on first use. */
export function loadCatalog(): Promise<Catalog> {
  if (catalog.value) return Promise.resolve(catalog.value);
  pending ??= refreshCatalog().finally(() => {
    pending = null;
  });
  return pending;
}

/** Loads the catalogue again (after a change). */
export async function refreshCatalog(): Promise<Catalog> {
  const [services, resources] = await Promise.all([
    all(desk.services.list({ limit: 100 })),
    all(desk.resources.list({ limit: 100 })),
  ]);
  const byId = <T extends { id: string; name: string }>(list: T[]) =>
    new Map(list.map((x) => [x.id, x.name]));
  const serviceNames = byId(services);
  const resourceNames = byId(resources);
  const loaded: Catalog = {
    services,
    resources,
    serviceName: (id) => serviceNames.get(id) ?? id,
    resourceName: (id) => resourceNames.get(id) ?? id,
  };
  catalog.value = loaded;
  return loaded;
}
