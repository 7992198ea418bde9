/**
 * @module The groups of the reference (`/docs` shows one section each), in the order shown.
 */
export const tags = [
  { name: 'Booking', description: 'Availability, holds and bookings: what a booking page calls.' },
  { name: 'Services', description: 'What can be booked: duration, buffers, capacity, questions.' },
  {
    name: 'Resources',
    description: 'People, rooms and equipment that a booking occupies, with weekly hours.',
  },
  { name: 'Schedules', description: 'Date overrides and time off per resource; business-wide closures.' },
  { name: 'Business', description: 'The business of the key: name, zone, locale, currency.' },
  { name: 'Stock', description: 'Products, locations, stock levels, POS adjustments and the live stream.' },
  { name: 'Reservations', description: 'Click and collect: units held for a customer until collected.' },
  {
    name: 'Customers',
    description: 'The people behind bookings and reservations, by email: history, notes, export, erasure.',
  },
  { name: 'Keys', description: 'Publishable and secret API keys.' },
  { name: 'Events', description: 'The event log, for audit and for catching up on changes.' },
  {
    name: 'Webhooks',
    description: 'Endpoints that receive every change, signed (Standard Webhooks), retried and replayable.',
  },
  {
    name: 'Messages',
    description: 'Mail to customers and the business: status, SMTP answer and a preview of each.',
  },
  {
    name: 'Calendar',
    description: 'Calendar feeds that staff subscribe to in Google, Apple or Outlook calendar.',
  },
  { name: 'Agenda', description: 'Everything on the calendar between two dates, for the console.' },
  {
    name: 'Reports',
    description: 'Figures of a period compared with the one before: bookings, utilisation, revenue, stock.',
  },
  {
    name: 'Sessions',
    description: 'Signing in to the owner console, one-time links (set-up, invitations), passwords.',
  },
  { name: 'Users', description: 'The people who sign in to the console: owners and staff.' },
  {
    name: 'Operations',
    description: 'Liveness, readiness, metrics, this document and its reference page.',
  },
  {
    name: 'Widget',
    description: 'The built booking widget, its demo page and hosted booking pages, served beside the API.',
  },
  { name: 'Console', description: 'The built owner console, served beside the API at `/console`.' },
] as const;

export type Tag = (typeof tags)[number]['name'];
