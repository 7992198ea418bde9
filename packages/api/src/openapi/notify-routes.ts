/**
 * @module The documented routes of what customers and staff are told: calendar feeds (and, as they
 * are added, messages and the hosted booking page). Keep in step with `routes/`: a test checks
 * every route.
 */
import { CalendarFeed, listOf, Message, MessageListQuery } from '@frontdesk/core';
import type { RouteDoc } from './route-doc.js';

export const notifyRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/v1/messages',
    summary: 'Mail sent, queued, failed, skipped or (without SMTP) kept unsent, with previews',
    tag: 'Messages',
    auth: 'secret',
    query: MessageListQuery,
    response: { status: 200, schema: listOf(Message) },
  },
  {
    method: 'get',
    path: '/v1/bookings/{id}/messages',
    summary: 'The messages about one booking',
    tag: 'Messages',
    auth: 'secret',
    query: MessageListQuery,
    response: { status: 200, schema: listOf(Message) },
  },
  {
    method: 'post',
    path: '/v1/resources/{id}/feed',
    summary: "Issue the resource's calendar feed URL (the previous one stops working)",
    tag: 'Calendar',
    auth: 'secret',
    response: { status: 201, schema: CalendarFeed },
  },
  {
    method: 'delete',
    path: '/v1/resources/{id}/feed',
    summary: "Revoke the resource's calendar feed",
    tag: 'Calendar',
    auth: 'secret',
    response: { status: 204 },
  },
  {
    method: 'post',
    path: '/v1/feed',
    summary: "Issue the business's calendar feed URL: every booking (the previous one stops working)",
    tag: 'Calendar',
    auth: 'secret',
    response: { status: 201, schema: CalendarFeed },
  },
  {
    method: 'delete',
    path: '/v1/feed',
    summary: "Revoke the business's calendar feed",
    tag: 'Calendar',
    auth: 'secret',
    response: { status: 204 },
  },
  {
    method: 'get',
    path: '/book/{slug}',
    summary:
      "The hosted booking page of the business with this slug (the widget; its manage view when the URL's fragment is a manage link)",
    tag: 'Booking page',
    auth: 'none',
    response: { status: 200, contentType: 'text/html' },
  },
  {
    method: 'get',
    path: '/feeds/{file}',
    summary:
      'A calendar feed, `/feeds/{token}.ics` (the token is the credential; ETag, 304 on If-None-Match)',
    tag: 'Calendar',
    auth: 'none',
    response: { status: 200, contentType: 'text/calendar' },
  },
];
