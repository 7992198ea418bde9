/**
 * @module Every string a client can send in a body (and so have stored) refuses C0 control
 * characters, checked on the JSON Schema the OpenAPI document is made of: a new text field that
 * forgets `text()` / `multilineText()` fails here.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import * as core from '../index.js';

type Node = Record<string, unknown>;

/** `[path, node]` of every string leaf (enums and constants aside) of a JSON Schema. */
function stringLeaves(node: unknown, path: string): [string, Node][] {
  if (typeof node !== 'object' || node === null) return [];
  const n = node as Node;
  const found: [string, Node][] = [];
  if (n.type === 'string' && n.enum === undefined && n.const === undefined) found.push([path, n]);
  for (const [key, child] of Object.entries(n.properties ?? {}))
    found.push(...stringLeaves(child, `${path}.${key}`));
  for (const key of ['items', 'additionalProperties', 'propertyNames'])
    found.push(...stringLeaves(n[key], `${path}[${key}]`));
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    for (const child of (n[key] as unknown[] | undefined) ?? []) found.push(...stringLeaves(child, path));
  return found;
}

const patterns = (leaf: Node) =>
  [leaf.pattern, ...((leaf.allOf as Node[] | undefined) ?? []).map((p) => p.pattern)].filter(
    (p): p is string => typeof p === 'string',
  );

/** Body schemas: what clients send to be stored. */
const bodies = Object.entries(core).filter(
  ([name, value]) =>
    /(?:Input|Update|Body)$/.test(name) && typeof value === 'object' && value !== null && '_zod' in value,
) as [string, z.ZodMiniType][];

describe('text fields of request bodies', () => {
  it('covers the bodies', () => {
    expect(bodies.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'BookingInput',
        'BusinessUpdate',
        'ClosureInput',
        'ProductInput',
        'ReservationInput',
      ]),
    );
  });

  it.each(bodies)('%s: every string refuses NUL and ESC', (_name, schema) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    for (const [path, leaf] of stringLeaves(json, '')) {
      // A zone name has no pattern: it is checked by Intl, which knows no zone with a control character.
      if (/\.time[zZ]one$/.test(path) && patterns(leaf).length === 0) {
        expect(core.TimeZone.safeParse('Europe/Lisbon\u0000').success, path).toBe(false);
        continue;
      }
      for (const bad of ['a\u0000b', 'a\u001bb']) {
        expect(
          patterns(leaf).some((p) => !new RegExp(p).test(bad)),
          `${path} accepts ${JSON.stringify(bad)}`,
        ).toBe(true);
      }
    }
  });
});
