/**
 * @module The SDK smoke run as a Cloudflare-style worker, bundled with esbuild and served by
 * workerd: each request runs it against the API named in the `API` binding and answers the result
 * as JSON (500 with the error otherwise).
 */
import * as sdk from '../../packages/sdk/dist/index.js';
import * as stock from '../../packages/sdk/dist/resources/stock.js';
import { sdkSmoke } from './sdk-smoke.js';

export default {
  /** @param {Request} _request @param {{ API: string, PK: string, SK: string }} env */
  async fetch(_request, env) {
    try {
      const result = await sdkSmoke({
        sdk,
        stock,
        baseUrl: env.API,
        publishableKey: env.PK,
        secretKey: env.SK,
      });
      return Response.json(result);
    } catch (error) {
      return Response.json(
        { error: error instanceof Error ? (error.stack ?? error.message) : String(error) },
        { status: 500 },
      );
    }
  },
};
