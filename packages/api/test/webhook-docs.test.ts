/**
 * @module docs/webhooks.md keeps up with the event catalogue of @frontdesk/core: every type webhooks
 * carry has its section with an example body of that type, and no section names a type that is not.
 */
import { readFileSync } from 'node:fs';
import { webhookEventTypes } from '@frontdesk/core';
import { expect, it } from 'vitest';

const doc = readFileSync(new URL('../../../docs/webhooks.md', import.meta.url), 'utf8');

it('documents every webhook event type with an example body', () => {
  const sections = [...doc.matchAll(/^#### `([a-z_.]+)`\n\n[^\n]+\n\n```json\n([\s\S]*?)\n```/gm)];
  const documented = sections.map((m) => m[1]);
  expect([...documented].sort()).toEqual([...webhookEventTypes].sort());
  for (const [, type, body] of sections) {
    const example = JSON.parse(body!) as { type: string; timestamp: string; data: unknown };
    expect(example.type).toBe(type);
    expect(example.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(example.data).toBeTypeOf('object');
  }
});
