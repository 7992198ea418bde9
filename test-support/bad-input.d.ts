import type { Arbitrary } from 'fast-check';

export declare const nasty: string[];
export declare const edgeDate: Arbitrary<string>;
export declare const edgeInstant: Arbitrary<string>;

export interface Route {
  method: string;
  path: string;
}
/** Every operation of an OpenAPI document under /v1 (the stream left out). */
export declare function apiRoutes(document: { paths: Record<string, Record<string, unknown>> }): Route[];
export declare function fillPath(path: string, value: string): string;

export interface BadRequest {
  method: string;
  /** With the query string. */
  path: string;
  /** All but `Authorization`. */
  headers: Record<string, string>;
  body: string | undefined;
  /** Send with the secret key (else the publishable one). */
  secret: boolean;
}
export declare function badRequests(options: {
  routes: Route[];
  ownIds: string[];
  otherIds: string[];
  samples: unknown[];
}): Arbitrary<BadRequest>;
