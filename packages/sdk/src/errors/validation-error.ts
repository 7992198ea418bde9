/**
 * @module `validation_failed`: the request did not match the contract (422), with field errors.
 */
import type { FieldError, Problem } from '../types.js';
import { ApiError } from './api-error.js';

/**
 * The input was rejected. `fieldErrors` lists each bad field with a dotted path
 * (`customer.email`, `answers.allergies`) to show the message next to the right input.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isValidationError(error)) {
 *     for (const { path, message } of error.fieldErrors) form.setError(path, message);
 *   }
 * }
 * ```
 */
export class ValidationError extends ApiError {
  override name = 'ValidationError' as const;
  /** One entry per invalid field (possibly several for one field). */
  readonly fieldErrors: readonly FieldError[];

  constructor(problem: Problem, headers?: Headers) {
    super(problem, headers);
    this.fieldErrors = problem.errors ?? [];
  }
}
