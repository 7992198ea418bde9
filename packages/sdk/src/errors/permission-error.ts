/**
 * @module `forbidden`: the key may not do this (403).
 */
import { ApiError } from './api-error.js';

/**
 * The key is valid but may not make this call: a publishable key on a secret-only route, or a page
 * origin the publishable key does not allow.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isPermissionError(error)) console.error('Use a secret key on the server for this call');
 * }
 * ```
 */
export class PermissionError extends ApiError {
  override name = 'PermissionError' as const;
}
