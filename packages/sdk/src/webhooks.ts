/**
 * @module `@frontdesk/sdk/webhooks`: everything about webhooks, kept off the root entry so pages
 * that book never ship it — verifying what arrives (WebCrypto only; a receiver that imports just
 * `verifyWebhook` bundles nothing else) and, on the business's server, managing endpoints.
 */
export * from './resources/webhooks.js';
export * from './webhook-verification.js';
