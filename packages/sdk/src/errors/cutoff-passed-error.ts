/**
 * @module `cutoff_passed`: too close to the start for the customer to change it (409).
 */
import { ApiError } from './api-error.js';

/**
 * The service's cancellation or reschedule cut-off has passed; only the business can still change
 * the booking.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isCutoffPassedError(error)) showMessage('Please call us to change this booking.');
 * }
 * ```
 */
export class CutoffPassedError extends ApiError {
  override name = 'CutoffPassedError' as const;
}
