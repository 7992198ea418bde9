/**
 * @module `insufficient_stock`: fewer units are available than asked for (409).
 */
import { ApiError } from './api-error.js';

/**
 * Not enough stock at that location to reserve the quantity asked for.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isInsufficientStockError(error)) showMessage('Only a few left — try a smaller quantity.');
 * }
 * ```
 */
export class InsufficientStockError extends ApiError {
  override name = 'InsufficientStockError' as const;
}
