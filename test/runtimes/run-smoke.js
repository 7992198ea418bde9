/**
 * @module The SDK smoke run as a program, for Deno and Bun: `<runtime> run-smoke.js URL PK SK`
 * prints the result as one JSON line. Loads the built SDK (`packages/sdk/dist`), as an application
 * importing the published package would.
 */
import * as sdk from '../../packages/sdk/dist/index.js';
import * as stock from '../../packages/sdk/dist/resources/stock.js';
import { sdkSmoke } from './sdk-smoke.js';

// Deno keeps its arguments in Deno.args; Bun and Node in process.argv.
const args = globalThis.Deno?.args ?? process.argv.slice(2);
const [baseUrl, publishableKey, secretKey] = args;
const result = await sdkSmoke({ sdk, stock, baseUrl, publishableKey, secretKey });
console.log(JSON.stringify(result));
