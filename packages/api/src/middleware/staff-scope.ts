/**
 * @module What a staff member's session may call: a list, and nothing else (403). Each route listed
 * here narrows its answer to the staff member's resources itself (`resourceScope`); anything not
 * listed (catalogue changes, keys, settings, users, webhooks, events, creating bookings) is
 * refused before it runs, so a new route is closed to staff until someone decides otherwise.
 * Stock at the counter is the exception to "their resources": products and stock are not tied to a
 * resource, so staff read every product, location, level, ledger row and reservation of the
 * business, count or adjust stock and hand over (or release) reservations; changing products,
 * locations and stock settings stays with owners.
 */
import type { Context } from 'hono';
import type { AppEnv, AuthContext } from '../env.js';
import { forbidden } from '../errors.js';

const id = '[^/]+';
const staffRoutes: { method: string; path: RegExp }[] = [
  { method: 'GET', path: /^\/v1\/business$/ },
  { method: 'GET', path: /^\/v1\/services$/ },
  { method: 'GET', path: new RegExp(`^/v1/services/${id}$`) },
  { method: 'GET', path: /^\/v1\/resources$/ },
  { method: 'GET', path: new RegExp(`^/v1/resources/${id}$`) },
  { method: 'GET', path: /^\/v1\/agenda$/ },
  { method: 'GET', path: /^\/v1\/bookings$/ },
  { method: 'GET', path: new RegExp(`^/v1/bookings/${id}$`) },
  { method: 'GET', path: new RegExp(`^/v1/bookings/${id}/events$`) },
  { method: 'POST', path: new RegExp(`^/v1/bookings/${id}/(arrive|complete|no-show)$`) },
  { method: 'PUT', path: new RegExp(`^/v1/bookings/${id}/notes$`) },
  // Stock at the counter (not narrowed: stock belongs to the business, not to a resource).
  { method: 'GET', path: /^\/v1\/products$/ },
  { method: 'GET', path: new RegExp(`^/v1/products/${id}(/stock)?$`) },
  { method: 'GET', path: /^\/v1\/locations$/ },
  { method: 'GET', path: new RegExp(`^/v1/locations/${id}$`) },
  { method: 'POST', path: /^\/v1\/stock\/adjustments$/ },
  { method: 'GET', path: /^\/v1\/stock\/movements$/ },
  { method: 'GET', path: /^\/v1\/stock\/stream$/ },
  // Stock counts only: the route refuses staff a products file itself.
  { method: 'POST', path: /^\/v1\/stock\/imports$/ },
  { method: 'GET', path: /^\/v1\/reservations$/ },
  { method: 'GET', path: new RegExp(`^/v1/reservations/${id}$`) },
  { method: 'POST', path: new RegExp(`^/v1/reservations/${id}/(collect|release)$`) },
  // Their own account.
  { method: 'GET', path: /^\/v1\/session$/ },
  { method: 'DELETE', path: /^\/v1\/session$/ },
  { method: 'DELETE', path: /^\/v1\/sessions$/ },
  { method: 'POST', path: /^\/v1\/session\/password$/ },
];

/** Throws 403 unless a staff member may make this call. */
export function checkStaffRoute(c: Context<AppEnv>): void {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  const path = c.req.path;
  if (staffRoutes.some((route) => route.method === method && route.path.test(path))) return;
  throw forbidden('Staff accounts can see and update the bookings of their own resources only');
}

/** The resources a request may see: all (undefined) for keys and owners, theirs for staff. */
export function resourceScope(auth: AuthContext): string[] | undefined {
  return auth.user?.role === 'staff' ? auth.user.resourceIds : undefined;
}
