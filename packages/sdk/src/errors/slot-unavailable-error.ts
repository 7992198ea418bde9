/**
 * @module `slot_unavailable`: the chosen start time is no longer free (409).
 */
import { ApiError } from './api-error.js';

/**
 * The slot was taken (or its hold expired) between showing it and booking it. Offer fresh times.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isSlotUnavailableError(error)) await refreshTimes();
 * }
 * ```
 */
export class SlotUnavailableError extends ApiError {
  override name = 'SlotUnavailableError' as const;
}
