/**
 * @module The named schemas of the document (`#/components/schemas/Booking`, …): core schemas that
 * answers share, named once so generated clients get `components['schemas']['Booking']`. Only
 * answers (`io: 'output'`) use these names; request bodies are inlined in their input form, since a
 * schema with defaults reads differently on the way in.
 */
import * as core from '@frontdesk/core';
import { resolver } from 'hono-openapi';
import * as z from 'zod/mini';

/** The registry `z.toJSONSchema` reads names from (`metadata`). */
export const namedSchemas = z.registry<{ id: string }>();

/** Core schemas named by their export name; a typo or a removed schema fails the typecheck. */
const names = [
  'AdjustmentResult',
  'Agenda',
  'ApiKey',
  'Availability',
  'Booking',
  'Business',
  'Closure',
  'CreatedApiKey',
  'DateOverride',
  'Event',
  'FieldError',
  'Hold',
  'Location',
  'Movement',
  'Problem',
  'Product',
  'ProductStock',
  'Reservation',
  'Resource',
  'Service',
  'ServiceProduct',
  'SessionInfo',
  'StockSettings',
  'TimeOff',
  'User',
  'WebhookAttempt',
  'WebhookDelivery',
  'WebhookEndpoint',
  'WebhookEndpointWithSecret',
  'WebhookReplayResult',
] as const satisfies readonly (keyof typeof core)[];
// biome-ignore lint/performance/noDynamicNamespaceImportAccess: server code, never bundled for a browser.
for (const id of names) namedSchemas.add(core[id] as z.ZodMiniType, { id });

/** Names a schema declared beside its route (e.g. the event log's `Event`). */
export function named<S extends z.ZodMiniType>(id: string, schema: S): S {
  if (!namedSchemas.has(schema)) namedSchemas.add(schema, { id });
  return schema;
}

/** What hono-openapi resolves into a JSON Schema when it builds the document. */
export type SchemaResolver = ReturnType<typeof resolver>;

/** The schema of an answer: output form, shared schemas by reference. */
export const answerSchema = (schema: z.ZodMiniType): SchemaResolver =>
  resolver(schema, { options: { io: 'output', metadata: namedSchemas } });

/** The schema of a request body: input form (defaults make fields optional), inlined. */
export const requestSchema = (schema: z.ZodMiniType): SchemaResolver =>
  resolver(schema, { options: { io: 'input' } });
