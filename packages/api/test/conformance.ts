/**
 * @module Response conformance: checks an answer of the API against the generated OpenAPI document
 * — its status is listed for the operation, its content type is documented for that status, a JSON
 * body is valid against the documented schema (JSON Schema 2020-12, ajv), a problem's `code` is one
 * the document lists for that status. `createTestApp` (helpers.ts) runs it on every answer the test
 * suites receive; the fuzz test runs it on every fuzzed answer.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import type { OpenApiDocument } from '../src/openapi/document.js';

// ajv-formats is CommonJS: its default export arrives wrapped depending on the loader.
const addFormats = ((addFormatsImport as { default?: unknown }).default ??
  addFormatsImport) as typeof addFormatsImport.default;

type Json = Record<string, unknown>;

interface PathTemplate {
  template: string;
  segments: string[];
  params: number;
  operations: Record<string, Json>;
}

/** Answers for requests no operation matches: unknown paths and methods, refused before routing. */
const unmatchedStatuses = new Set([401, 403, 404, 405, 413]);

const escapePointer = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');

export class AnswerChecker {
  readonly #ajv: Ajv2020;
  readonly #templates: PathTemplate[];

  constructor(readonly document: OpenApiDocument) {
    // Patterns come from zod, written for JavaScript's RegExp without the `u` flag.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false, validateSchema: false });
    addFormats(this.#ajv);
    this.#ajv.addSchema(document as object, 'openapi.json');
    this.#templates = Object.entries(document.paths)
      .map(([template, operations]) => {
        const segments = template.split('/');
        return { template, segments, params: segments.filter((s) => s.startsWith('{')).length, operations };
      })
      // A literal segment wins over a parameter, as in the router.
      .sort((a, b) => a.params - b.params);
  }

  /** The documented operation a request reaches, if any. */
  operation(method: string, pathname: string): { template: string; operation: Json } | undefined {
    const parts = pathname.split('/');
    for (const t of this.#templates) {
      if (t.segments.length !== parts.length) continue;
      const matches = t.segments.every((segment, i) =>
        segment.startsWith('{') ? parts[i] !== '' : segment === parts[i],
      );
      if (!matches) continue;
      const operation = t.operations[method];
      if (operation) return { template: t.template, operation };
    }
    return undefined;
  }

  #validate(pointer: string, value: unknown): string | undefined {
    const validate = this.#ajv.getSchema(`openapi.json#${pointer}`);
    if (!validate) return `no schema at ${pointer}`;
    if (validate(value)) return undefined;
    return this.#ajv.errorsText(validate.errors, { dataVar: 'body' });
  }

  /** What is wrong with `response` as the answer to `method url`; empty when it conforms. */
  async check(method: string, url: string, response: Response): Promise<string[]> {
    if (method === 'OPTIONS') return []; // CORS preflight, answered before routing.
    const encoding = response.headers.get('content-encoding');
    if (encoding !== null && response.body !== null) {
      // A gzipped answer is checked as what the client reads once it is decoded.
      const decoded = response.clone().body!.pipeThrough(new DecompressionStream(encoding as 'gzip'));
      const headers = new Headers(response.headers);
      headers.delete('content-encoding');
      return this.check(method, url, new Response(decoded, { status: response.status, headers }));
    }
    const { pathname } = new URL(url);
    const verb = method === 'HEAD' ? 'get' : method.toLowerCase();
    const where = `${method} ${pathname} → ${response.status}`;
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const found = this.operation(verb, pathname);

    if (!found) {
      if (!unmatchedStatuses.has(response.status)) return [`${where}: no documented operation answers this`];
      if (type !== 'application/problem+json') return [`${where}: expected a problem, got "${type}"`];
      const error = this.#validate('/components/schemas/Problem', await response.clone().json());
      return error ? [`${where}: ${error}`] : [];
    }

    const { template, operation } = found;
    const responses = operation.responses as Record<string, Json>;
    const op = `${method} ${template}`;
    const documented = responses[String(response.status)];
    if (!documented) {
      const code = type.endsWith('json') ? (await readJson(response))?.code : undefined;
      return [
        `${where}${code ? ` ${String(code)}` : ''}: ${op} documents only ${Object.keys(responses).join(', ')}`,
      ];
    }
    const contents = documented.content as Record<string, Json> | undefined;
    if (!contents) {
      if (response.body !== null && (await response.clone().text()) !== '') {
        return [`${where}: ${op} documents no body for ${response.status}`];
      }
      return [];
    }
    if (!(type in contents)) {
      return [`${where}: content type "${type}" not documented (${Object.keys(contents).join(', ')})`];
    }
    if (!contents[type]?.schema || method === 'HEAD') return [];
    const body = await readJson(response);
    if (body === undefined) return [`${where}: the body is not JSON`];
    const pointer = `/paths/${escapePointer(template)}/${verb}/responses/${response.status}/content/${escapePointer(type)}/schema`;
    const errors: string[] = [];
    if (type === 'application/problem+json') {
      const codes = problemCodes(contents[type]);
      if (codes && !codes.includes(String(body.code))) {
        errors.push(
          `${where}: code "${String(body.code)}" not documented for ${op} ${response.status} (${codes.join(', ')})`,
        );
      }
    }
    const error = this.#validate(pointer, body);
    if (error) errors.push(`${where}: ${error}`);
    return errors;
  }
}

async function readJson(response: Response): Promise<Json | undefined> {
  try {
    return (await response.clone().json()) as Json;
  } catch {
    return undefined;
  }
}

/** The `code` enum of a documented problem answer. */
function problemCodes(media: Json | undefined): string[] | undefined {
  const parts = ((media?.schema as Json | undefined)?.allOf ?? []) as Json[];
  for (const part of parts) {
    const code = (part.properties as Record<string, Json> | undefined)?.code;
    if (Array.isArray(code?.enum)) return code.enum as string[];
  }
  return undefined;
}
